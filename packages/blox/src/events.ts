import { defineEvent, type BaseUnifiedInit, type UnifiedEventInit, type UnifiedItem } from "@cmshooks/core";
import { bloxAssetDeliverySchema, bloxUserDeliverySchema, type BloxAssetDelivery, type BloxUserDelivery } from "./schemas.js";

/** The asset as a unified item. Built field by field: spreading the optional ones costs more than the rest of the mapping. */
function assetItem({ data }: BloxAssetDelivery): UnifiedItem {
  const item: { -readonly [K in keyof UnifiedItem]: UnifiedItem[K] } = { id: data.uuid, type: data.type };
  if (data.title !== undefined) item.title = data.title;
  if (data.url !== undefined) item.url = data.url;
  item.role = "subject";
  return item;
}

/** create/update map to content create/update; a live asset (`published: "yes"`) also maps to publish. */
function assetEvents<K extends "content.create" | "content.update">(kind: K) {
  return (delivery: BloxAssetDelivery): BaseUnifiedInit<K | "content.publish">[] => {
    const items = [assetItem(delivery)];
    const occurredAt = delivery.data.start_time;
    if (delivery.data.published !== "yes") return [{ kind, items, occurredAt, channel: "management" }];
    return [
      { kind, items, occurredAt, channel: "published" },
      { kind: "content.publish", items, occurredAt, channel: "published" },
    ];
  };
}

function userEvent(action: "create" | "update" | "delete") {
  return ({ data }: BloxUserDelivery): UnifiedEventInit<"user.change"> => {
    const name = [data.first_name, data.last_name].filter(Boolean).join(" ") || data.screen_name;
    return {
      kind: "user.change",
      items: [{ id: String(data.id) }],
      user: { action, id: String(data.id), email: data.email, name },
    };
  };
}

/**
 * BLOX CMS native events: `<application>.<event>`. The single source of
 * event names, payload types and unified mappings.
 *
 * @example
 * ```ts
 * const names = Object.keys(bloxEvents); // ["editorial.create_asset", …]
 * const receiver = createReceiver({ provider: blox({ secret }) });
 * receiver.on("editorial.update_asset", ({ payload }) => purge(payload.data.url));
 * ```
 */
export const bloxEvents = {
  "editorial.create_asset": defineEvent(bloxAssetDeliverySchema, { unified: assetEvents("content.create") }),
  "editorial.update_asset": defineEvent(bloxAssetDeliverySchema, { unified: assetEvents("content.update") }),
  "editorial.delete_asset": defineEvent(bloxAssetDeliverySchema, {
    unified: (d) => ({ kind: "content.delete", items: [assetItem(d)], occurredAt: d.data.start_time }),
  }),
  "user.create_user": defineEvent(bloxUserDeliverySchema, { unified: userEvent("create") }),
  "user.update_user": defineEvent(bloxUserDeliverySchema, { unified: userEvent("update") }),
  "user.delete_user": defineEvent(bloxUserDeliverySchema, { unified: userEvent("delete") }),
};

/** A BLOX native event name. */
export type BloxEventName = keyof typeof bloxEvents;
