/**
 * When a test may skip: one rule for every helper. `CI` set to anything other
 * than empty, `0` or `false` means CI, where a missing Redis or runtime fails
 * the run; elsewhere the test is skipped with a message on stderr.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { isCi, skipOutsideCi } from "./support/ci.js";

/** A port nothing listens on (1 is reserved and closed on the loopback). */
const NO_REDIS = "redis://127.0.0.1:1";

class Skipped extends Error {}
const skip = (note: string): never => {
  throw new Skipped(note);
};

/** The helpers as a fresh process with this `CI` value would load them. */
async function helpersWith(ci: string | undefined) {
  vi.stubEnv("CI", ci);
  vi.resetModules();
  const [redis, runtimes] = await Promise.all([import("./support/redis.js"), import("./support/runtime-binaries.js")]);
  return { requireRedis: redis.requireRedis, unavailable: runtimes.unavailable, RuntimeUnavailableError: runtimes.RuntimeUnavailableError, IN_CI: runtimes.IN_CI };
}

/** What each helper does with a missing prerequisite: "fails" (throws), or "skips". */
async function outcomes(ci: string | undefined): Promise<{ redis: string; runtime: string; inCi: boolean }> {
  const h = await helpersWith(ci);
  const redis = await h.requireRedis(NO_REDIS).then(
    (up) => (up ? "up" : "skips"),
    () => "fails",
  );
  let runtime: string;
  try {
    h.unavailable(new h.RuntimeUnavailableError("bun cannot start"), skip);
    runtime = "returned";
  } catch (error) {
    runtime = error instanceof Skipped ? "skips" : "fails";
  }
  return { redis, runtime, inCi: h.IN_CI };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("isCi", () => {
  it.each(["true", "1", "yes", "TRUE", "github-actions", " true "])("CI=%j is CI", (value) => expect(isCi({ CI: value })).toBe(true));
  it.each(["", "0", "false", "FALSE", "False", " "])("CI=%j is not CI", (value) => expect(isCi({ CI: value })).toBe(false));
  it("no CI variable is not CI", () => expect(isCi({})).toBe(false));
});

describe("skipOutsideCi", () => {
  it("throws the reason in CI, so the test fails", () => {
    expect(() => skipOutsideCi("Redis is not reachable", "", true)).toThrow(/Redis is not reachable\. CI is set/);
  });
  it("warns with the reason and the hint elsewhere, and returns so the caller skips", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(skipOutsideCi("Redis is not reachable", "Start one", false)).toBeUndefined();
    expect(warn.mock.calls).toEqual([["SKIPPED: Redis is not reachable. Start one"]]);
  });
});

describe("the Redis and runtime helpers agree on CI", () => {
  it.each(["true", "1", "yes"])("CI=%j: a missing Redis and a missing runtime both fail", async (ci) => {
    expect(await outcomes(ci)).toEqual({ redis: "fails", runtime: "fails", inCi: true });
  });

  it.each([undefined, "", "0", "false"])("CI=%j: both skip, saying why", async (ci) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await outcomes(ci)).toEqual({ redis: "skips", runtime: "skips", inCi: false });
    expect(warn.mock.calls.map(([line]) => String(line))).toEqual([
      expect.stringMatching(/^SKIPPED: Redis is not reachable at redis:\/\/127\.0\.0\.1:1 /),
      "SKIPPED: bun cannot start",
    ]);
  });

  it("a runtime error that is not 'unavailable' (the app failed to load) fails outside CI too", async () => {
    const h = await helpersWith("0");
    const broken = new Error("SyntaxError in the bundle");
    expect(() => h.unavailable(broken, skip)).toThrow(broken);
  });
});
