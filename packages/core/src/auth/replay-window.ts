import { ConfigurationError, UnauthorizedError } from "../errors.js";

/**
 * Checks a configured replay window (milliseconds) once, at construction:
 * a finite number ≥ 0, or the default when not given.
 *
 * @example
 * ```ts
 * const toleranceMs = replayToleranceMs(options.toleranceMs, 5 * 60_000, "sanity");
 * ```
 */
export function replayToleranceMs(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(`${what}: the replay window must be a number of milliseconds ≥ 0, got ${String(value)}`);
  }
  return value;
}

/**
 * The 401 for a signed timestamp too far from now (either way), else
 * `undefined`. A replayed delivery carries its old timestamp, which is
 * signed, so it cannot be made fresh without the secret. Run it after the
 * signature check, so that a forged timestamp reads as a forgery.
 *
 * @example
 * ```ts
 * const stale = outsideReplayWindow(timestampMs, 300_000, "sanity-webhook-signature");
 * if (stale) return stale;
 * ```
 */
export function outsideReplayWindow(timestampMs: number, toleranceMs: number, header: string, now: number = Date.now()): UnauthorizedError | undefined {
  const skew = now - timestampMs;
  if (Math.abs(skew) <= toleranceMs) return undefined;
  const seconds = Math.round(Math.abs(skew) / 1000);
  const when = skew > 0 ? `${seconds} s old` : `${seconds} s in the future`;
  return new UnauthorizedError("signature_mismatch", `${header} timestamp is ${when}, outside the ${Math.round(toleranceMs / 1000)} s replay window`);
}
