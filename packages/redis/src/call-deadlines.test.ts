import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { callDeadlines, DedupeTimeoutError } from "./call-deadlines.js";
import { clientBoundsCommands, type RedisDedupeClient } from "./redis-dedupe-client.js";

const never = () => new Promise<never>(() => {});

describe("callDeadlines", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("rejects every call still pending at its deadline, oldest first, with one timer", async () => {
    const within = callDeadlines(100);
    const first = within(never(), "claim");
    vi.advanceTimersByTime(40);
    const second = within(never(), "complete");
    const outcomes: string[] = [];
    first.catch((e: Error) => outcomes.push(`first: ${e.message}`));
    second.catch((e: Error) => outcomes.push(`second: ${e.message}`));
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(60);
    expect(outcomes).toEqual(["first: Redis dedupe claim took longer than 100 ms"]);
    await vi.advanceTimersByTimeAsync(40);
    expect(outcomes).toHaveLength(2);
    await expect(second).rejects.toBeInstanceOf(DedupeTimeoutError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("passes results and errors through unchanged when Redis answers in time", async () => {
    const within = callDeadlines(100);
    await expect(within(Promise.resolve("OK"), "complete")).resolves.toBe("OK");
    await expect(within(Promise.reject(new Error("READONLY")), "claim")).rejects.toThrow("READONLY");
    await vi.advanceTimersByTimeAsync(200); // the deadline passing later changes nothing
  });

  it("adds nothing with a limit of 0", () => {
    const promise = Promise.resolve(1);
    expect(callDeadlines(0)(promise, "claim")).toBe(promise);
  });
});

describe("clientBoundsCommands", () => {
  const client = (options: object, isCluster = false) => ({ options, isCluster }) as unknown as RedisDedupeClient;

  it("trusts a Redis client whose commandTimeout is within the limit (it applies to queued commands too)", () => {
    expect(clientBoundsCommands(client({ commandTimeout: 1_000 }), 2_000)).toBe(true);
    expect(clientBoundsCommands(client({ commandTimeout: 5_000 }), 2_000)).toBe(false);
    expect(clientBoundsCommands(client({}), 2_000)).toBe(false);
  });

  it("trusts a Cluster client only with its offline queue off and a node commandTimeout", () => {
    expect(clientBoundsCommands(client({ enableOfflineQueue: false, redisOptions: { commandTimeout: 1_000 } }, true), 2_000)).toBe(true);
    expect(clientBoundsCommands(client({ enableOfflineQueue: true, redisOptions: { commandTimeout: 1_000 } }, true), 2_000)).toBe(false);
  });
});
