import { defineEvent, type BaseUnifiedInit, type UnifiedEventInit, type UnifiedItem } from "@cmshooks/core";
import { strapiDocumentId } from "./document-id.js";
import {
  strapiEntryDeliverySchema,
  strapiMediaDeliverySchema,
  strapiReleasePublishDeliverySchema,
  strapiStageChangeDeliverySchema,
  type StrapiEntryDelivery,
  type StrapiMediaDelivery,
  type StrapiReleasePublishDelivery,
  type StrapiStageChangeDelivery,
} from "./schemas.js";

type ContentKind = "content.create" | "content.update" | "content.publish" | "content.unpublish" | "content.delete";

function entryItem(delivery: Pick<StrapiEntryDelivery, "model" | "uid">, entry: StrapiEntryDelivery["entry"] | StrapiStageChangeDelivery["entity"]): UnifiedItem {
  const title = (entry as { readonly title?: unknown }).title;
  return {
    id: strapiDocumentId(entry),
    type: delivery.uid ?? delivery.model,
    ...(typeof entry.locale === "string" ? { language: entry.locale } : {}),
    ...(typeof title === "string" ? { title } : {}),
    role: "subject",
  };
}

function entryEvent<K extends ContentKind>(kind: K) {
  return (delivery: StrapiEntryDelivery): BaseUnifiedInit<K> => ({
    kind,
    items: [entryItem(delivery, delivery.entry)],
    occurredAt: delivery.createdAt,
    channel: kind === "content.publish" || kind === "content.unpublish" ? "published" : "management",
  });
}

function mediaEvent<K extends "content.create" | "content.update" | "content.delete">(kind: K) {
  return ({ media, createdAt }: StrapiMediaDelivery): BaseUnifiedInit<K> => ({
    kind,
    items: [{ id: strapiDocumentId(media), type: "media", title: media.name, url: media.url, role: "subject" }],
    occurredAt: createdAt,
    channel: "management",
  });
}

function stageChange(delivery: StrapiStageChangeDelivery): UnifiedEventInit<"workflow.change"> {
  const { from, to } = delivery.workflow.stages;
  return {
    kind: "workflow.change",
    items: [entryItem(delivery, delivery.entity)],
    occurredAt: delivery.createdAt,
    workflow: {
      from: { id: String(from.id), name: from.name },
      to: { id: String(to.id), name: to.name },
      event: delivery.event,
    },
  };
}

/** A published release is a publish of the release; a failed one maps to nothing. */
function releasePublish({ isPublished, release, createdAt }: StrapiReleasePublishDelivery): UnifiedEventInit<"content.publish"> | undefined {
  if (!isPublished || !release) return undefined;
  return {
    kind: "content.publish",
    items: [{ id: strapiDocumentId(release), type: "release", title: release.name, role: "subject" }],
    occurredAt: release.releasedAt ?? createdAt,
    channel: "published",
  };
}

/**
 * Strapi native events: the names Strapi's webhook settings list. The single
 * source of event names, payload types and unified mappings; Strapi 4 and 5
 * payloads share each schema (`documentId` is optional).
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: strapi({ auth }) });
 * receiver.on("entry.publish", ({ payload }) => revalidate(payload.uid, payload.entry.documentId));
 * Object.keys(strapiEvents); // ["entry.create", …, "releases.publish"]
 * ```
 */
export const strapiEvents = {
  "entry.create": defineEvent(strapiEntryDeliverySchema("entry.create"), { unified: entryEvent("content.create") }),
  "entry.update": defineEvent(strapiEntryDeliverySchema("entry.update"), { unified: entryEvent("content.update") }),
  "entry.delete": defineEvent(strapiEntryDeliverySchema("entry.delete"), { unified: entryEvent("content.delete") }),
  "entry.publish": defineEvent(strapiEntryDeliverySchema("entry.publish"), { unified: entryEvent("content.publish") }),
  "entry.unpublish": defineEvent(strapiEntryDeliverySchema("entry.unpublish"), { unified: entryEvent("content.unpublish") }),
  "entry.draft-discard": defineEvent(strapiEntryDeliverySchema("entry.draft-discard"), { unified: entryEvent("content.update") }),
  "media.create": defineEvent(strapiMediaDeliverySchema("media.create"), { unified: mediaEvent("content.create") }),
  "media.update": defineEvent(strapiMediaDeliverySchema("media.update"), { unified: mediaEvent("content.update") }),
  "media.delete": defineEvent(strapiMediaDeliverySchema("media.delete"), { unified: mediaEvent("content.delete") }),
  "review-workflows.updateEntryStage": defineEvent(strapiStageChangeDeliverySchema, { unified: stageChange }),
  "releases.publish": defineEvent(strapiReleasePublishDeliverySchema, { unified: releasePublish }),
};

/** A Strapi native event name. */
export type StrapiEventName = keyof typeof strapiEvents;
