import type { HeaderReader } from "@cmshooks/core";

/**
 * The headers Contentful sends with a webhook call, besides the signature: meta field → header name.
 *
 * @example
 * ```ts
 * request.headers.get(CONTENTFUL_HEADERS.topic); // "ContentManagement.Entry.publish"
 * ```
 */
export const CONTENTFUL_HEADERS = {
  topic: "x-contentful-topic",
  webhookName: "x-contentful-webhook-name",
  idempotencyKey: "x-contentful-idempotency-key",
  crn: "x-contentful-crn",
  scheduledActionId: "x-contentful-scheduled-action-id",
  bulkActionId: "x-contentful-bulk-action-id",
  releaseActionId: "x-contentful-release-action-id",
  releaseId: "x-contentful-release-id",
  releaseVersion: "x-contentful-release-version",
} as const;

/** Header metadata of a Contentful delivery, on every event as `event.meta`; a field is `undefined` when its header is absent. */
export type ContentfulMeta = { readonly [K in keyof typeof CONTENTFUL_HEADERS]: string | undefined };

const FIELDS = Object.entries(CONTENTFUL_HEADERS);

/**
 * Reads Contentful's delivery headers into {@link ContentfulMeta}; the
 * receiver calls it once per delivery, before the body is parsed.
 *
 * @example
 * ```ts
 * readContentfulMeta(toHeaderReader(req.headers)).releaseId; // set when a release published the entry
 * ```
 */
export function readContentfulMeta(headers: HeaderReader): ContentfulMeta {
  const meta: Record<string, string | undefined> = {};
  for (const [field, header] of FIELDS) {
    const value = headers.get(header)?.trim();
    meta[field] = value === "" ? undefined : value;
  }
  return meta as ContentfulMeta;
}
