/**
 * A set of IPv6 ranges, merged into sorted disjoint intervals when built and
 * indexed by {@link SearchBuckets}, so that a lookup costs about the same
 * whatever the number of ranges. Addresses are compared as four 32-bit words:
 * no `BigInt` on the lookup path.
 *
 * The index is keyed on 32 bits of each interval's first address: the 32 that
 * follow the prefix the set's first and last address share (`2001:db8::/48` and
 * `2001:db8:1::/48` share 47 bits, so the key is bits 47–78). From the set's
 * first address up, that key is a monotone function of the address, it spreads
 * the intervals as well as 32 bits can, and it is integer work only.
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
  /** The key of each interval's first address: one comparison settles most steps of the search. */
  private readonly firstKeys: Uint32Array;
  /** The set's first address (all ones when the set is empty: only that address gets past the first check). */
  private readonly low0: number;
  private readonly low1: number;
  private readonly low2: number;
  private readonly low3: number;
  /** The key is 32 bits of the address from bit `32 × keyWord + keyShift`. */
  private readonly keyWord: number;
  private readonly keyShift: number;
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
    merged.forEach(({ first, last }, index) => {
      this.firsts.set(first, 4 * index);
      this.lasts.set(last, 4 * index);
    });
    const low = merged[0]?.first ?? ALL_ONES;
    const high = merged[merged.length - 1]?.last ?? ALL_ONES;
    [this.low0, this.low1, this.low2, this.low3] = low;
    // The key starts where the first and last address first differ (at most at bit 96, so that it fits).
    const keyStart = Math.min(96, commonPrefixLength(low, high));
    this.keyWord = keyStart >>> 5;
    this.keyShift = keyStart & 31;
    this.firstKeys = Uint32Array.from(merged, ({ first }) => this.keyOf(first[0], first[1], first[2], first[3]));
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
    // Below the set's first address: no interval holds it, and its key would not be monotone.
    if (w0 !== this.low0 ? w0 < this.low0 : compareLastThree(w1, w2, w3, this.low1, this.low2, this.low3) < 0) {
      return false;
    }
    // Find the last interval that starts at or before the address: it is in
    // the key's bucket, or else the last one before that bucket. (Above the
    // set's last address the key means nothing, but then every interval ends
    // before the address, and the last comparison still answers no.)
    const key = this.keyOf(w0, w1, w2, w3);
    const buckets = this.buckets;
    const bucket = buckets.bucketOf(key);
    const firstKeys = this.firstKeys;
    let low = buckets.starts[bucket]! - 1;
    let high = buckets.starts[bucket + 1]! - 1;
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

  /** 32 bits of the address from bit `32 × keyWord + keyShift`. */
  private keyOf(w0: number, w1: number, w2: number, w3: number): number {
    const word = this.keyWord;
    const shift = this.keyShift;
    const upper = word === 0 ? w0 : word === 1 ? w1 : word === 2 ? w2 : w3;
    const lower = word === 0 ? w1 : word === 1 ? w2 : w3; // word 3 comes with shift 0, where `lower` adds nothing
    // (lower >>> 1) >>> (31 − shift) is lower >>> (32 − shift), and 0 when shift is 0 (JavaScript shifts by 32 as by 0).
    return ((upper << shift) | ((lower >>> 1) >>> (31 - shift))) >>> 0;
  }
}

const ALL_ONES: Ipv6Words = [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff];

/** Number of leading bits two addresses share (128 when equal). */
function commonPrefixLength(a: Ipv6Words, b: Ipv6Words): number {
  for (let word = 0; word < 4; word++) {
    const differ = (a[word]! ^ b[word]!) >>> 0;
    if (differ !== 0) return 32 * word + Math.clz32(differ);
  }
  return 128;
}

/** Orders (a1, a2, a3) against (b1, b2, b3): the last three words of two addresses whose first words are equal. */
function compareLastThree(a1: number, a2: number, a3: number, b1: number, b2: number, b3: number): number {
  if (a1 !== b1) return a1 < b1 ? -1 : 1;
  if (a2 !== b2) return a2 < b2 ? -1 : 1;
  return a3 === b3 ? 0 : a3 < b3 ? -1 : 1;
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
