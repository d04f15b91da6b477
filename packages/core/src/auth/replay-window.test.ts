import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../errors.js";
import { outsideReplayWindow, replayToleranceMs } from "./replay-window.js";

const NOW = 1_800_000_000_000;

describe("outsideReplayWindow", () => {
  it("accepts a timestamp within the window, either side of now", () => {
    expect(outsideReplayWindow(NOW - 299_000, 300_000, "x-sig", NOW)).toBeUndefined();
    expect(outsideReplayWindow(NOW + 299_000, 300_000, "x-sig", NOW)).toBeUndefined();
  });

  it("answers 401 for a timestamp older than the window, saying how old", () => {
    const error = outsideReplayWindow(NOW - 301_000, 300_000, "x-sig", NOW);
    expect([error?.status, error?.code, error?.message]).toEqual([401, "signature_mismatch", "x-sig timestamp is 301 s old, outside the 300 s replay window"]);
  });

  it("answers 401 for a timestamp too far in the future", () => {
    expect(outsideReplayWindow(NOW + 3_600_000, 300_000, "x-sig", NOW)?.message).toMatch(/3600 s in the future/);
  });
});

describe("replayToleranceMs", () => {
  it("uses the default when not given, and takes 0 or a positive number", () => {
    expect(replayToleranceMs(undefined, 300_000, "v")).toBe(300_000);
    expect(replayToleranceMs(0, 300_000, "v")).toBe(0);
    expect(replayToleranceMs(60_000, 300_000, "v")).toBe(60_000);
  });

  it("refuses a negative or non-finite window at construction", () => {
    expect(() => replayToleranceMs(-1, 300_000, "sanity")).toThrow(/sanity: the replay window/);
    expect(() => replayToleranceMs(Number.NaN, 300_000, "sanity")).toThrow(/replay window/);
  });
});

describe("replay window edges", () => {
  it("accepts a timestamp exactly at the edge of the window, and refuses one a millisecond past it", () => {
    expect(outsideReplayWindow(NOW - 300_000, 300_000, "x-sig", NOW)).toBeUndefined();
    expect(outsideReplayWindow(NOW + 300_000, 300_000, "x-sig", NOW)).toBeUndefined();
    expect(outsideReplayWindow(NOW - 300_001, 300_000, "x-sig", NOW)?.message).toBe("x-sig timestamp is 300 s old, outside the 300 s replay window");
    expect(outsideReplayWindow(NOW + 300_600, 300_000, "x-sig", NOW)?.message).toBe("x-sig timestamp is 301 s in the future, outside the 300 s replay window");
  });

  it("reads the clock when not given one", () => {
    expect(outsideReplayWindow(Date.now(), 60_000, "x-sig")).toBeUndefined();
    expect(outsideReplayWindow(Date.now() - 120_000, 60_000, "x-sig")?.code).toBe("signature_mismatch");
  });

  it("says what it got in the configuration error", () => {
    for (const value of [-1, Number.POSITIVE_INFINITY, "300" as unknown as number]) {
      expect(() => replayToleranceMs(value, 300_000, "sanity")).toThrow(
        new ConfigurationError(`sanity: the replay window must be a number of milliseconds ≥ 0, got ${String(value)}`),
      );
    }
  });
});

