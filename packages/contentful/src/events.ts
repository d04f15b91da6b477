import { defineEvent, type BaseUnifiedInit, type EventDefinition, type UnifiedItem, type UnifiedKind } from "@cmshooks/core";
import type { z } from "zod";
import type { ContentfulMeta } from "./meta.js";
import { contentfulContentTypeSchema, contentfulEntitySchema, contentfulEntrySchema, type ContentfulEntry } from "./schemas.js";

type ContentKind = Extract<UnifiedKind, `content.${string}`>;

/** Entry and asset actions → unified kind; content-model and other entities have none. */
const CONTENT_KINDS = {
  create: "content.create",
  save: "content.update",
  auto_save: "content.update",
  publish: "content.publish",
  unpublish: "content.unpublish",
  archive: "content.delete",
  unarchive: "content.restore",
  delete: "content.delete",
} as const satisfies Readonly<Record<string, ContentKind>>;

type ContentAction = keyof typeof CONTENT_KINDS;

/** The first string value of a localized field (whatever the locale). */
function firstString(field: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!field) return undefined;
  for (const value of Object.values(field)) if (typeof value === "string" && value !== "") return value;
  return undefined;
}

function item({ sys, fields }: ContentfulEntry, asset: boolean): UnifiedItem {
  const title = firstString(fields?.title);
  const type = asset ? "Asset" : sys.contentType?.sys.id;
  return { id: sys.id, ...(type ? { type } : {}), ...(title ? { title } : {}), role: "subject" };
}

function unified<A extends ContentAction>(action: A, asset: boolean) {
  const kind: (typeof CONTENT_KINDS)[A] = CONTENT_KINDS[action];
  const channel = kind === "content.publish" || kind === "content.unpublish" ? "published" : "management";
  return (payload: ContentfulEntry): BaseUnifiedInit<(typeof CONTENT_KINDS)[A]> => ({
    kind,
    items: [item(payload, asset)],
    occurredAt: (kind === "content.publish" ? payload.sys.publishedAt : undefined) ?? payload.sys.deletedAt ?? payload.sys.updatedAt,
    channel,
  });
}

const deliveryId = (_payload: unknown, { meta }: { meta: ContentfulMeta }) => meta.idempotencyKey;

function content<const Ty extends "Entry" | "Asset", const T extends ContentAction>(type: Ty, actions: readonly T[]) {
  return Object.fromEntries(
    actions.map((action) => [
      `ContentManagement.${type}.${action}`,
      defineEvent(contentfulEntrySchema, { unified: unified<ContentAction>(action, type === "Asset"), deliveryId }),
    ]),
  ) as { readonly [A in T as `ContentManagement.${Ty}.${A}`]: EventDefinition<typeof contentfulEntrySchema, ContentfulMeta, (typeof CONTENT_KINDS)[A]> };
}

function entities<const N extends string, S extends z.ZodType>(names: readonly N[], schema: S) {
  return Object.fromEntries(names.map((name) => [name, defineEvent(schema, { deliveryId })])) as {
    readonly [K in N]: EventDefinition<S, ContentfulMeta, never>;
  };
}

const ENTRY_ACTIONS = ["create", "save", "auto_save", "archive", "unarchive", "publish", "unpublish", "delete"] as const;

/**
 * Contentful native events: the `X-Contentful-Topic` values its webhook
 * documentation lists. The single source of names, payload types and
 * unified mappings.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: contentful({ secret }) });
 * receiver.on("ContentManagement.Entry.publish", ({ payload }) => revalidate(payload.sys.id));
 * ```
 */
export const contentfulEvents = {
  ...entities(
    [
      "ContentManagement.ContentType.create",
      "ContentManagement.ContentType.save",
      "ContentManagement.ContentType.publish",
      "ContentManagement.ContentType.unpublish",
      "ContentManagement.ContentType.delete",
    ],
    contentfulContentTypeSchema,
  ),
  ...content("Entry", ENTRY_ACTIONS),
  ...content("Asset", ENTRY_ACTIONS),
  ...entities(
    [
      "ContentManagement.Task.Create",
      "ContentManagement.Task.Save",
      "ContentManagement.Task.Delete",
      "ContentManagement.Comment.create",
      "ContentManagement.Comment.save",
      "ContentManagement.Comment.delete",
      "ContentManagement.Release.create",
      "ContentManagement.Release.save",
      "ContentManagement.Release.archive",
      "ContentManagement.Release.unarchive",
      "ContentManagement.Release.delete",
      "ContentManagement.Workflow.create",
      "ContentManagement.Workflow.save",
      "ContentManagement.Workflow.complete",
      "ContentManagement.TemplateInstallation.complete",
      "ContentManagement.ReleaseAction.create",
      "ContentManagement.ReleaseAction.execute",
      "ContentManagement.ScheduledAction.create",
      "ContentManagement.ScheduledAction.save",
      "ContentManagement.ScheduledAction.delete",
      "ContentManagement.BulkAction.create",
      "ContentManagement.BulkAction.execute",
      "SpaceManagement.EnvironmentAlias.create",
      "SpaceManagement.EnvironmentAlias.change_target",
      "SpaceManagement.EnvironmentAlias.delete",
      "AppManagement.AppInstallation.create",
    ],
    contentfulEntitySchema,
  ),
};

/** A Contentful native event name: an `X-Contentful-Topic` value. */
export type ContentfulEventName = keyof typeof contentfulEvents;
