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
 * of `expected`, whatever they contain; no pair skipped. The received value
 * is read as many times, never past its end: a shorter one at its last
 * character once it runs out (reading past the end would take V8's slower
 * path and time the secret's length); an empty one is stood in for by
 * `expected`, which is then read twice.
 */
export function fullComparisonReads(watched: readonly string[], pairs: readonly (readonly [received: string, expected: string])[]): number[][] {
  const reads = watched.map((): number[] => []);
  const record = (value: string, position: number) => {
    const at = watched.indexOf(value);
    if (at >= 0) reads[at]!.push(position);
  };
  for (const [received, expected] of pairs) {
    const compared = received === "" ? expected : received;
    for (let i = 0; i < expected.length; i++) {
      record(compared, Math.min(i, compared.length - 1));
      record(expected, i);
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
