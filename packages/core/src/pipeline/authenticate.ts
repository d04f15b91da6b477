import type { Authenticator, AuthInput, AuthOutcome } from "../auth/authenticator.js";

/**
 * Runs authenticity checks in order and throws the first failure. Returns a
 * promise only when a check is asynchronous (Web Crypto), so that Node's
 * synchronous HMAC adds no promise to the pipeline.
 */
export function authenticate(checks: readonly Authenticator[], input: AuthInput): Promise<void> | undefined {
  for (let i = 0; i < checks.length; i++) {
    const outcome = checks[i]!.verify(input);
    if (outcome instanceof Promise) return authenticateAsync(checks, input, i, outcome);
    if (outcome) throw outcome;
  }
  return undefined;
}

async function authenticateAsync(checks: readonly Authenticator[], input: AuthInput, from: number, first: Promise<AuthOutcome>): Promise<void> {
  const failure = await first;
  if (failure) throw failure;
  for (let i = from + 1; i < checks.length; i++) {
    const outcome = await checks[i]!.verify(input);
    if (outcome) throw outcome;
  }
}
