/**
 * A set of IPv6 ranges, merged into sorted disjoint intervals when built and
 * indexed by {@link SearchBuckets} on the top 53 bits of each interval's first
 * address, so that a lookup costs about the same whatever the number of ranges.
 * Addresses are compared as four 32-bit words: no `BigInt` on the lookup path.
 */
import { compareIpv6, type Ipv6Range, type Ipv6Words } from "./ip-range.js";
import { SearchBuckets } from "./search-buckets.js";

/**
 * Sorted, disjoint, non-adjacent IPv6 intervals.
 *
 * @example
 * ```ts
 * const set = new Ipv6IntervalSet([{ first: [0x20010db8, 0, 0, 0], last: [0x20010db8, ~0 >>> 0, ~0 >>> 0, ~0 >>> 0] }]);
 * set.has(Uint32Array.of(0x20010db8, 0, 0, 1)); // true: 2001:db8::1
 * ```
 */
export class Ipv6IntervalSet {
  /** Interval `i` starts at words `4i … 4i+3` and ends at the same place in `lasts`. */
  private readonly firsts: Uint32Array;
  private readonly lasts: Uint32Array;
  /**
   * The top 53 bits of each interval's first address, as an exact double: one
   * comparison settles most steps of the search, words are compared on a tie.
   */
  private readonly firstKeys: Float64Array;
  private readonly buckets: SearchBuckets;

  constructor(ranges: readonly Ipv6Range[]) {
    const sorted = [...ranges].sort((a, b) => compareIpv6(a.first, b.first));
    const merged: { first: Ipv6Words; last: Ipv6Words }[] = [];
    for (const { first, last } of sorted) {
      const previous = merged[merged.length - 1];
      if (previous && (compareIpv6(first, previous.last) <= 0 || isSuccessor(first, previous.last))) {
        if (compareIpv6(last, previous.last) > 0) previous.last = last;
      } else {
        merged.push({ first, last });
      }
    }
    this.firsts = new Uint32Array(4 * merged.length);
    this.lasts = new Uint32Array(4 * merged.length);
    this.firstKeys = new Float64Array(merged.length);
    merged.forEach(({ first, last }, index) => {
      this.firsts.set(first, 4 * index);
      this.lasts.set(last, 4 * index);
      this.firstKeys[index] = searchKey(first[0], first[1]);
    });
    this.buckets = new SearchBuckets(this.firstKeys);
  }

  /** Number of disjoint intervals the ranges merged into. */
  get intervalCount(): number {
    return this.firstKeys.length;
  }

  /** Whether the address in `words[0..3]` lies in one of the intervals. */
  has(words: Uint32Array): boolean {
    const w0 = words[0]!;
    const w1 = words[1]!;
    const w2 = words[2]!;
    const w3 = words[3]!;
    const key = searchKey(w0, w1);
    const firstKeys = this.firstKeys;
    // Find the last interval that starts at or before the address (-1: none):
    // it is in the key's bucket, or else the last one before that bucket.
    const starts = this.buckets.starts;
    const bucket = this.buckets.bucketOf(key);
    let low = starts[bucket]! - 1;
    let high = starts[bucket + 1]! - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      const middleKey = firstKeys[middle]!;
      if (middleKey < key || (middleKey === key && compareAt(this.firsts, 4 * middle, w0, w1, w2, w3) <= 0)) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low >= 0 && compareAt(this.lasts, 4 * low, w0, w1, w2, w3) >= 0;
  }
}

/** The top 53 bits of an address (first two words), exactly representable as a double. */
function searchKey(w0: number, w1: number): number {
  return w0 * 0x200000 + (w1 >>> 11);
}

/** Orders the address stored at `words[offset…offset+3]` against (w0, w1, w2, w3). */
function compareAt(words: Uint32Array, offset: number, w0: number, w1: number, w2: number, w3: number): number {
  let a = words[offset]!;
  if (a !== w0) return a < w0 ? -1 : 1;
  a = words[offset + 1]!;
  if (a !== w1) return a < w1 ? -1 : 1;
  a = words[offset + 2]!;
  if (a !== w2) return a < w2 ? -1 : 1;
  a = words[offset + 3]!;
  return a === w3 ? 0 : a < w3 ? -1 : 1;
}

/** Whether `next` is `previous + 1`, so two intervals touch and can be joined. */
function isSuccessor(next: Ipv6Words, previous: Ipv6Words): boolean {
  // previous + 1: trailing all-ones words become zero, the word before them grows by one.
  let word = 3;
  while (word >= 0 && previous[word] === 0xffffffff) {
    if (next[word] !== 0) return false;
    word--;
  }
  if (word < 0) return false; // previous is the last address; nothing follows it
  if (next[word] !== previous[word]! + 1) return false;
  for (let higher = word - 1; higher >= 0; higher--) if (next[higher] !== previous[higher]) return false;
  return true;
}
