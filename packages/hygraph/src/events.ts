import { defineEvent, type BaseUnifiedInit, type UnifiedItem, type UnifiedKind } from "@cmshooks/core";
import { hygraphDeliverySchema, type HygraphDelivery, type HygraphOperation } from "./schemas.js";

/** The entry as an item: `title` and `slug` are model fields many projects have, used when present. */
function item({ data }: HygraphDelivery): UnifiedItem {
  const { title, slug } = data as Readonly<Record<string, unknown>>;
  return {
    id: data.id,
    type: data.__typename,
    ...(typeof title === "string" && title ? { title } : {}),
    ...(typeof slug === "string" && slug ? { codename: slug } : {}),
    role: "subject",
  };
}

function unified<K extends Extract<UnifiedKind, `content.${string}`>>(kind: K) {
  return (delivery: HygraphDelivery): BaseUnifiedInit<K> => {
    const { data } = delivery;
    const publishing = kind === "content.publish" || kind === "content.unpublish";
    const at = (publishing ? data.publishedAt : undefined) ?? data.updatedAt ?? undefined;
    return { kind, items: [item(delivery)], occurredAt: at, channel: data.stage === "PUBLISHED" ? "published" : "preview" };
  };
}

/**
 * Hygraph native events: the delivery's `operation`. The single source of
 * event names, payload types and unified mappings.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: hygraph({ secret }) });
 * receiver.on("publish", ({ payload }) => purge(payload.data.__typename, payload.data.id));
 * ```
 */
export const hygraphEvents = {
  create: defineEvent(hygraphDeliverySchema, { unified: unified("content.create") }),
  update: defineEvent(hygraphDeliverySchema, { unified: unified("content.update") }),
  delete: defineEvent(hygraphDeliverySchema, { unified: unified("content.delete") }),
  publish: defineEvent(hygraphDeliverySchema, { unified: unified("content.publish") }),
  unpublish: defineEvent(hygraphDeliverySchema, { unified: unified("content.unpublish") }),
} satisfies Record<HygraphOperation, unknown>;

/** A Hygraph native event name: the delivery's `operation`. */
export type HygraphEventName = keyof typeof hygraphEvents;
