import type { HeaderReader } from "@cmshooks/core";
import type { SanityOperation } from "./schemas.js";

/**
 * The headers Sanity sends with every document webhook delivery, besides the
 * signature: meta field → header name.
 *
 * @example
 * ```ts
 * request.headers.get(SANITY_HEADERS.documentId); // "drafts.movie_10"
 * ```
 */
export const SANITY_HEADERS = {
  operation: "sanity-operation",
  documentId: "sanity-document-id",
  projectId: "sanity-project-id",
  dataset: "sanity-dataset",
  transactionId: "sanity-transaction-id",
  transactionTime: "sanity-transaction-time",
  webhookId: "sanity-webhook-id",
  idempotencyKey: "idempotency-key",
} as const;

/** Header metadata of a Sanity delivery, on every event as `event.meta`; a field is `undefined` when its header is absent. */
export interface SanityMeta {
  /** `sanity-operation`: `create`, `update` or `delete`; also the native event name. */
  readonly operation: SanityOperation | (string & {}) | undefined;
  /** `sanity-document-id`: the document that changed (a draft is `drafts.<id>`). */
  readonly documentId: string | undefined;
  /** `sanity-project-id`. */
  readonly projectId: string | undefined;
  /** `sanity-dataset`, e.g. `production`. */
  readonly dataset: string | undefined;
  /** `sanity-transaction-id`: the transaction that changed the document. */
  readonly transactionId: string | undefined;
  /** `sanity-transaction-time`: when it happened (ISO-8601). */
  readonly transactionTime: string | undefined;
  /** `sanity-webhook-id`: which webhook sent this. */
  readonly webhookId: string | undefined;
  /** `idempotency-key`: the same on every retry of one delivery; the delivery id. */
  readonly idempotencyKey: string | undefined;
}

const FIELDS = Object.entries(SANITY_HEADERS);

/**
 * Reads Sanity's delivery headers into {@link SanityMeta}; the receiver calls
 * it once per delivery, before the body is parsed.
 *
 * @example
 * ```ts
 * readSanityMeta(toHeaderReader(req.headers)).operation; // "update"
 * ```
 */
export function readSanityMeta(headers: HeaderReader): SanityMeta {
  const meta: Record<string, string | undefined> = {};
  for (const [field, header] of FIELDS) {
    const value = headers.get(header)?.trim();
    meta[field] = value === "" ? undefined : value;
  }
  return meta as unknown as SanityMeta;
}
