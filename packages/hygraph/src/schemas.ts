import { openObject } from "@cmshooks/core";
import { z } from "zod";

/**
 * The actions a Hygraph webhook can trigger on, as they arrive in `operation`.
 *
 * @example
 * ```ts
 * HYGRAPH_OPERATIONS.includes(payload.operation); // true for "publish"
 * ```
 */
export const HYGRAPH_OPERATIONS = ["create", "update", "delete", "publish", "unpublish"] as const;

/** `create`, `update`, `delete`, `publish` or `unpublish`. */
export type HygraphOperation = (typeof HYGRAPH_OPERATIONS)[number];

/**
 * Content stages: `DRAFT` and `PUBLISHED`, or a custom stage's API id.
 *
 * @example
 * ```ts
 * if (payload.data.stage === ("PUBLISHED" satisfies HygraphStage)) purge(payload.data.id);
 * ```
 */
export type HygraphStage = "DRAFT" | "PUBLISHED" | (string & {});

/**
 * The envelope of every Hygraph delivery: `{ operation, data }`.
 *
 * @example
 * ```ts
 * const { operation } = hygraphEnvelopeSchema.parse(JSON.parse(text)); // "publish"
 * ```
 */
export const hygraphEnvelopeSchema = openObject({
  operation: z.string().min(1),
  data: openObject({}),
});

/**
 * `data` of a delivery: the entry (or asset) that changed. `__typename`,
 * `id` and `stage` are always there; with "Include payload" on, the entry's
 * other non-localized fields, related entries' `id` and `__typename`, and
 * `localizations` are too. Your model's fields pass through untyped.
 *
 * @example
 * ```ts
 * const entry = hygraphEntrySchema.parse(delivery.data);
 * console.log(entry.__typename, entry.id, entry.stage); // "Post", "clx…", "PUBLISHED"
 * ```
 */
export const hygraphEntrySchema = openObject({
  /** The model's API id, e.g. `Post` or `Asset`. */
  __typename: z.string().min(1),
  id: z.string().min(1),
  /** Which stage's snapshot this is: create, update and delete send the draft; publish and unpublish the published one. */
  stage: z.string().min(1) as z.ZodType<HygraphStage>,
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  publishedAt: z.string().nullable().optional(),
  /** Localized fields, one object per locale. */
  localizations: z.array(openObject({ locale: z.string().optional() })).optional(),
});

/**
 * A whole Hygraph delivery for one operation.
 *
 * @example
 * ```ts
 * const delivery = hygraphDeliverySchema.parse(JSON.parse(text));
 * console.log(delivery.operation, delivery.data.__typename);
 * ```
 */
export const hygraphDeliverySchema = hygraphEnvelopeSchema.extend({
  operation: z.enum(HYGRAPH_OPERATIONS),
  data: hygraphEntrySchema,
});

/** `data` of a Hygraph delivery (see {@link hygraphEntrySchema}). */
export type HygraphEntry = z.output<typeof hygraphEntrySchema>;
/** A whole Hygraph delivery (see {@link hygraphDeliverySchema}). */
export type HygraphDelivery = z.output<typeof hygraphDeliverySchema>;
