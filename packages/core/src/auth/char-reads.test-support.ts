/**
 * Counts the reads of a secret comparison, deterministically: while `run`
 * runs, `String.prototype.charCodeAt` is wrapped so that every read of a
 * watched string records the position read. Strings are watched by value, so
 * a received value equal to a secret counts for both.
 */

/** Runs `run` with charCodeAt wrapped; returns, for each watched string, the positions read (sorted). */
export async function charReads(watched: readonly string[], run: () => unknown): Promise<number[][]> {
  if (new Set(watched).size !== watched.length) throw new Error("charReads: watched strings must be distinct");
  const original = String.prototype.charCodeAt;
  const reads = watched.map((): number[] => []);
  String.prototype.charCodeAt = function charCodeAt(this: string, index: number): number {
    const at = watched.indexOf(typeof this === "string" ? this : String(this));
    if (at >= 0) reads[at]!.push(index);
    return original.call(this, index);
  };
  try {
    await run();
  } finally {
    String.prototype.charCodeAt = original;
  }
  return reads.map((positions) => positions.sort((a, b) => a - b));
}

/**
 * The reads a constant-time check makes (sorted, as {@link charReads} returns
 * them): each `[received, expected]` pair compared in full, at every position
 * of `expected` for both values, whatever they contain; no pair skipped. A
 * received value of another length is not read (reading past its end would
 * take V8's slower path and time the secret's length): `expected` is read twice.
 */
export function fullComparisonReads(watched: readonly string[], pairs: readonly (readonly [received: string, expected: string])[]): number[][] {
  const reads = watched.map((): number[] => []);
  for (const [received, expected] of pairs) {
    // A received value of another length is never read: the expected value is compared with itself instead.
    const compared = received.length === expected.length ? received : expected;
    for (let i = 0; i < expected.length; i++) {
      for (const value of [compared, expected]) {
        const at = watched.indexOf(value);
        if (at >= 0) reads[at]!.push(i);
      }
    }
  }
  return reads.map((positions) => positions.sort((a, b) => a - b));
}

/** `value` with the character at `index` (negative: from the end) changed to another one. */
export function differingAt(value: string, index: number): string {
  const i = index < 0 ? value.length + index : index;
  const replacement = value[i] === "A" ? "B" : "A";
  return value.slice(0, i) + replacement + value.slice(i + 1);
}
