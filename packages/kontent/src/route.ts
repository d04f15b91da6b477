import { parseEnvelope, ValidationError, type RouteContext, type RoutedEvent } from "@cmshooks/core";
import type { KontentAcceptCheck } from "./accept-filter.js";
import { kontentLegacyEvents } from "./legacy-events.js";
import { kontentLegacyEnvelopeSchema } from "./legacy-schemas.js";
import { KONTENT_MESSAGE_HEADERS, type KontentMeta } from "./meta.js";
import { kontentNotificationEvents } from "./notification-events.js";
import { kontentNotificationsEnvelopeSchema } from "./notification-schemas.js";

const LEGACY_NAMES: ReadonlySet<string> = new Set(Object.keys(kontentLegacyEvents));
const NOTIFICATION_NAMES: ReadonlySet<string> = new Set(Object.keys(kontentNotificationEvents));

/** Header fields compared with the body's `message`. The timestamp and URL are left out: their header spelling is unconfirmed. */
const COMPARED: readonly (readonly [keyof typeof KONTENT_MESSAGE_HEADERS, string])[] = [
  ["id", "id"],
  ["type", "type"],
  ["operation", "operation"],
  ["apiName", "api_name"],
  ["projectId", "project_id"],
];

/**
 * The name of a pair in one format. A pair that is not an event of its own
 * format but spells one of the other format is prefixed, so it stays unknown
 * (acknowledged, seen by `onAny`) instead of meeting the other format's schema.
 */
function eventName(name: string, own: ReadonlySet<string>, other: ReadonlySet<string>, format: string): string {
  return own.has(name) || !other.has(name) ? name : `${format}:${name}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A body value for a warning: strings quoted, anything else named by its type (String() of a deep array recurses). */
function describeValue(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : String(value);
}

function warnOnHeaderMismatch(message: Readonly<Record<string, unknown>>, context: RouteContext<KontentMeta>): void {
  let differences: string[] | undefined;
  for (const [field, key] of COMPARED) {
    const header = context.meta[field];
    if (header !== undefined && header !== message[key]) {
      (differences ??= []).push(`${KONTENT_MESSAGE_HEADERS[field]} is "${header}" but message.${key} is ${describeValue(message[key])}`);
    }
  }
  if (differences) context.warn(`Kontent.ai headers and body disagree (the body wins): ${differences.join("; ")}`);
}

/**
 * Finds the native events of a Kontent.ai delivery: one per notification in
 * the current format (`path` ["notifications", i]), one for a legacy delivery.
 * A legacy delivery the `accept` filter rejects on its body yields none.
 *
 * @example
 * ```ts
 * routeKontentDelivery({ notifications: [n1, n2] }, context); // [{ name: "content_item.published", … }, { name: "asset.deleted", … }]
 * ```
 */
export function routeKontentDelivery(body: unknown, context: RouteContext<KontentMeta>, accept?: KontentAcceptCheck): RoutedEvent[] {
  if (isObject(body) && "notifications" in body) {
    const { notifications } = parseEnvelope(kontentNotificationsEnvelopeSchema, body);
    return notifications.map((notification, i) => ({
      name: eventName(`${notification.message.object_type}.${notification.message.action}`, NOTIFICATION_NAMES, LEGACY_NAMES, "notification"),
      payload: notification,
      path: ["notifications", i],
    }));
  }
  if (isObject(body) && ("message" in body || "data" in body)) {
    const { message } = parseEnvelope(kontentLegacyEnvelopeSchema, body);
    warnOnHeaderMismatch(message, context);
    if (accept && !accept.message(message)) return [];
    return [{ name: eventName(`${message.type}.${message.operation}`, LEGACY_NAMES, NOTIFICATION_NAMES, "legacy"), payload: body }];
  }
  throw new ValidationError(
    [{ path: [], message: "Expected a Kontent.ai delivery: { notifications: [...] } or { data, message }", code: "invalid_type" }],
  );
}
