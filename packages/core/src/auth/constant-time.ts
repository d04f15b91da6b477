/**
 * Compares a received value with an expected one in time that depends only on
 * the expected value's length: no early exit at the first difference, and a
 * received value of another length costs the same as one of the right length.
 *
 * @example
 * ```ts
 * constantTimeEqual(request.headers.get("x-token") ?? "", process.env.TOKEN!);
 * ```
 */
export function constantTimeEqual(received: string, expected: string): boolean {
  return constantTimeMatch(received, expected) === 1;
}

/**
 * {@link constantTimeEqual} as a number: 1 when equal, else 0, with no branch on the outcome, so that a list of
 * them can be combined with `|` (`||` would branch on which entry matched: bench/constant-time.mjs saw |t| ≈ 16
 * between matching the first and the second of two secrets).
 */
export function constantTimeMatch(received: string, expected: string): number {
  const n = expected.length;
  const m = received.length;
  // Every position of the expected value is compared with a character of the received one, the same string
  // whatever its length: a shorter value's position is clamped to its last character, without a branch, so no
  // read goes past its end (V8's slower path there timed the secret's length: bench/constant-time.mjs, |t| ≈ 1 900)
  // and no other string stands in for it (reading the expected value twice instead still told, |t| ≈ 6).
  // Only an empty value, which has no character to read, is stood in for by the expected value.
  const compared = m === 0 ? expected : received;
  const last = (m === 0 ? n : m) - 1;
  let diff = m ^ n;
  for (let i = 0; i < n; i++) {
    // min(i, last): i while i <= last, else last (the sign of last - i masks the difference).
    const at = i - ((i - last) & ((last - i) >> 31));
    diff |= compared.charCodeAt(at) ^ expected.charCodeAt(i);
  }
  // diff is below 2³¹ (characters are 16 bits, lengths below 2³⁰): only 0 - 1 has the top bit set.
  return (diff - 1) >>> 31;
}

/**
 * True when `received` equals any of `expected` (a rotation list). Every
 * entry is compared, so the time taken does not reveal which one matched.
 *
 * @example
 * ```ts
 * constantTimeIncludes(token, ["new-secret", "old-secret"]);
 * ```
 */
export function constantTimeIncludes(received: string, expected: readonly string[]): boolean {
  let found = 0;
  for (const value of expected) found |= constantTimeMatch(received, value);
  return found === 1;
}
