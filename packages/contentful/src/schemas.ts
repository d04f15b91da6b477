import { openObject } from "@cmshooks/core";
import { z } from "zod";

/**
 * A link to another entity: `{ sys: { type: "Link", linkType, id } }`.
 *
 * @example
 * ```ts
 * contentfulLinkSchema.parse({ sys: { type: "Link", linkType: "ContentType", id: "blogPost" } });
 * ```
 */
export const contentfulLinkSchema = openObject({
  sys: openObject({ type: z.literal("Link"), linkType: z.string(), id: z.string() }),
});

/**
 * `sys` of every entity a webhook carries. `type` is the entity type
 * (`Entry`, `DeletedEntry`, `Asset`, `ContentType`, `Task`, …).
 *
 * @example
 * ```ts
 * const sys = contentfulSysSchema.parse(body.sys);
 * console.log(sys.type, sys.id);
 * ```
 */
export const contentfulSysSchema = openObject({
  id: z.string().min(1),
  type: z.string().min(1),
  space: contentfulLinkSchema.optional(),
  environment: contentfulLinkSchema.optional(),
  contentType: contentfulLinkSchema.optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  deletedAt: z.string().optional(),
  publishedAt: z.string().optional(),
  version: z.number().optional(),
  revision: z.number().optional(),
  publishedVersion: z.number().optional(),
});

/** Localized field values: field id → locale → value. */
const localizedFields = z.record(z.string(), z.record(z.string(), z.unknown()));

/**
 * An entry as webhooks send it: `sys` and, except for deletions and
 * unpublishes (`sys.type: "DeletedEntry"`), `fields` by locale.
 *
 * @example
 * ```ts
 * const entry = contentfulEntrySchema.parse(JSON.parse(text));
 * console.log(entry.sys.contentType?.sys.id, entry.fields?.title?.["en-US"]);
 * ```
 */
export const contentfulEntrySchema = openObject({
  sys: contentfulSysSchema,
  fields: localizedFields.optional(),
  metadata: openObject({ tags: z.array(contentfulLinkSchema).optional() }).optional(),
});

/**
 * An asset as webhooks send it: `sys` and, unless deleted or unpublished,
 * `fields` (`title`, `description`, `file`) by locale.
 *
 * @example
 * ```ts
 * const asset = contentfulAssetSchema.parse(JSON.parse(text));
 * console.log(asset.fields?.file?.["en-US"]);
 * ```
 */
export const contentfulAssetSchema = contentfulEntrySchema;

/**
 * A content type as webhooks send it: its name, display field and field definitions.
 *
 * @example
 * ```ts
 * const type = contentfulContentTypeSchema.parse(JSON.parse(text));
 * console.log(type.name, type.fields?.map((f) => f.id));
 * ```
 */
export const contentfulContentTypeSchema = openObject({
  sys: contentfulSysSchema,
  name: z.string().optional(),
  description: z.string().nullable().optional(),
  displayField: z.string().nullable().optional(),
  fields: z.array(openObject({ id: z.string(), name: z.string().optional(), type: z.string().optional() })).optional(),
});

/**
 * Any other entity a webhook carries (tasks, comments, releases, workflows,
 * actions, environment aliases, app installations): its `sys`, the rest
 * passed through.
 *
 * @example
 * ```ts
 * const task = contentfulEntitySchema.parse(JSON.parse(text));
 * console.log(task.sys.type, task.sys.id); // "Task", "…"
 * ```
 */
export const contentfulEntitySchema = openObject({ sys: contentfulSysSchema });

/** An entry, or a deleted or unpublished one (see {@link contentfulEntrySchema}). */
export type ContentfulEntry = z.output<typeof contentfulEntrySchema>;
/** An asset (see {@link contentfulAssetSchema}). */
export type ContentfulAsset = z.output<typeof contentfulAssetSchema>;
/** A content type (see {@link contentfulContentTypeSchema}). */
export type ContentfulContentType = z.output<typeof contentfulContentTypeSchema>;
/** Any other entity (see {@link contentfulEntitySchema}). */
export type ContentfulEntity = z.output<typeof contentfulEntitySchema>;
