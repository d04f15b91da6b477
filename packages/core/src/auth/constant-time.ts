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
  // A value of another length is compared with the expected value itself, so the loop reads the same
  // in-bounds characters either way: reading past the end of a shorter string takes a slower path in V8,
  // which told a sender the secret's length (bench/constant-time.mjs: |t| ≈ 1 900 before this).
  const sameLength = received.length === n;
  const compared = sameLength ? received : expected;
  let diff = sameLength ? 0 : 1;
  for (let i = 0; i < n; i++) diff |= compared.charCodeAt(i) ^ expected.charCodeAt(i);
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
