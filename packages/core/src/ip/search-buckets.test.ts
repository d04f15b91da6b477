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
      fc.maxSafeNat(), // up to 2^53 - 1, as the IPv6 keys go
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.array(key, { maxLength: 50 }), (unsorted, queries) => {
        const keys = [...unsorted].sort((a, b) => a - b);
        const buckets = new SearchBuckets(keys);
        for (const query of [...queries, ...keys, ...keys.map((k) => k - 1), ...keys.map((k) => k + 1)]) {
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

  it("keeps about two buckets per key, so a bucket holds one or two keys when they are spread out", () => {
    const keys = Array.from({ length: 1000 }, (_, i) => i * 4_000_000);
    const buckets = new SearchBuckets(keys);
    expect(buckets.starts.length).toBe(2001);
    let crowded = 0;
    for (let b = 0; b < 2000; b++) crowded = Math.max(crowded, buckets.starts[b + 1]! - buckets.starts[b]!);
    expect(crowded).toBeLessThanOrEqual(2);
  });

  it("works with no keys", () => {
    const buckets = new SearchBuckets([]);
    expect(buckets.starts[buckets.bucketOf(42)]).toBe(0);
  });
});
