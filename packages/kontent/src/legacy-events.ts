import { defineEvent, type BaseUnifiedInit, type TaxonomyChange, type UnifiedEventInit, type UnifiedItem, type UnifiedMappingResult } from "@cmshooks/core";
import type { z } from "zod";
import {
  kontentCausedContentDataSchema,
  kontentContentDataSchema,
  kontentLegacyDeliverySchema,
  kontentWorkflowDataSchema,
  type KontentApiName,
  type KontentCausedContentData,
  type KontentContentData,
  type KontentContentItem,
  type KontentLegacyMessage,
  type KontentLegacyOperation,
  type KontentLegacyType,
  type KontentWorkflowData,
} from "./legacy-schemas.js";

type Channel = "published" | "preview" | "management";
type Mapping<D, R> = (payload: { data: D; message: KontentLegacyMessage }) => R;

const CHANNELS: Readonly<Record<KontentApiName, Channel>> = {
  delivery_production: "published",
  delivery_preview: "preview",
  content_management: "management",
};

function contentItem(item: KontentContentItem, role: "subject" | "affected"): UnifiedItem {
  return { id: item.id, codename: item.codename, type: item.type, language: item.language, collection: item.collection, role };
}

/** archive / restore / publish / unpublish: the first item caused the notification, the others were affected by it. */
function causedBy<K extends "content.publish" | "content.unpublish" | "content.delete" | "content.restore">(
  kind: K,
): Mapping<KontentCausedContentData, BaseUnifiedInit<K>> {
  return ({ data, message }) => ({
    kind,
    items: data.items.map((item, i) => contentItem(item, i === 0 ? "subject" : "affected")),
    occurredAt: message.created_timestamp,
    channel: CHANNELS[message.api_name],
  });
}

/** Changes whose items were changed by something else (an asset, a type, a language…): a content update, when any item is listed. */
function itemsChanged(role: "subject" | "affected"): Mapping<KontentContentData, UnifiedEventInit<"content.update"> | undefined> {
  return ({ data, message }) =>
    data.items.length === 0
      ? undefined
      : {
          kind: "content.update",
          items: data.items.map((item) => contentItem(item, role)),
          occurredAt: message.created_timestamp,
          channel: CHANNELS[message.api_name],
        };
}

/** A content item variant created (management) or changed (preview): the first item is the one, the others affected; nothing when none is listed. */
function variantChanged<K extends "content.create" | "content.update">(kind: K): Mapping<KontentContentData, BaseUnifiedInit<K> | undefined> {
  return ({ data, message }) =>
    data.items.length === 0
      ? undefined
      : {
          kind,
          items: data.items.map((item, i) => contentItem(item, i === 0 ? "subject" : "affected")),
          occurredAt: message.created_timestamp,
          channel: CHANNELS[message.api_name],
        };
}

/** One taxonomy change per group listed (or one without a group when none is), with the affected items. */
function taxonomyChanged(action: TaxonomyChange["action"]): Mapping<KontentContentData, UnifiedEventInit<"taxonomy.change">[]> {
  return ({ data, message }) => {
    const items = data.items.map((item) => contentItem(item, "affected"));
    const groups = data.taxonomies.length ? data.taxonomies : [undefined];
    return groups.map((group) => ({
      kind: "taxonomy.change" as const,
      items,
      taxonomy: { action, id: group?.id, codename: group?.codename },
      occurredAt: message.created_timestamp,
      channel: CHANNELS[message.api_name],
    }));
  };
}

/** One workflow change per transition. Legacy workflow items carry ids only (no codenames, a language id rather than its codename). */
const workflowStepChanged: Mapping<KontentWorkflowData, UnifiedEventInit<"workflow.change">[]> = ({ data, message }) =>
  data.items.map((step) => ({
    kind: "workflow.change" as const,
    items: [{ id: step.item.id, role: "subject" as const }],
    workflow: { from: { id: step.transition_from.id }, to: { id: step.transition_to.id } },
    occurredAt: message.created_timestamp,
    channel: CHANNELS[message.api_name],
  }));

function legacyEvent<const T extends KontentLegacyType, const O extends KontentLegacyOperation, D extends z.ZodType, R extends UnifiedMappingResult = undefined>(
  type: T,
  operation: O,
  data: D,
  unified?: Mapping<z.output<D>, R>,
) {
  return defineEvent(kontentLegacyDeliverySchema(type, operation, data), {
    // The legacy message id names the notification; retries of it are expected to keep it (UNVERIFIED).
    deliveryId: (payload) => payload.message.id,
    ...(unified ? { unified } : {}),
  });
}

/**
 * Native events of the legacy format, named `<message.type>.<message.operation>`:
 * every pair the Kontent.ai webhook reference lists, plus the content item
 * triggers of `@kontent-ai/management-sdk` (`create` on the Management API,
 * `upsert` on Preview) and the migration guide.
 *
 * @example
 * ```ts
 * kontentLegacyEvents["content_item_variant.publish"].schema.parse(body).data.items[0].codename;
 * ```
 */
export const kontentLegacyEvents = {
  "asset.upsert": legacyEvent("asset", "upsert", kontentContentDataSchema, itemsChanged("affected")),
  "content_item.upsert": legacyEvent("content_item", "upsert", kontentContentDataSchema, itemsChanged("subject")),
  "content_item_variant.archive": legacyEvent("content_item_variant", "archive", kontentCausedContentDataSchema, causedBy("content.delete")),
  "content_item_variant.change_workflow_step": legacyEvent(
    "content_item_variant",
    "change_workflow_step",
    kontentWorkflowDataSchema,
    workflowStepChanged,
  ),
  "content_item_variant.create": legacyEvent("content_item_variant", "create", kontentContentDataSchema, variantChanged("content.create")),
  "content_item_variant.upsert": legacyEvent("content_item_variant", "upsert", kontentContentDataSchema, variantChanged("content.update")),
  "content_item_variant.restore": legacyEvent("content_item_variant", "restore", kontentCausedContentDataSchema, causedBy("content.restore")),
  "content_item_variant.publish": legacyEvent("content_item_variant", "publish", kontentCausedContentDataSchema, causedBy("content.publish")),
  "content_item_variant.unpublish": legacyEvent(
    "content_item_variant",
    "unpublish",
    kontentCausedContentDataSchema,
    causedBy("content.unpublish"),
  ),
  "content_type.upsert": legacyEvent("content_type", "upsert", kontentContentDataSchema, itemsChanged("affected")),
  "language_settings.upsert": legacyEvent("language_settings", "upsert", kontentContentDataSchema, itemsChanged("affected")),
  "project.archive": legacyEvent("project", "archive", kontentContentDataSchema),
  "project.restore": legacyEvent("project", "restore", kontentContentDataSchema),
  "project_settings.upsert": legacyEvent("project_settings", "upsert", kontentContentDataSchema, itemsChanged("affected")),
  "taxonomy.archive": legacyEvent("taxonomy", "archive", kontentContentDataSchema, taxonomyChanged("delete")),
  "taxonomy.restore": legacyEvent("taxonomy", "restore", kontentContentDataSchema, taxonomyChanged("restore")),
  "taxonomy.upsert": legacyEvent("taxonomy", "upsert", kontentContentDataSchema, taxonomyChanged("update")),
  "workflow.upsert": legacyEvent("workflow", "upsert", kontentContentDataSchema, itemsChanged("affected")),
};

/** A legacy-format native event name. */
export type KontentLegacyEventName = keyof typeof kontentLegacyEvents;
