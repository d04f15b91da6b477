import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../errors.js";
import { memoryDedupeStore } from "./memory-store.js";

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** The heap in use after a full garbage collection. */
function heapAfterGc(): number {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A delivery id shaped like the receiver's own: SHA-256 hex + event name. */
const deliveryId = (i: number) => `${i.toString(16).padStart(64, "0")}:editorial.update_asset`;

describe("memoryDedupeStore", () => {
  it("answers new, then processing while handlers run, then done once completed", () => {
    const store = memoryDedupeStore();
    expect(store.claim("a", 60_000)).toBe("new");
    expect(store.claim("a", 60_000)).toBe("processing");
    store.complete("a", 86_400_000);
    expect(store.claim("a", 60_000)).toBe("done");
  });

  it("frees a processing claim after its TTL, so a crashed attempt is retried", () => {
    const clock = manualClock();
    const store = memoryDedupeStore({ now: clock.now });
    store.claim("a", 1_000);
    clock.advance(999);
    expect(store.claim("a", 1_000)).toBe("processing");
    clock.advance(1);
    expect(store.claim("a", 1_000)).toBe("new");
  });

  it("forgets a done id after the done TTL", () => {
    const clock = manualClock();
    const store = memoryDedupeStore({ now: clock.now });
    store.claim("a", 1_000);
    store.complete("a", 5_000);
    clock.advance(4_999);
    expect(store.claim("a", 1_000)).toBe("done");
    clock.advance(1);
    expect(store.claim("a", 1_000)).toBe("new");
  });

  it("lets an id be claimed again after release (handlers failed)", () => {
    const store = memoryDedupeStore();
    store.claim("a", 60_000);
    store.release("a");
    expect(store.size).toBe(0);
    expect(store.claim("a", 60_000)).toBe("new");
  });

  it("evicts the oldest finished id first when full", () => {
    const store = memoryDedupeStore({ maxEntries: 3 });
    for (const id of ["a", "b", "c"]) {
      store.claim(id, 60_000);
      store.complete(id, 60_000);
    }
    store.claim("d", 60_000);
    expect(store.size).toBe(3);
    expect(store.claim("a", 60_000)).toBe("new"); // "a" was evicted: it is new again (and evicts "b")
    expect(store.claim("c", 60_000)).toBe("done");
    expect(store.claim("b", 60_000)).toBe("new");
  });

  it("moves a completed id to the back of the eviction order", () => {
    const store = memoryDedupeStore({ maxEntries: 2 });
    store.claim("a", 60_000);
    store.claim("b", 60_000);
    store.complete("b", 60_000);
    store.complete("a", 60_000); // "a" is now the newest entry
    store.claim("c", 60_000); // evicts "b", not "a"
    expect(store.claim("a", 60_000)).toBe("done");
    expect(store.claim("b", 60_000)).toBe("new");
  });

  it("never evicts a claim in progress: a slow handler's claim outlives newer finished ids", () => {
    const store = memoryDedupeStore({ maxEntries: 3 });
    store.claim("slow", 60_000); // oldest, still processing
    for (const id of ["x", "y", "z", "w"]) {
      store.claim(id, 60_000);
      store.complete(id, 60_000);
    }
    expect(store.size).toBe(3);
    expect(store.claim("slow", 60_000)).toBe("processing");
  });

  it("evicts an expired claim before a finished id", () => {
    let now = 0;
    const store = memoryDedupeStore({ maxEntries: 2, now: () => now });
    store.claim("crashed", 1_000); // its process died; the claim expires at 1 000
    store.claim("done", 60_000);
    store.complete("done", 60_000);
    now = 5_000;
    store.claim("next", 60_000);
    expect(store.claim("done", 60_000)).toBe("done");
  });

  it("refuses a new claim when every entry is a claim in progress (the receiver answers 503)", () => {
    const store = memoryDedupeStore({ maxEntries: 2 });
    store.claim("a", 60_000);
    store.claim("b", 60_000);
    expect(() => store.claim("c", 60_000)).toThrow(/full: all 2 entries are claims in progress/);
    expect(store.claim("a", 60_000)).toBe("processing");
    expect(store.claim("b", 60_000)).toBe("processing");
    store.complete("a", 60_000);
    expect(store.claim("c", 60_000)).toBe("new"); // room again once one finished
  });

  it("refuses a maxEntries that is not a positive integer", () => {
    expect(() => memoryDedupeStore({ maxEntries: 0 })).toThrow(ConfigurationError);
    expect(() => memoryDedupeStore({ maxEntries: 1.5 })).toThrow(ConfigurationError);
  });

  it("stays bounded under a million distinct ids: size never passes maxEntries and the heap stops growing", () => {
    const store = memoryDedupeStore({ maxEntries: 10_000 });
    const run = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const id = deliveryId(i);
        store.claim(id, 60_000);
        store.complete(id, 86_400_000);
        if (store.size > 10_000) throw new Error(`size ${store.size} passed maxEntries`);
      }
    };
    run(0, 100_000); // fill the store and let the heap settle
    const settled = heapAfterGc();
    run(100_000, 1_000_000);
    const after = heapAfterGc();
    expect(store.size).toBe(10_000);
    // 900 000 more ids kept would need > 100 MB; a bounded store stays within noise.
    expect(after - settled).toBeLessThan(4 * 1024 * 1024);
    // The newest ids are remembered, the oldest forgotten.
    expect(store.claim(deliveryId(999_999), 60_000)).toBe("done");
    expect(store.claim(deliveryId(0), 60_000)).toBe("new");
  });

  it("keeps at most 100 000 ids by default", () => {
    const store = memoryDedupeStore();
    for (let i = 0; i < 150_000; i++) {
      store.claim(deliveryId(i), 60_000);
      store.complete(deliveryId(i), 60_000);
    }
    expect(store.size).toBe(100_000);
  });
});
