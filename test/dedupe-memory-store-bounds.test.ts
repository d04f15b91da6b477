/**
 * memoryDedupeStore at its edges, where mutation testing found the unit tests
 * silent: the smallest store, a released id's place in the eviction order, and
 * eviction staying oldest-first after thousands of writes have made the
 * store compact its queue of places (both compaction triggers).
 */
import { ConfigurationError, memoryDedupeStore } from "@cmshooks/core";
import { describe, expect, it } from "vitest";

const TTL = 60_000;
const ids = (prefix: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `${prefix}-${from + i}`);

describe("memoryDedupeStore bounds", () => {
  it("takes maxEntries: 1, a store of one id, and says why it refuses 0", () => {
    const store = memoryDedupeStore({ maxEntries: 1 });
    store.complete("a", TTL);
    store.complete("b", TTL);
    expect([store.size, store.claim("b", TTL), store.claim("a", TTL)]).toEqual([1, "done", "new"]);
    expect(() => memoryDedupeStore({ maxEntries: 0 })).toThrow(new ConfigurationError("memoryDedupeStore: maxEntries must be a positive integer"));
  });

  it("skips the place of a released id when it evicts", () => {
    const store = memoryDedupeStore({ maxEntries: 2 });
    store.claim("released", TTL);
    store.release("released");
    for (const id of ["a", "b", "c"]) {
      store.claim(id, TTL); // evicting walks past the released id's place
      store.complete(id, TTL); // only finished ids are evicted: a claim in progress never is
    }
    expect([store.size, store.claim("b", TTL), store.claim("c", TTL), store.claim("a", TTL)]).toEqual([2, "done", "done", "new"]);
  });

  it("after thousands of rewrites of the same ids (the queue compacts stale places), every id keeps its state and eviction stays oldest-first", () => {
    const store = memoryDedupeStore({ maxEntries: 100 });
    const live = ids("id", 100);
    for (let round = 0; round < 40; round++) for (const id of live) store.complete(id, TTL);
    expect(store.size).toBe(100);
    expect(live.map((id) => store.claim(id, TTL))).toEqual(live.map(() => "done"));
    // 30 new ids evict the 30 written longest ago: id-0 … id-29.
    for (const id of ids("new", 30)) store.claim(id, TTL);
    expect(ids("id", 70, 30).map((id) => store.claim(id, TTL))).toEqual(ids("id", 70, 30).map(() => "done"));
    expect(ids("id", 30).filter((id) => store.claim(id, TTL) !== "new")).toEqual([]);
  });

  it("after thousands of evictions (the queue compacts its evicted head), the newest ids are kept and the older ones are gone", () => {
    const store = memoryDedupeStore({ maxEntries: 100 });
    const all = ids("d", 5_000);
    for (const id of all) store.complete(id, TTL);
    expect(store.size).toBe(100);
    const kept = all.slice(-100);
    expect(kept.map((id) => store.claim(id, TTL))).toEqual(kept.map(() => "done"));
    expect(store.claim("d-4899", TTL)).toBe("new");
    // That claim evicted the oldest kept id, d-4900, and nothing newer.
    expect([store.claim("d-4901", TTL), store.claim("d-4900", TTL)]).toEqual(["done", "new"]);
  });

  it("evicts a claim in progress from the millisecond its TTL ends, as claim() then sees it expired", () => {
    let clock = 0;
    const store = memoryDedupeStore({ maxEntries: 1, now: () => clock });
    store.claim("stuck", 10);
    clock = 10;
    expect([store.claim("next", TTL), store.size, store.claim("next", TTL)]).toEqual(["new", 1, "processing"]);
  });
});

