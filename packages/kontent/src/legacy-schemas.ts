/**
 * The legacy Kontent.ai webhook format (subscriptions created before
 * 2023-12-14, deprecated 2024-09-01): `{ data: { items, taxonomies }, message }`,
 * signed in `X-KC-Signature`.
 */
import { z } from "zod";
import { openObject } from "./open-object.js";

/** Which Kontent.ai API a legacy notification relates to (`message.api_name`, `X-KC-Message-Api-Name`). */
export const kontentApiNameSchema = z.enum(["delivery_production", "delivery_preview", "content_management"]);
export type KontentApiName = z.output<typeof kontentApiNameSchema>;

/** `message.type` values of the legacy format (helper v3 model; `sitemap` is listed there but not in the docs). */
export const kontentLegacyTypeSchema = z.enum([
  "asset",
  "content_item",
  "content_item_variant",
  "content_type",
  "language_settings",
  "project",
  "project_settings",
  "sitemap",
  "taxonomy",
  "workflow",
]);
export type KontentLegacyType = z.output<typeof kontentLegacyTypeSchema>;

/** `message.operation` values of the legacy format. */
export const kontentLegacyOperationSchema = z.enum(["upsert", "archive", "change_workflow_step", "restore", "publish", "unpublish"]);
export type KontentLegacyOperation = z.output<typeof kontentLegacyOperationSchema>;

/** The legacy `message` object: where the notification came from. Mirrored by the `X-KC-Message-*` headers. */
export const kontentLegacyMessageSchema = openObject({
  /** The notification's internal id (used as the delivery id for dedupe). */
  id: z.string().min(1),
  /** The environment's id (formerly project id). */
  project_id: z.string(),
  /** What changed, e.g. `content_item_variant`. */
  type: z.string().min(1),
  /** How it changed, e.g. `publish`. */
  operation: z.string().min(1),
  api_name: kontentApiNameSchema,
  /** ISO-8601 UTC, e.g. `2020-05-18T10:52:33.1059256Z`. */
  created_timestamp: z.string(),
  webhook_url: z.string(),
});
export type KontentLegacyMessage = z.output<typeof kontentLegacyMessageSchema>;

/** Item object of content item events: codenames of the item, its collection, language and type. */
export const kontentContentItemSchema = openObject({
  id: z.string().min(1),
  codename: z.string(),
  /** The collection's codename. */
  collection: z.string(),
  /** The language's codename. */
  language: z.string(),
  /** The content type's codename. */
  type: z.string(),
});
export type KontentContentItem = z.output<typeof kontentContentItemSchema>;

/** A taxonomy group in `data.taxonomies`. */
export const kontentTaxonomyGroupSchema = openObject({ id: z.string().min(1), codename: z.string() });
export type KontentTaxonomyGroup = z.output<typeof kontentTaxonomyGroupSchema>;

/** `{ id }`: how workflow notifications refer to an item, a language or a workflow step. */
export const kontentReferenceSchema = openObject({ id: z.string().min(1) });
export type KontentReference = z.output<typeof kontentReferenceSchema>;

/** Item object of workflow events: ids only. */
export const kontentWorkflowItemSchema = openObject({
  item: kontentReferenceSchema,
  language: kontentReferenceSchema,
  transition_from: kontentReferenceSchema,
  transition_to: kontentReferenceSchema,
});
export type KontentWorkflowItem = z.output<typeof kontentWorkflowItemSchema>;

/**
 * `data` of content notifications: the changed or affected items and taxonomy
 * groups. Both lists are documented as present; one a delivery leaves out
 * (e.g. a project-level event with nothing to list) reads as `[]`.
 */
export const kontentContentDataSchema = openObject({
  items: z.array(kontentContentItemSchema).default([]),
  taxonomies: z.array(kontentTaxonomyGroupSchema).default([]),
});
export type KontentContentData = z.output<typeof kontentContentDataSchema>;

/**
 * `data` of `content_item_variant` archive / restore / publish / unpublish:
 * the first item caused the notification, the others were affected by it, so
 * the list is never empty and `items[0]` is typed as present.
 */
export const kontentCausedContentDataSchema = kontentContentDataSchema.extend({
  items: z.tuple([kontentContentItemSchema], kontentContentItemSchema),
});
export type KontentCausedContentData = z.output<typeof kontentCausedContentDataSchema>;

/** `data` of workflow step transitions: workflow items and no `taxonomies`. */
export const kontentWorkflowDataSchema = openObject({ items: z.array(kontentWorkflowItemSchema) });
export type KontentWorkflowData = z.output<typeof kontentWorkflowDataSchema>;

/** The envelope every legacy delivery shares: enough to name its event. */
export const kontentLegacyEnvelopeSchema = z.looseObject({
  data: z.looseObject({}),
  message: z.looseObject({ type: z.string().min(1), operation: z.string().min(1) }),
});

/**
 * A full legacy delivery of one type/operation pair.
 *
 * @example
 * ```ts
 * const publish = kontentLegacyDeliverySchema("content_item_variant", "publish", kontentCausedContentDataSchema);
 * ```
 */
export function kontentLegacyDeliverySchema<const T extends KontentLegacyType, const O extends KontentLegacyOperation, D extends z.ZodType>(
  type: T,
  operation: O,
  data: D,
) {
  return openObject({ data, message: kontentLegacyMessageSchema.extend({ type: z.literal(type), operation: z.literal(operation) }) });
}
