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
  let diff = received.length ^ n;
  // charCodeAt past the end is NaN; `| 0` turns it into 0, which still differs from any expected code unit.
  for (let i = 0; i < n; i++) diff |= (received.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
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
