import type { HeaderReader } from "@cmshooks/core";

/**
 * The header in which Strapi names the event of every delivery.
 *
 * @example
 * ```ts
 * request.headers.get(STRAPI_EVENT_HEADER); // "entry.publish"
 * ```
 */
export const STRAPI_EVENT_HEADER = "x-strapi-event";

/** Header metadata of a Strapi delivery, on every event as `event.meta`. */
export interface StrapiMeta {
  /** `X-Strapi-Event`: the event name, as in the body's `event`; `undefined` when absent. */
  readonly event: string | undefined;
}

/**
 * Reads `X-Strapi-Event` into {@link StrapiMeta}; the receiver calls it once
 * per delivery, before the body is parsed.
 *
 * @example
 * ```ts
 * readStrapiMeta(toHeaderReader(req.headers)).event; // "media.create"
 * ```
 */
export function readStrapiMeta(headers: HeaderReader): StrapiMeta {
  const event = headers.get(STRAPI_EVENT_HEADER)?.trim();
  return { event: event === "" ? undefined : event };
}
