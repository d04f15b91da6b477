import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SearchBuckets } from "./search-buckets.js";

/** The index of the last key ≤ `query` (-1: none), found through the buckets as the interval sets do. */
function lastAtOrBefore(keys: readonly number[], buckets: SearchBuckets, query: number): number {
  const bucket = buckets.bucketOf(query);
  let low = buckets.starts[bucket]! - 1;
  for (let index = buckets.starts[bucket]!; index < buckets.starts[bucket + 1]!; index++) {
    if (keys[index]! <= query) low = index;
  }
  return low;
}

describe("SearchBuckets", () => {
  it("finds the last key at or before any query by looking only in the query's bucket", () => {
    const key = fc.oneof(
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.integer({ min: 1000, max: 1100 }), // a crowded cluster
      fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff), // the edges of the key space
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.array(key, { maxLength: 50 }), (unsorted, queries) => {
        const keys = [...unsorted].sort((a, b) => a - b);
        const buckets = new SearchBuckets(keys);
        const candidates = [...queries, ...keys, ...keys.map((k) => k - 1), ...keys.map((k) => k + 1)];
        // The interval sets answer "none" below the first key before they look at a bucket.
        for (const query of candidates.filter((q) => keys.length > 0 && q >= keys[0]! && q <= 0xffffffff)) {
          let expected = -1;
          keys.forEach((k, index) => {
            if (k <= query) expected = index;
          });
          expect(lastAtOrBefore(keys, buckets, query)).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps at most two buckets per key, so a bucket holds one or two keys when they are spread out", () => {
    const keys = Array.from({ length: 1000 }, (_, i) => i * 4_000_000);
    const buckets = new SearchBuckets(keys);
    // 1 000 keys over 4·10⁹: the smallest shift giving under 2 000 buckets is 21, for 1 906 buckets of 2 Mi.
    expect(buckets.shift).toBe(21);
    expect(buckets.starts.length - 1).toBe(1906);
    let crowded = 0;
    for (let b = 0; b < buckets.starts.length - 1; b++) crowded = Math.max(crowded, buckets.starts[b + 1]! - buckets.starts[b]!);
    expect(crowded).toBeLessThanOrEqual(2);
  });

  it("works with no keys", () => {
    const buckets = new SearchBuckets([]);
    expect(buckets.starts[buckets.bucketOf(42)]).toBe(0);
    expect(buckets.min).toBe(0);
    expect([buckets.shift, buckets.lastBucket, [...buckets.starts]]).toEqual([0, 0, [0, 0]]);
  });

  /** The documented layout, computed the slow way: min, the smallest shift under 2·count buckets, and per bucket the keys before it. */
  function expectLayout(keys: readonly number[]): void {
    const buckets = new SearchBuckets(keys);
    const min = keys.length === 0 ? 0 : keys[0]!;
    const span = keys.length === 0 ? 0 : keys[keys.length - 1]! - min;
    const wanted = Math.min(1 << 18, Math.max(1, 2 * keys.length));
    let shift = 0;
    while (Math.floor(span / 2 ** shift) >= wanted) shift++;
    const lastBucket = Math.floor(span / 2 ** shift);
    const bucketOf = (key: number) => Math.min(Math.floor((key - min) / 2 ** shift), lastBucket);
    const starts = Array.from({ length: lastBucket + 2 }, (_, bucket) => keys.filter((key) => bucketOf(key) < bucket).length);
    expect({ min: buckets.min, shift: buckets.shift, lastBucket: buckets.lastBucket, starts: [...buckets.starts] }).toEqual({ min, shift, lastBucket, starts });
    for (const key of keys) expect(buckets.bucketOf(key)).toBe(bucketOf(key));
  }

  it("has the documented layout: min, the smallest shift giving under two buckets per key, and the start of each bucket", () => {
    expectLayout([5]);
    expectLayout([0, 4]); // span 4 = 2 · 2 keys: one shift more
    expectLayout([1000, 1010]);
    expectLayout([1000, 1003]);
    expectLayout([7, 7, 7]);
    expectLayout([0, 0xffffffff]);
    expectLayout([0xfffffff0, 0xffffffff]);
    const key = fc.oneof(
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.integer({ min: 1000, max: 1100 }),
      fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 40 }), (unsorted) => {
        expectLayout([...unsorted].sort((a, b) => a - b));
      }),
      { seed: 0x5b, numRuns: 300 },
    );
  });
});
