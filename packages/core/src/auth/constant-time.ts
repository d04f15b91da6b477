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
  return diff === 0;
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
  let found = false;
  for (const value of expected) found = constantTimeEqual(received, value) || found;
  return found;
}
