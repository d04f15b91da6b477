import { cachedEventName, parseEnvelope, ValidationError, type RouteContext, type RoutedEvent } from "@cmshooks/core";
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

const notificationName = cachedEventName((objectType, action) => eventName(`${objectType}.${action}`, NOTIFICATION_NAMES, LEGACY_NAMES, "notification"));
const legacyName = cachedEventName((type, operation) => eventName(`${type}.${operation}`, LEGACY_NAMES, NOTIFICATION_NAMES, "legacy"));

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
 * One notification of a batch. One whose `object_type` / `action` cannot be
 * read is an unknown event of its own (acknowledged, reported, seen by
 * `onAny`), as helper v4 turns it into "unknown": the rest of the batch is kept.
 */
function routeNotification(notification: unknown, i: number): RoutedEvent {
  const path = ["notifications", i];
  const message = isObject(notification) && isObject(notification.message) ? notification.message : undefined;
  const { object_type: objectType, action } = message ?? {};
  if (typeof objectType === "string" && objectType !== "" && typeof action === "string" && action !== "") {
    return { name: notificationName(objectType, action), payload: notification, path };
  }
  return {
    name: "notification:unreadable",
    payload: notification,
    path,
    hint: `notifications[${i}] has no message.object_type and message.action strings, so it names no event; the other notifications were handled`,
  };
}

/** Legacy `message` fields, by the meta field the same header fills. */
const BODY_FIELDS = [...COMPARED, ["createdTimestamp", "created_timestamp"], ["webhookUrl", "webhook_url"]] as const;

/**
 * The `X-KC-Message-*` headers are not signed; the body is. Where the body
 * says a value, `meta` takes it from the body, so a replayed body with forged
 * headers cannot change what handlers read. (`meta` is built fresh for each
 * delivery by `readKontentMeta`, before the body could be read.)
 */
function trustBodyMessage(message: Readonly<Record<string, unknown>>, meta: KontentMeta): void {
  const writable = meta as { -readonly [K in keyof KontentMeta]: KontentMeta[K] };
  for (const [field, key] of BODY_FIELDS) {
    const value = message[key];
    if (typeof value === "string") writable[field] = value;
  }
}

/** Current format: the signed notifications name their environment; `meta.projectId` is that, when they all agree. */
function trustNotificationEnvironment(notifications: readonly unknown[], meta: KontentMeta): void {
  const ids = new Set(notifications.map((n) => (isObject(n) && isObject(n.message) ? n.message.environment_id : undefined)));
  if (ids.size === 0) return;
  const [only] = ids;
  (meta as { projectId: string | undefined }).projectId = ids.size === 1 && typeof only === "string" ? only : undefined;
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
    trustNotificationEnvironment(notifications, context.meta);
    return notifications.map((notification, i) => routeNotification(notification, i));
  }
  if (isObject(body) && ("message" in body || "data" in body)) {
    const { message } = parseEnvelope(kontentLegacyEnvelopeSchema, body);
    warnOnHeaderMismatch(message, context);
    trustBodyMessage(message, context.meta);
    if (accept && !accept.message(message)) return [];
    return [{ name: legacyName(message.type, message.operation), payload: body }];
  }
  throw new ValidationError(
    [{ path: [], message: "Expected a Kontent.ai delivery: { notifications: [...] } or { data, message }", code: "invalid_type" }],
  );
}
