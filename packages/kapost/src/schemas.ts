import { openObject } from "@cmshooks/core";
import { z } from "zod";

/**
 * The operations Kapost documents for content webhooks.
 *
 * @example
 * ```ts
 * for (const operation of KAPOST_OPERATIONS) receiver.on(`content.${operation}`, logChange);
 * ```
 */
export const KAPOST_OPERATIONS = ["create", "update", "publish", "delete"] as const;

/** A documented Kapost webhook operation. */
export type KapostOperation = (typeof KAPOST_OPERATIONS)[number];

/**
 * The envelope every Kapost webhook shares: `{ operation, type, payload, instance }`.
 * Only `operation` and `type` name the event; Kapost says `type` ("content"
 * today) will gain values, so the envelope accepts any string for both.
 *
 * @example
 * ```ts
 * const { type, operation } = kapostEnvelopeSchema.parse(body); // "content", "publish"
 * ```
 */
export const kapostEnvelopeSchema = openObject({
  operation: z.string().min(1),
  type: z.string().min(1),
});

/**
 * The Kapost instance (tenant) that sent the delivery.
 *
 * @example
 * ```ts
 * kapostInstanceSchema.parse({ id: "515b373751c35c02000001c2", subdomain: "mongohq" });
 * ```
 */
export const kapostInstanceSchema = openObject({
  /** 24-hex-digit id of the instance. */
  id: z.string().min(1),
  /** The instance's subdomain: `<subdomain>.kapost.com`. */
  subdomain: z.string(),
});

/**
 * The content type of a post.
 *
 * @example
 * ```ts
 * kapostContentTypeSchema.parse({ id: "515b373751c35c02000001c3", display_name: "Blog Post" });
 * ```
 */
export const kapostContentTypeSchema = openObject({
  id: z.string().min(1),
  display_name: z.string().optional(),
  /** Machine name of the type, as Kapost's content API gives it (`blog_post`); not in the webhook example. */
  field_name: z.string().optional(),
});

/**
 * A file attached to a post: an id, or an object with a URL and a file name
 * (the webhook example only shows an empty list).
 *
 * @example
 * ```ts
 * kapostAttachmentSchema.parse({ url: "https://files.example/brief.pdf", file_name: "brief.pdf" });
 * ```
 */
export const kapostAttachmentSchema = z.union([
  z.string(),
  openObject({
    id: z.string().optional(),
    url: z.string().optional(),
    file_name: z.string().optional(),
  }),
]);

/**
 * `payload.full_post`: the content item a webhook is about. Kapost documents
 * one example only, so beyond `id` and `updated_at` every field is optional
 * (a sparse delivery is acknowledged, not answered with 422 and retried), and
 * nullable where the example shows `null`. Unknown fields pass through.
 *
 * @example
 * ```ts
 * const post = kapostFullPostSchema.parse(body.payload.full_post);
 * post.content_title ?? post.idea_title; // string | null | undefined
 * ```
 */
export const kapostFullPostSchema = openObject({
  /** 24-hex-digit id of the content item. */
  id: z.string().min(1),
  /** Title while the item is an idea. */
  idea_title: z.string().nullable().optional(),
  /** Title of the written content. */
  content_title: z.string().nullable().optional(),
  /** User who created the item. */
  creator_id: z.string().nullable().optional(),
  /** User the item is assigned to. */
  assignee_id: z.string().nullable().optional(),
  /** Campaigns (initiatives) the item belongs to. */
  campaign_ids: z.array(z.string()).optional(),
  is_draft: z.boolean().optional(),
  /** ISO-8601 deadline for submitting the content. */
  submission_deadline: z.string().nullable().optional(),
  /** ISO-8601 deadline for publishing the content. */
  publish_deadline: z.string().nullable().optional(),
  /** Name of the next workflow task, e.g. `"Discuss post with creator"`. */
  next_task: z.string().nullable().optional(),
  /** ISO-8601 time of the change, UTC. */
  updated_at: z.string().min(1),
  /** Who can see the item, e.g. `"members"`. */
  privacy: z.string().optional(),
  /** The idea's body (HTML). */
  idea: z.string().nullable().optional(),
  /** The content's body (HTML). */
  content: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  /** Custom field values by field name. */
  custom_fields: z.record(z.string(), z.unknown()).optional(),
  excerpt: z.string().nullable().optional(),
  categories: z.array(z.string()).optional(),
  persona_ids: z.array(z.string()).optional(),
  /** Buying/funnel stages the item targets. */
  stage_ids: z.array(z.string()).optional(),
  attachments: z.array(kapostAttachmentSchema).optional(),
  content_type: kapostContentTypeSchema.nullable().optional(),
});

/**
 * A Kapost content webhook: `type: "content"` and one of the documented operations.
 *
 * @example
 * ```ts
 * const result = kapostContentDeliverySchema.safeParse(JSON.parse(text));
 * ```
 */
export const kapostContentDeliverySchema = kapostEnvelopeSchema.extend({
  operation: z.enum(KAPOST_OPERATIONS),
  type: z.literal("content"),
  payload: openObject({ full_post: kapostFullPostSchema }),
  instance: kapostInstanceSchema,
});

/**
 * The delivery schema of one operation: `operation` narrowed to that literal.
 *
 * @example
 * ```ts
 * kapostContentOperationSchema("publish").parse(body).payload.full_post.id;
 * ```
 */
export function kapostContentOperationSchema<Op extends KapostOperation>(operation: Op) {
  return kapostContentDeliverySchema.extend({ operation: z.literal(operation) });
}

/** The top level of every Kapost webhook: `operation`, `type`, `payload`, `instance` (see {@link kapostEnvelopeSchema}). */
export type KapostEnvelope = z.output<typeof kapostEnvelopeSchema>;
/** The Kapost instance that sent the webhook (see {@link kapostInstanceSchema}). */
export type KapostInstance = z.output<typeof kapostInstanceSchema>;
/** The content type of a post, e.g. "Blog Post" (see {@link kapostContentTypeSchema}). */
export type KapostContentType = z.output<typeof kapostContentTypeSchema>;
/** One attachment of a post (see {@link kapostAttachmentSchema}). */
export type KapostAttachment = z.output<typeof kapostAttachmentSchema>;
/** The whole post Kapost sends as `payload.full_post` (see {@link kapostFullPostSchema}). */
export type KapostFullPost = z.output<typeof kapostFullPostSchema>;
/** A content webhook, any documented operation. */
export type KapostContentDelivery = z.output<typeof kapostContentDeliverySchema>;
