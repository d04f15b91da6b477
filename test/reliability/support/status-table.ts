/**
 * The answers a receiver may give, from the status table of the core README
 * (packages/core/README.md, "The pipeline and its statuses"). The
 * reliability tests check every response against these sets rather than
 * against "not a crash": a status outside the table is a bug.
 */

/** The core README's status table: outcome → status. */
export const STATUS_BY_OUTCOME = {
  handled: 200,
  methodNotAllowed: 405,
  forbiddenSource: 403,
  unauthorized: 401,
  tooLarge: 413,
  unsupportedMediaType: 415,
  notJson: 400,
  schemaMismatch: 422,
  handlerThrew: 500,
} as const;

/** Every status of the table. */
export const TABLE_STATUSES: ReadonlySet<number> = new Set(Object.values(STATUS_BY_OUTCOME));

/**
 * Statuses the pipeline answers on its own, when no handler throws and no
 * dedupe store or queue is configured: the table without 500.
 */
export const PIPELINE_STATUSES: ReadonlySet<number> = new Set([...TABLE_STATUSES].filter((s) => s !== 500));

/** What a sender retries: 500 after a handler threw, 503 + Retry-After while a dedupe store sees the delivery in flight. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([500, 503]);

/** Statuses before which no handler may have run: everything but 200/202. */
export function isRefusal(status: number): boolean {
  return status !== 200 && status !== 202;
}
