import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../errors.js";
import { toHeaderReader } from "../headers.js";
import { CredentialsUnavailableError, TenantSecretCache, expiryClockResolution, type SecretResolver, type SecretValue, type TenantCacheOptions } from "./tenant-secrets.js";

const context = (tenant: string | undefined) => ({ tenant, params: {}, headers: toHeaderReader({}), peek: () => undefined });
/** "Prepares" secrets by turning them into strings, so a test sees what was prepared. */
const prepare = (secrets: readonly (string | Uint8Array)[]) => secrets.map((s) => (typeof s === "string" ? s : `bytes:${s.length}`));

/** A cache over a table of secrets that counts its lookups. */
function cacheOver(table: Record<string, SecretValue | undefined>, options?: TenantCacheOptions) {
  const calls: (string | undefined)[] = [];
  const resolve: SecretResolver = ({ tenant }) => (calls.push(tenant), table[tenant ?? ""]);
  return { cache: new TenantSecretCache(resolve, prepare, "hmacSignature", options), calls };
}

const failure = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    return error as CredentialsUnavailableError;
  }
  throw new Error("expected a failure");
};

describe("TenantSecretCache", () => {
  it("prepares a tenant's secret or rotation list, and answers undefined for an unknown tenant", () => {
    const { cache } = cacheOver({ a: "secret-a", b: ["new-b", new Uint8Array(3)] });
    expect([cache.get(context("a")), cache.get(context("b")), cache.get(context("nobody"))]).toEqual([["secret-a"], ["new-b", "bytes:3"], undefined]);
  });

  it("looks each tenant up once while its answer is fresh, unknown tenants included", () => {
    const { cache, calls } = cacheOver({ a: "secret-a" });
    for (let i = 0; i < 3; i++) {
      cache.get(context("a"));
      cache.get(context("nobody"));
    }
    expect([calls, cache.size]).toEqual([["a", "nobody"], 2]);
  });

  it("looks a delivery without a tenant name up every time, and keeps nothing for it", () => {
    const { cache, calls } = cacheOver({ "": "shared" });
    expect([cache.get(context(undefined)), cache.get(context(undefined))]).toEqual([["shared"], ["shared"]]);
    expect([calls.length, cache.size]).toEqual([2, 0]);
  });

  it("keeps nothing with ttlMs 0, and looks again once an answer has expired", async () => {
    const uncached = cacheOver({ a: "secret-a" }, { ttlMs: 0 });
    uncached.cache.get(context("a"));
    uncached.cache.get(context("a"));
    expect([uncached.calls.length, uncached.cache.size]).toEqual([2, 0]);

    const short = cacheOver({ a: "secret-a" }, { ttlMs: 20 });
    short.cache.get(context("a"));
    short.cache.get(context("a"));
    await new Promise((resolve) => setTimeout(resolve, 40));
    short.cache.get(context("a"));
    expect(short.calls.length).toBe(2);
  });

  it("holds at most maxEntries tenants, forgetting the one stored longest ago", () => {
    const { cache, calls } = cacheOver({ a: "1", b: "2", c: "3" }, { maxEntries: 2 });
    for (const tenant of ["a", "b", "c", "b", "a"]) cache.get(context(tenant));
    // c pushed out a; b was still held; a is looked up again and pushes out b.
    expect([calls, cache.size]).toEqual([["a", "b", "c", "a"], 2]);
  });

  it("shares one lookup among concurrent deliveries of a tenant, and lets a failed one be tried again", async () => {
    let calls = 0;
    let fail = true;
    const cache = new TenantSecretCache(
      async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (fail) throw new Error("secret store down");
        return "secret-a";
      },
      prepare,
      "hmacSignature",
    );
    const first = await Promise.allSettled([cache.get(context("a")), cache.get(context("a"))]);
    expect(first.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    fail = false;
    expect(await Promise.all([cache.get(context("a")), cache.get(context("a"))])).toEqual([["secret-a"], ["secret-a"]]);
    expect([calls, cache.get(context("a"))]).toEqual([2, ["secret-a"]]);
  });

  it("answers 503 with Retry-After when the lookup throws or rejects, keeping the cause", async () => {
    const cause = new Error("secret store down");
    const throwing = new TenantSecretCache(
      () => {
        throw cause;
      },
      prepare,
      "hmacSignature",
    );
    const rejecting = new TenantSecretCache(() => Promise.reject(cause), prepare, "hmacSignature");
    for (const error of [await failure(() => throwing.get(context("a"))), await failure(() => rejecting.get(context("a")))]) {
      expect(error).toBeInstanceOf(CredentialsUnavailableError);
      expect(error).toMatchObject({
        status: 503,
        code: "credentials_unavailable",
        message: "The credentials for this delivery could not be looked up; retry later",
        headers: { "retry-after": "5" },
        hint: "The secret lookup function threw or rejected: check the store it reads.",
        cause,
      });
    }
  });

  it("answers 503 naming the setting when the function returns an empty or non-string secret", async () => {
    for (const bad of ["", ["ok", ""], [42 as unknown as string]]) {
      const { cache } = cacheOver({ a: bad });
      const error = await failure(() => cache.get(context("a")));
      expect(error).toMatchObject({ status: 503 });
      expect(error.cause).toEqual(new ConfigurationError("hmacSignature: the secret function returned an empty or non-string secret"));
    }
  });

  it("checks expiry against a clock at most 1/64 of the TTL stale, at most 1 s, and an exact one below 6 400 ms", () => {
    expect([0, 20, 6_399, 6_400, 6_463, 60_000, 64_000, 600_000].map(expiryClockResolution)).toEqual([0, 0, 0, 100, 100, 937, 1_000, 1_000]);
  });

  it("refuses a negative or NaN ttlMs and a maxEntries that is not a positive integer", () => {
    const make = (options: TenantCacheOptions) => () => new TenantSecretCache(() => "s", prepare, "kontent: `secret`", options);
    for (const ttlMs of [-1, Number.NaN]) expect(make({ ttlMs })).toThrow(new ConfigurationError("kontent: `secret`: cache.ttlMs must be ≥ 0"));
    for (const maxEntries of [0, 1.5]) {
      expect(make({ maxEntries })).toThrow(new ConfigurationError("kontent: `secret`: cache.maxEntries must be a positive integer"));
    }
    expect(make({ ttlMs: 0, maxEntries: 1 })).not.toThrow();
  });

  it("takes null from a JavaScript function as an unknown tenant, like undefined", () => {
    const { cache } = cacheOver({ a: null as unknown as undefined });
    expect(cache.get(context("a"))).toBeUndefined();
  });

  it("treats an answer as expired from the millisecond its TTL ends", () => {
    // Needs a lookup that ran within one millisecond, so that its expiry (that millisecond + ttlMs) is known.
    for (let attempt = 0; attempt < 100; attempt++) {
      const { cache, calls } = cacheOver({ a: "secret-a" }, { ttlMs: 1 });
      const before = Date.now();
      cache.get(context("a"));
      if (Date.now() !== before) continue;
      while (Date.now() === before); // wait for the millisecond the answer expires in
      if (Date.now() !== before + 1) continue;
      cache.get(context("a"));
      expect(calls).toEqual(["a", "a"]);
      return;
    }
    throw new Error("no lookup ran within one millisecond in 100 attempts");
  });
});

