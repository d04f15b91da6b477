import { defineEvent, type BaseUnifiedInit, type UnifiedItem } from "@cmshooks/core";
import { kapostContentOperationSchema, type KapostContentDelivery } from "./schemas.js";

function contentItem({ payload: { full_post: post } }: KapostContentDelivery): UnifiedItem {
  const title = post.content_title ?? post.idea_title;
  const type = post.content_type?.field_name ?? post.content_type?.display_name;
  return {
    id: post.id,
    ...(type ? { type } : {}),
    ...(title ? { title } : {}),
    role: "subject",
  };
}

type PlainKind = "content.create" | "content.update" | "content.publish" | "content.delete";

function contentEvent<K extends PlainKind>(kind: K) {
  return (delivery: KapostContentDelivery): BaseUnifiedInit<K> => ({
    kind,
    items: [contentItem(delivery)],
    occurredAt: delivery.payload.full_post.updated_at,
    channel: kind === "content.publish" ? "published" : "management",
  });
}

/**
 * Kapost native events: `<type>.<operation>`. The single source of event
 * names, payload types and unified mappings. A `type` or `operation` not in
 * this table (Kapost says `type` will gain values) is acknowledged and reaches
 * `onAny` as an unknown event.
 *
 * @example
 * ```ts
 * Object.keys(kapostEvents); // ["content.create", "content.update", "content.publish", "content.delete"]
 * ```
 */
export const kapostEvents = {
  "content.create": defineEvent(kapostContentOperationSchema("create"), { unified: contentEvent("content.create") }),
  "content.update": defineEvent(kapostContentOperationSchema("update"), { unified: contentEvent("content.update") }),
  "content.publish": defineEvent(kapostContentOperationSchema("publish"), { unified: contentEvent("content.publish") }),
  "content.delete": defineEvent(kapostContentOperationSchema("delete"), { unified: contentEvent("content.delete") }),
};

/** A Kapost native event name. */
export type KapostEventName = keyof typeof kapostEvents;
