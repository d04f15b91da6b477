import { defineEvent, type UnifiedEventInit, type UnifiedItem } from "@cmshooks/core";
import { changedFields } from "./changed-fields.js";
import {
  inbentaChangeContentStatusSchema,
  inbentaCreateCategorySchema,
  inbentaCreateContentSchema,
  inbentaDeleteContentSchema,
  inbentaEditCategorySchema,
  inbentaEditContentSchema,
  inbentaMoveSchema,
  inbentaRemoveCategorySchema,
  type InbentaCategoryData,
  type InbentaContentData,
} from "./schemas.js";
import { inbentaSavedSchema, type InbentaCurrentContent, type InbentaSavedContent } from "./upon-saving-schemas.js";

/** When a save happened: `date` is an ISO string, or epoch seconds as a number ("timestamp"). */
function savedAt(date: string | number): string | Date {
  return typeof date === "number" ? new Date(date * 1000) : date;
}

/** The saved content: its id and title, from `currentContent`, else `content`. */
function savedItem(p: { content: InbentaSavedContent; currentContent: InbentaCurrentContent }): UnifiedItem {
  return item("content", p.currentContent.id, p.currentContent.title ?? p.content.title);
}

/** Bookkeeping fields that differ on every edit: not a change of the content itself. */
const BOOKKEEPING = new Set(["modificationDate", "modifiedBy"]);

function item(type: "content" | "category", id: number, title: string | undefined): UnifiedItem {
  return { id: String(id), type, ...(title === undefined ? {} : { title }), role: "subject" };
}

function contentItem(contentId: number, ...data: (InbentaContentData | undefined)[]): UnifiedItem {
  return item("content", contentId, data.find((d) => d?.title !== undefined)?.title);
}

function categoryEvent(
  action: "create" | "update" | "delete",
  { categoryId, date }: { categoryId: number; date: string },
  ...data: (InbentaCategoryData | undefined)[]
): UnifiedEventInit<"taxonomy.change"> {
  const name = data.find((d) => d?.name !== undefined)?.name;
  return {
    kind: "taxonomy.change",
    items: [item("category", categoryId, name)],
    occurredAt: date,
    channel: "management",
    taxonomy: { action, id: String(categoryId), name },
  };
}

/**
 * Inbenta Knowledge native events: webhook transactions named by `trigger`,
 * and the "webhook upon saving" named `upon_saving.<action>`. The single
 * source of event names, payload types and unified mappings. A trigger or
 * action not in this table is acknowledged and reaches `onAny` as an unknown event.
 *
 * @example
 * ```ts
 * Object.keys(inbentaEvents); // ["create_content", "edit_content", …, "moving_category_tree"]
 * ```
 */
export const inbentaEvents = {
  create_content: defineEvent(inbentaCreateContentSchema, {
    unified: (p) => ({ kind: "content.create", items: [contentItem(p.contentId, p.contentData)], occurredAt: p.date, channel: "management" }),
  }),
  edit_content: defineEvent(inbentaEditContentSchema, {
    unified: (p) => ({
      kind: "content.update",
      items: [contentItem(p.contentId, p.contentData, p.contentPreviousData)],
      occurredAt: p.date,
      channel: "management",
      changedFields: changedFields(p.contentData, p.contentPreviousData, BOOKKEEPING),
    }),
  }),
  change_content_status: defineEvent(inbentaChangeContentStatusSchema, {
    unified: (p) => ({
      kind: p.contentData.isActive ? "content.publish" : "content.unpublish",
      items: [contentItem(p.contentId)],
      occurredAt: p.date,
      channel: "published",
    }),
  }),
  delete_content: defineEvent(inbentaDeleteContentSchema, {
    unified: (p) => ({ kind: "content.delete", items: [contentItem(p.contentId)], occurredAt: p.date, channel: "management" }),
  }),
  create_category: defineEvent(inbentaCreateCategorySchema, {
    unified: (p) => categoryEvent("create", p, p.categoryData),
  }),
  edit_category: defineEvent(inbentaEditCategorySchema, {
    unified: (p) => categoryEvent("update", p, p.categoryData, p.categoryPreviousData),
  }),
  remove_category: defineEvent(inbentaRemoveCategorySchema, {
    unified: (p) => categoryEvent("delete", p),
  }),
  moving_category_tree: defineEvent(inbentaMoveSchema, {
    unified: (p) => ({
      kind: "taxonomy.change",
      items: [item(p.itemMovedType, p.id, undefined)],
      occurredAt: p.date,
      channel: "management",
      taxonomy: {
        action: "move",
        // The taxonomy node that moved: the category itself; for a content, the tree changed around it.
        id: p.itemMovedType === "category" ? String(p.id) : undefined,
        fromParent: p.categoryParentFrom === null ? undefined : String(p.categoryParentFrom),
        toParent: p.categoryParentTo === null ? undefined : String(p.categoryParentTo),
      },
    }),
  }),
  "upon_saving.add": defineEvent(inbentaSavedSchema("add"), {
    unified: (p) => ({ kind: "content.create", items: [savedItem(p)], occurredAt: savedAt(p.date), channel: "management" }),
  }),
  "upon_saving.edit": defineEvent(inbentaSavedSchema("edit"), {
    unified: (p) => ({ kind: "content.update", items: [savedItem(p)], occurredAt: savedAt(p.date), channel: "management" }),
  }),
};

/** An Inbenta native event name. */
export type InbentaEventName = keyof typeof inbentaEvents;
