import type { HeaderReader } from "@cmshooks/core";
import type { KontentApiName, KontentLegacyOperation, KontentLegacyType } from "./legacy-schemas.js";

/**
 * The `X-KC-Message-*` headers of legacy deliveries, which mirror the body's
 * `message` object: meta field → header name.
 *
 * @example
 * ```ts
 * request.headers.get(KONTENT_MESSAGE_HEADERS.apiName); // "delivery_production"
 * ```
 */
export const KONTENT_MESSAGE_HEADERS = {
  id: "X-KC-Message-Id",
  type: "X-KC-Message-Type",
  operation: "X-KC-Message-Operation",
  apiName: "X-KC-Message-Api-Name",
  projectId: "X-KC-Message-Project-Id",
  createdTimestamp: "X-KC-Message-Created-Timestamp",
  webhookUrl: "X-KC-Message-Webhook-Url",
} as const;

/**
 * Header metadata of a Kontent.ai delivery, on every event as `event.meta`.
 * Each field is `undefined` when its header is absent: the current
 * (`notifications`) format is not known to send these headers.
 */
export interface KontentMeta {
  /** `X-KC-Message-Id`: the notification's id. */
  readonly id: string | undefined;
  /** `X-KC-Message-Type`, e.g. `content_item_variant`. */
  readonly type: KontentLegacyType | (string & {}) | undefined;
  /** `X-KC-Message-Operation`, e.g. `publish`. */
  readonly operation: KontentLegacyOperation | (string & {}) | undefined;
  /** `X-KC-Message-Api-Name`: `delivery_production`, `delivery_preview` or `content_management`. */
  readonly apiName: KontentApiName | (string & {}) | undefined;
  /** `X-KC-Message-Project-Id`: the environment id. */
  readonly projectId: string | undefined;
  /** `X-KC-Message-Created-Timestamp`, ISO-8601 UTC. */
  readonly createdTimestamp: string | undefined;
  /** `X-KC-Message-Webhook-Url`. */
  readonly webhookUrl: string | undefined;
}

const LOWER = Object.entries(KONTENT_MESSAGE_HEADERS).map(([field, header]) => [field, header.toLowerCase()] as const);

/**
 * Reads the `X-KC-Message-*` headers into {@link KontentMeta}; the receiver
 * calls it once per delivery, before the body is parsed.
 *
 * @example
 * ```ts
 * readKontentMeta(toHeaderReader(req.headers)).apiName; // "delivery_production"
 * ```
 */
export function readKontentMeta(headers: HeaderReader): KontentMeta {
  const meta: Record<string, string | undefined> = {};
  for (const [field, header] of LOWER) {
    const value = headers.get(header)?.trim();
    meta[field] = value === "" ? undefined : value;
  }
  return meta as unknown as KontentMeta;
}
