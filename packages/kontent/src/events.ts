import type { PayloadsOf } from "@cmshooks/core";
import { kontentLegacyEvents, type KontentLegacyEventName } from "./legacy-events.js";
import { kontentNotificationEvents, type KontentNotificationEventName } from "./notification-events.js";

/**
 * Every Kontent.ai native event, both formats: the single source of event
 * names, payload types and unified mappings. Legacy events are
 * `<message.type>.<message.operation>` (`content_item_variant.publish`),
 * current-format events `<object_type>.<action>` (`content_item.published`).
 *
 * @example
 * ```ts
 * Object.keys(kontentEvents); // ["asset.upsert", …, "content_item.published", …]
 * ```
 */
export const kontentEvents: KontentEventTable = { ...kontentLegacyEvents, ...kontentNotificationEvents };

/** The type of {@link kontentEvents}: both formats' tables (named, so declarations refer to them instead of repeating them). */
export type KontentEventTable = typeof kontentLegacyEvents & typeof kontentNotificationEvents;

/** A Kontent.ai native event name (either format). */
export type KontentEventName = keyof typeof kontentEvents;
export type { KontentLegacyEventName, KontentNotificationEventName };

/** Payload type of every native event: a whole delivery for legacy events, one notification for current-format events. */
export type KontentPayloads = PayloadsOf<typeof kontentEvents>;
/** Any legacy delivery, discriminated by `message.type` + `message.operation`. */
export type KontentLegacyDelivery = KontentPayloads[KontentLegacyEventName];
/** Any current-format notification, discriminated by `message.object_type` + `message.action`. */
export type KontentNotification = KontentPayloads[KontentNotificationEventName];
