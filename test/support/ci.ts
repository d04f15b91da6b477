/**
 * The one definition of "running in CI" for every test helper: `CI` set to
 * anything other than empty, `0` or `false` (any case). In CI, a test whose
 * prerequisite (Redis, a runtime binary) is missing fails instead of skipping.
 *
 * @example
 * ```ts
 * if (isCi()) throw new Error("Redis is required in CI");
 * ```
 */
export function isCi(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

/** {@link isCi} for this process, read once. */
export const IN_CI = isCi();

/**
 * What a helper does when a prerequisite of a test is missing: in CI it throws
 * (the test fails with the reason), elsewhere it warns on stderr and returns,
 * so the caller skips.
 *
 * @example
 * ```ts
 * if (!reachable) { skipOutsideCi(`Redis is not reachable at ${url}`, "start one with redis-server"); return false; }
 * ```
 */
export function skipOutsideCi(reason: string, hint = "", ci = IN_CI): void {
  if (ci) throw new Error(`${reason}. CI is set: this test needs it there and is never skipped.`);
  console.warn(`SKIPPED: ${reason}${hint ? `. ${hint}` : ""}`);
}
