import { afterEach, describe, expect, it, vi } from "vitest";
import { CoarseClock } from "./coarse-clock.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Spins until Date.now() has moved past `t`. */
const pastMillisecond = (t: number) => {
  while (Date.now() <= t);
};

describe("CoarseClock", () => {
  afterEach(() => void vi.unstubAllGlobals());

  it("reads the clock once per resolution, never ahead of Date.now() and then fresh again", async () => {
    const clock = new CoarseClock(100);
    const first = clock.now();
    pastMillisecond(first + 2);
    expect(clock.now()).toBe(first);
    expect(clock.now()).toBeLessThan(Date.now());
    await sleep(150);
    const later = clock.now();
    expect(later).toBeGreaterThanOrEqual(first + 100);
    expect(later).toBeLessThanOrEqual(Date.now());
  });

  it("reads the clock on every call at a resolution of 0", () => {
    const clock = new CoarseClock(0);
    const first = clock.now();
    pastMillisecond(first);
    expect(clock.now()).toBeGreaterThan(first);
  });

  it("keeps no process alive: its timer is unref'd", () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    new CoarseClock(60_000).now();
    expect(timers()).toBe(before);
  });

  it("reads the clock on every call where timers cannot be unref'd (their ids are numbers, as in browsers and Workers)", () => {
    const realSetTimeout = globalThis.setTimeout;
    const set: number[] = [];
    vi.stubGlobal("setTimeout", (fn: () => void, ms: number) => {
      const id = Number(realSetTimeout(fn, ms));
      set.push(id);
      return id;
    });
    const clock = new CoarseClock(60_000);
    const first = clock.now();
    pastMillisecond(first);
    expect(clock.now()).toBeGreaterThan(first);
    // It tried once, cleared that timer, and set no other.
    expect(set).toHaveLength(1);
  });
});
