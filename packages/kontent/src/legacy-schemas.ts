/**
 * The legacy Kontent.ai webhook format (subscriptions created before
 * 2023-12-14, deprecated 2024-09-01): `{ data: { items, taxonomies }, message }`,
 * signed in `X-KC-Signature`.
 */
import { z } from "zod";
import { openObject } from "@cmshooks/core";

/**
 * Which Kontent.ai API a legacy notification relates to (`message.api_name`, `X-KC-Message-Api-Name`).
 *
 * @example
 * ```ts
 * if (kontentApiNameSchema.parse(headers.get("x-kc-message-api-name")) === "delivery_preview") refreshPreview();
 * ```
 */
export const kontentApiNameSchema = z.enum(["delivery_production", "delivery_preview", "content_management"]);
/** A Kontent.ai API name (see {@link kontentApiNameSchema}). */
export type KontentApiName = z.output<typeof kontentApiNameSchema>;

/**
 * `message.type` values of the legacy format (helper v3 model; `sitemap` is listed there but not in the docs).
 *
 * @example
 * ```ts
 * const type = kontentLegacyTypeSchema.safeParse(delivery.message.type); // "content_item_variant", …
 * ```
 */
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
/** A legacy `message.type` (see {@link kontentLegacyTypeSchema}). */
export type KontentLegacyType = z.output<typeof kontentLegacyTypeSchema>;

/**
 * `message.operation` values of the legacy format (`create` comes with
 * Management API content item triggers, per `@kontent-ai/management-sdk`'s
 * webhook contracts).
 *
 * @example
 * ```ts
 * kontentLegacyOperationSchema.parse(delivery.message.operation); // "publish", …
 * ```
 */
export const kontentLegacyOperationSchema = z.enum(["upsert", "create", "archive", "change_workflow_step", "restore", "publish", "unpublish"]);
/** A legacy `message.operation` (see {@link kontentLegacyOperationSchema}). */
export type KontentLegacyOperation = z.output<typeof kontentLegacyOperationSchema>;

/**
 * The legacy `message` object: where the notification came from. Mirrored by the `X-KC-Message-*` headers.
 *
 * @example
 * ```ts
 * const message = kontentLegacyMessageSchema.parse(JSON.parse(text).message);
 * console.log(message.id, message.type, message.operation);
 * ```
 */
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
/** The legacy `message` object (see {@link kontentLegacyMessageSchema}). */
export type KontentLegacyMessage = z.output<typeof kontentLegacyMessageSchema>;

/**
 * Item object of content item events: codenames of the item, its collection, language and type.
 *
 * @example
 * ```ts
 * for (const item of z.array(kontentContentItemSchema).parse(delivery.data.items)) purge(item.codename, item.language);
 * ```
 */
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
/** An item of a legacy content notification (see {@link kontentContentItemSchema}). */
export type KontentContentItem = z.output<typeof kontentContentItemSchema>;

/**
 * A taxonomy group in `data.taxonomies`.
 *
 * @example
 * ```ts
 * const groups = z.array(kontentTaxonomyGroupSchema).parse(delivery.data.taxonomies);
 * ```
 */
export const kontentTaxonomyGroupSchema = openObject({ id: z.string().min(1), codename: z.string() });
/** A taxonomy group of a legacy notification (see {@link kontentTaxonomyGroupSchema}). */
export type KontentTaxonomyGroup = z.output<typeof kontentTaxonomyGroupSchema>;

/**
 * `{ id }`: how workflow notifications refer to an item, a language or a workflow step.
 *
 * @example
 * ```ts
 * const { id } = kontentReferenceSchema.parse(item.transition_to);
 * ```
 */
export const kontentReferenceSchema = openObject({ id: z.string().min(1) });
/** An `{ id }` reference (see {@link kontentReferenceSchema}). */
export type KontentReference = z.output<typeof kontentReferenceSchema>;

/**
 * Item object of workflow events: ids only.
 *
 * @example
 * ```ts
 * const step = kontentWorkflowItemSchema.parse(delivery.data.items[0]);
 * console.log(step.item.id, step.transition_from.id, "→", step.transition_to.id);
 * ```
 */
export const kontentWorkflowItemSchema = openObject({
  item: kontentReferenceSchema,
  language: kontentReferenceSchema,
  transition_from: kontentReferenceSchema,
  transition_to: kontentReferenceSchema,
});
/** An item of a legacy workflow notification (see {@link kontentWorkflowItemSchema}). */
export type KontentWorkflowItem = z.output<typeof kontentWorkflowItemSchema>;

/**
 * `data` of content notifications: the changed or affected items and taxonomy
 * groups. Both lists are documented as present; one a delivery leaves out
 * (e.g. a project-level event with nothing to list) reads as `[]`.
 *
 * @example
 * ```ts
 * const { items, taxonomies } = kontentContentDataSchema.parse(delivery.data);
 * ```
 */
export const kontentContentDataSchema = openObject({
  items: z.array(kontentContentItemSchema).default([]),
  taxonomies: z.array(kontentTaxonomyGroupSchema).default([]),
});
/** `data` of a legacy content notification (see {@link kontentContentDataSchema}). */
export type KontentContentData = z.output<typeof kontentContentDataSchema>;

/**
 * `data` of `content_item_variant` archive / restore / publish / unpublish:
 * the first item caused the notification, the others were affected by it, so
 * the list is never empty and `items[0]` is typed as present.
 *
 * @example
 * ```ts
 * const { items: [cause, ...affected] } = kontentCausedContentDataSchema.parse(delivery.data);
 * ```
 */
export const kontentCausedContentDataSchema = kontentContentDataSchema.extend({
  items: z.tuple([kontentContentItemSchema], kontentContentItemSchema),
});
/** `data` of a legacy publish / unpublish / archive / restore notification (see {@link kontentCausedContentDataSchema}). */
export type KontentCausedContentData = z.output<typeof kontentCausedContentDataSchema>;

/**
 * `data` of workflow step transitions: workflow items and no `taxonomies`.
 *
 * @example
 * ```ts
 * const { items } = kontentWorkflowDataSchema.parse(delivery.data);
 * ```
 */
export const kontentWorkflowDataSchema = openObject({ items: z.array(kontentWorkflowItemSchema) });
/** `data` of a legacy workflow notification (see {@link kontentWorkflowDataSchema}). */
export type KontentWorkflowData = z.output<typeof kontentWorkflowDataSchema>;

/**
 * The envelope every legacy delivery shares: enough to name its event.
 *
 * @example
 * ```ts
 * const { message } = kontentLegacyEnvelopeSchema.parse(JSON.parse(text));
 * const event = `${message.type}.${message.operation}`; // "content_item_variant.publish"
 * ```
 */
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
