/**
 * A first-level index over sorted unsigned 32-bit keys, so that a search looks
 * at a handful of keys instead of binary-searching all of them: on the machines
 * this project runs on each mispredicted step of a binary search costs ~5 ns,
 * which made a 10 000-rule lookup several times slower than an 8-rule one.
 *
 * A key's bucket is `(key − min) >>> shift` (clamped to the last bucket), with
 * the shift chosen so that there are at most about two buckets per key: integer
 * work only, no division or floating point on the lookup path. The bucket is a
 * monotone function of the key, so every key in an earlier bucket is smaller
 * than the one searched for and every key in a later bucket is larger: only
 * the searched key's own bucket needs a search. Keys that crowd one bucket
 * still work; they cost a binary search within it.
 */

/** Most buckets one index may have (1 MiB of `Int32Array`). */
const MAX_BUCKETS = 1 << 18;

/**
 * Buckets over sorted keys (each an integer in 0 … 2^32 − 1).
 *
 * @example
 * ```ts
 * const keys = [10, 20, 30, 1000];
 * const buckets = new SearchBuckets(keys);
 * const bucket = buckets.bucketOf(25); // for any key ≥ buckets.min
 * // The last key ≤ 25 is among keys[starts[bucket] … starts[bucket + 1] − 1],
 * // or else it is keys[starts[bucket] − 1] (or there is none).
 * const [from, to] = [buckets.starts[bucket], buckets.starts[bucket + 1]];
 * ```
 */
export class SearchBuckets {
  /** `starts[b]`: index of the first key in bucket `b`; `starts[lastBucket + 1]` is the number of keys. */
  readonly starts: Int32Array;
  /** The smallest key (0 when there are none); `bucketOf` takes keys from here up. */
  readonly min: number;
  /** How far `key − min` is shifted right to give its bucket. */
  readonly shift: number;
  readonly lastBucket: number;

  constructor(sortedKeys: ArrayLike<number>) {
    const count = sortedKeys.length;
    this.min = count === 0 ? 0 : sortedKeys[0]!;
    const span = count === 0 ? 0 : sortedKeys[count - 1]! - this.min;
    const wanted = Math.min(MAX_BUCKETS, Math.max(1, 2 * count));
    let shift = 0;
    while (Math.floor(span / 2 ** shift) >= wanted) shift++;
    this.shift = shift;
    this.lastBucket = Math.floor(span / 2 ** shift);
    this.starts = new Int32Array(this.lastBucket + 2);
    let index = 0;
    for (let bucket = 0; bucket <= this.lastBucket + 1; bucket++) {
      while (index < count && this.bucketOf(sortedKeys[index]!) < bucket) index++;
      this.starts[bucket] = index;
    }
  }

  /** The bucket of `key`, which must be at least {@link min}. */
  bucketOf(key: number): number {
    const bucket = (key - this.min) >>> this.shift;
    return bucket < this.lastBucket ? bucket : this.lastBucket;
  }
}
