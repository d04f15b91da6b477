/**
 * A set of IPv4 ranges, merged into sorted disjoint intervals when built and
 * indexed by {@link SearchBuckets}, so that a lookup costs about the same
 * whatever the number of ranges.
 */
import type { Ipv4Range } from "./ip-range.js";
import { SearchBuckets } from "./search-buckets.js";

/**
 * Sorted, disjoint, non-adjacent IPv4 intervals.
 *
 * @example
 * ```ts
 * const set = new Ipv4IntervalSet([{ first: 0x0a000000, last: 0x0affffff }]); // 10.0.0.0/8
 * set.has(0x0a010203); // true: 10.1.2.3
 * set.intervalCount;   // 1
 * ```
 */
export class Ipv4IntervalSet {
  private readonly firsts: Uint32Array;
  private readonly lasts: Uint32Array;
  private readonly buckets: SearchBuckets;

  constructor(ranges: readonly Ipv4Range[]) {
    const sorted = [...ranges].sort((a, b) => a.first - b.first);
    const firsts: number[] = [];
    const lasts: number[] = [];
    for (const { first, last } of sorted) {
      const end = lasts.length - 1;
      // Overlapping or touching the previous interval: extend it.
      if (end >= 0 && first <= lasts[end]! + 1) {
        if (last > lasts[end]!) lasts[end] = last;
      } else {
        firsts.push(first);
        lasts.push(last);
      }
    }
    this.firsts = Uint32Array.from(firsts);
    this.lasts = Uint32Array.from(lasts);
    this.buckets = new SearchBuckets(this.firsts);
  }

  /** Number of disjoint intervals the ranges merged into. */
  get intervalCount(): number {
    return this.firsts.length;
  }

  /** Whether the unsigned 32-bit `address` lies in one of the intervals. */
  has(address: number): boolean {
    const buckets = this.buckets;
    // Below the first interval (and the index only takes keys from there up).
    if (address < buckets.min) return false;
    // Find the last interval that starts at or before the address: it is in
    // the address's bucket, or else the last one before that bucket.
    const bucket = buckets.bucketOf(address);
    const firsts = this.firsts;
    let low = buckets.starts[bucket]! - 1;
    let high = buckets.starts[bucket + 1]! - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (firsts[middle]! <= address) low = middle;
      else high = middle - 1;
    }
    return low >= 0 && address <= this.lasts[low]!;
  }
}
