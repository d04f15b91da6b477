import { defineEvent, type BaseUnifiedInit, type TaxonomyChange, type UnifiedEventInit, type UnifiedItem, type UnifiedMappingResult } from "@cmshooks/core";
import { z } from "zod";
import {
  kontentDeliverySlotSchema,
  kontentItemSystemSchema,
  kontentNotificationSchema,
  kontentObjectSystemSchema,
  kontentWorkflowActionContextSchema,
  type KontentDeliverySlot,
  type KontentItemSystem,
  type KontentObjectSystem,
  type KontentObjectType,
  type KontentWorkflowActionContext,
} from "./notification-schemas.js";

interface NotificationLike<S> {
  readonly data: { readonly system: S };
  readonly message: {
    readonly environment_id: string;
    readonly object_type: string;
    readonly action: string;
    readonly delivery_slot: KontentDeliverySlot;
  };
}
type KeyInput = NotificationLike<KontentObjectSystem & { readonly language?: string }>;
type Mapping<S, R> = (notification: NotificationLike<S>) => R;

/**
 * The current format has no notification id, so the dedupe key is derived
 * from what identifies one change: environment, object, language, action,
 * slot and the object's `last_modified`.
 *
 * @example
 * ```ts
 * kontentNotificationKey(notification); // "2db9…:content_item:74fd…:default:published:published:2025-11-26T10:12:53.4900599Z"
 * ```
 */
export function kontentNotificationKey({ data: { system }, message }: KeyInput): string {
  return [message.environment_id, message.object_type, system.id, system.language ?? "", message.action, message.delivery_slot, system.last_modified].join(":");
}

function contentItem(system: KontentItemSystem): UnifiedItem {
  const { id, codename, name, type, language, collection } = system;
  return { id, codename, title: name, type, language, collection, role: "subject" };
}

function itemChanged<K extends "content.create" | "content.update" | "content.delete" | "content.publish" | "content.unpublish">(
  kind: K,
): Mapping<KontentItemSystem, BaseUnifiedInit<K>> {
  return ({ data, message }) => ({ kind, items: [contentItem(data.system)], occurredAt: data.system.last_modified, channel: message.delivery_slot });
}

const workflowStepChanged = ({
  data,
  message,
}: NotificationLike<KontentItemSystem> & { message: { action_context: KontentWorkflowActionContext } }): UnifiedEventInit<"workflow.change"> => ({
  kind: "workflow.change",
  items: [contentItem(data.system)],
  workflow: { from: { codename: message.action_context.previous_workflow_step }, to: { codename: data.system.workflow_step } },
  occurredAt: data.system.last_modified,
  channel: message.delivery_slot,
});

function assetChanged<K extends "content.create" | "content.update" | "content.delete">(kind: K): Mapping<KontentObjectSystem, BaseUnifiedInit<K>> {
  return ({ data: { system }, message }) => ({
    kind,
    items: [{ id: system.id, codename: system.codename, title: system.name, role: "subject" }],
    occurredAt: system.last_modified,
    channel: message.delivery_slot,
  });
}

function taxonomyChanged(action: TaxonomyChange["action"]): Mapping<KontentObjectSystem, UnifiedEventInit<"taxonomy.change">> {
  return ({ data: { system }, message }) => ({
    kind: "taxonomy.change",
    items: [],
    taxonomy: { action, id: system.id, codename: system.codename, name: system.name },
    occurredAt: system.last_modified,
    channel: message.delivery_slot,
  });
}

const preview = z.literal("preview");
const published = z.literal("published");

type NotificationSchema<O extends KontentObjectType, A extends string, Sys extends z.ZodType, Slot extends z.ZodType, Extra extends z.core.$ZodLooseShape> =
  ReturnType<typeof kontentNotificationSchema<O, A, Sys, Slot, Extra>>;

function event<
  const O extends KontentObjectType,
  const A extends string,
  Sys extends z.ZodType,
  Slot extends z.ZodType = typeof kontentDeliverySlotSchema,
  Extra extends z.core.$ZodLooseShape = {},
  R extends UnifiedMappingResult = undefined,
>(objectType: O, action: A, options: { system: Sys; slot?: Slot; message?: Extra }, unified?: (notification: z.output<NotificationSchema<O, A, Sys, Slot, Extra>>) => R) {
  return defineEvent(kontentNotificationSchema(objectType, action, options), {
    // Every system schema has id and last_modified; TypeScript cannot see that through the generic `Sys`.
    deliveryId: (notification) => kontentNotificationKey(notification as unknown as KeyInput),
    ...(unified ? { unified } : {}),
  });
}

const item = kontentItemSystemSchema;
const object = kontentObjectSystemSchema;

/**
 * Native events of the current format, named `<object_type>.<action>`. The
 * actions are past tense (`published`, `created`) where legacy operations are
 * present tense (`publish`, `upsert`), so the two sets of names never meet.
 *
 * @example
 * ```ts
 * kontentNotificationEvents["taxonomy.term_created"].schema.parse(body.notifications[0]).data.system.codename;
 * ```
 */
export const kontentNotificationEvents = {
  "content_item.created": event("content_item", "created", { system: item, slot: preview }, itemChanged("content.create")),
  "content_item.deleted": event("content_item", "deleted", { system: item, slot: preview }, itemChanged("content.delete")),
  "content_item.changed": event("content_item", "changed", { system: item }, itemChanged("content.update")),
  "content_item.metadata_changed": event("content_item", "metadata_changed", { system: item }, itemChanged("content.update")),
  "content_item.workflow_step_changed": event(
    "content_item",
    "workflow_step_changed",
    { system: item, slot: preview, message: { action_context: kontentWorkflowActionContextSchema } },
    workflowStepChanged,
  ),
  "content_item.published": event("content_item", "published", { system: item, slot: published }, itemChanged("content.publish")),
  "content_item.unpublished": event("content_item", "unpublished", { system: item, slot: published }, itemChanged("content.unpublish")),
  "asset.created": event("asset", "created", { system: object }, assetChanged("content.create")),
  "asset.changed": event("asset", "changed", { system: object }, assetChanged("content.update")),
  "asset.deleted": event("asset", "deleted", { system: object }, assetChanged("content.delete")),
  "asset.metadata_changed": event("asset", "metadata_changed", { system: object }, assetChanged("content.update")),
  "content_type.created": event("content_type", "created", { system: object }),
  "content_type.deleted": event("content_type", "deleted", { system: object }),
  "content_type.changed": event("content_type", "changed", { system: object }),
  "language.created": event("language", "created", { system: object }),
  "language.deleted": event("language", "deleted", { system: object }),
  "language.changed": event("language", "changed", { system: object }),
  "taxonomy.created": event("taxonomy", "created", { system: object }, taxonomyChanged("create")),
  "taxonomy.deleted": event("taxonomy", "deleted", { system: object }, taxonomyChanged("delete")),
  "taxonomy.metadata_changed": event("taxonomy", "metadata_changed", { system: object }, taxonomyChanged("update")),
  "taxonomy.term_created": event("taxonomy", "term_created", { system: object }, taxonomyChanged("terms_change")),
  "taxonomy.term_changed": event("taxonomy", "term_changed", { system: object }, taxonomyChanged("terms_change")),
  "taxonomy.term_deleted": event("taxonomy", "term_deleted", { system: object }, taxonomyChanged("terms_change")),
  "taxonomy.terms_moved": event("taxonomy", "terms_moved", { system: object }, taxonomyChanged("move")),
};

/** A current-format native event name. */
export type KontentNotificationEventName = keyof typeof kontentNotificationEvents;
