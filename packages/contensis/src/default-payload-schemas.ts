import { openObject } from "@cmshooks/core";
import { z } from "zod";
import type { ContensisResourceType } from "./resource-events.js";

/**
 * Who caused the event, in the default payload.
 *
 * @example
 * ```ts
 * contensisInvokedBySchema.parse({ username: "t.durden", firstName: "Tyler", lastName: "Durden" });
 * ```
 */
export const contensisInvokedBySchema = openObject({
  username: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
});

/**
 * The default payload of any resource type: the envelope documented for
 * entries. Which fields other resource types fill is UNCONFIRMED, so beyond
 * `eventId`, `eventName` and `resource.{id,type}` everything is optional.
 *
 * @example
 * ```ts
 * contensisDefaultPayloadSchema.parse(body).resource.type; // "asset"
 * ```
 */
export const contensisDefaultPayloadSchema = openObject({
  eventId: z.string(),
  /** The event; whether Contensis writes `published` or `entry.published` is UNCONFIRMED (both are routed). */
  eventName: z.string(),
  subscriptionId: z.string().optional(),
  /** ISO-8601 time of the event. */
  datetime: z.string().optional(),
  invokedBy: contensisInvokedBySchema.optional(),
  resource: openObject({
    id: z.string(),
    type: z.string(),
    projectId: z.string().optional(),
    contentTypeId: z.string().optional(),
    title: z.string().optional(),
    language: z.string().optional(),
    url: z.string().nullable().optional(),
  }),
});

/**
 * The default payload of entry events, exactly as Contensis' webhook-payloads
 * page documents its template (`eventId`, `eventName`, `subscriptionId`,
 * `datetime`, `invokedBy`, `resource {id, type, projectId, contentTypeId, title, language, url}`).
 *
 * @example
 * ```ts
 * contensisDefaultEntryPayloadSchema.parse(body).resource.contentTypeId; // "news"
 * ```
 */
export const contensisDefaultEntryPayloadSchema = contensisDefaultPayloadSchema.extend({
  subscriptionId: z.string(),
  datetime: z.string(),
  invokedBy: contensisInvokedBySchema,
  resource: contensisDefaultPayloadSchema.shape.resource.extend({
    projectId: z.string(),
    contentTypeId: z.string(),
    title: z.string(),
    language: z.string(),
    url: z.string(),
  }),
});

/**
 * The default payload schema of each resource type (used for every event
 * whose resource type has no template in the subscription).
 *
 * @example
 * ```ts
 * contensisDefaultPayloadSchemas.entry.parse(body).resource.contentTypeId;
 * ```
 */
export const contensisDefaultPayloadSchemas = {
  entry: contensisDefaultEntryPayloadSchema,
  asset: contensisDefaultPayloadSchema,
  form: contensisDefaultPayloadSchema,
  contentType: contensisDefaultPayloadSchema,
  component: contensisDefaultPayloadSchema,
  node: contensisDefaultPayloadSchema,
  project: contensisDefaultPayloadSchema,
  user: contensisDefaultPayloadSchema,
  group: contensisDefaultPayloadSchema,
  "comment.entry": contensisDefaultPayloadSchema,
} as const satisfies Record<ContensisResourceType, z.ZodType>;

/** The default payload of a resource type. */
export type ContensisDefaultPayload<R extends ContensisResourceType = ContensisResourceType> = z.output<(typeof contensisDefaultPayloadSchemas)[R]>;
