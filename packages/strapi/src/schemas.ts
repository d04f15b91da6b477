import { openObject } from "@cmshooks/core";
import { z } from "zod";

/** Database ids: numbers in Strapi's SQL databases (strings where a connector uses them). */
const strapiId = z.union([z.number().int(), z.string().min(1)]);

/**
 * The envelope every Strapi webhook shares: `{ event, createdAt, … }`. Strapi's
 * webhook runner posts `{ event, createdAt: new Date(), ...info }`, so
 * `createdAt` is when the event was queued, as ISO-8601.
 *
 * @example
 * ```ts
 * const { event } = strapiEnvelopeSchema.parse(JSON.parse(text)); // "entry.publish"
 * ```
 */
export const strapiEnvelopeSchema = openObject({
  /** The event name, also sent as the `X-Strapi-Event` header. */
  event: z.string().min(1),
  /** When Strapi queued the event (ISO-8601). */
  createdAt: z.string(),
});

/**
 * The entry of an `entry.*` event: the sanitized entry with its fields (private
 * fields and passwords removed by Strapi). Strapi 5 adds `documentId`, the id
 * shared by a document's draft, published version and locales; Strapi 4 has
 * only the numeric `id`. Every other field is the content type's own, unknown
 * to this package: unlike the other schemas (closed in types), the entry is
 * typed with `[field: string]: unknown`, so read them after a check, or parse
 * `entry` with your content type's own schema.
 *
 * @example
 * ```ts
 * const entry = strapiEntrySchema.parse(body.entry);
 * const id = entry.documentId ?? String(entry.id); // Strapi 5 or 4
 * ```
 */
export const strapiEntrySchema = z.looseObject({
  /** Row id (of this version of the document in Strapi 5). */
  id: strapiId,
  /** Strapi 5 only: the document's id, the same for its draft, published version and locales. */
  documentId: z.string().min(1).optional(),
  /** With internationalization: the entry's locale, e.g. `en`. */
  locale: z.string().nullable().optional(),
  /** With draft & publish: when the entry was published, `null` for a draft. */
  publishedAt: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

/**
 * A file of the media library, as `media.*` events carry it.
 *
 * @example
 * ```ts
 * const file = strapiMediaSchema.parse(body.media);
 * await purge(file.url);
 * ```
 */
export const strapiMediaSchema = openObject({
  id: strapiId,
  /** Strapi 5 only. */
  documentId: z.string().min(1).optional(),
  name: z.string(),
  alternativeText: z.string().nullable().optional(),
  caption: z.string().nullable().optional(),
  width: z.number().nullable().optional(),
  height: z.number().nullable().optional(),
  /** Generated renditions (`thumbnail`, `small`, …) with their own url, size and dimensions. */
  formats: z.record(z.string(), z.unknown()).nullable().optional(),
  hash: z.string().optional(),
  ext: z.string().nullable().optional(),
  mime: z.string(),
  /** Size in kB. */
  size: z.number().optional(),
  /** Public URL, relative (`/uploads/…`) with the local provider. */
  url: z.string(),
  previewUrl: z.string().nullable().optional(),
  provider: z.string().optional(),
  provider_metadata: z.unknown().optional(),
  folderPath: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

/** A review-workflow stage, by id and name. */
const strapiStageSchema = openObject({ id: strapiId, name: z.string() });

/**
 * The entry a review-workflow event is about: `{ id }` in Strapi 4; Strapi 5
 * adds `documentId`, `locale` and `status`.
 *
 * @example
 * ```ts
 * const { id, documentId } = strapiStageEntitySchema.parse(body.entity);
 * ```
 */
export const strapiStageEntitySchema = openObject({
  id: strapiId,
  documentId: z.string().min(1).optional(),
  locale: z.string().nullable().optional(),
  status: z.string().optional(),
});

/**
 * A release (Releases feature) as `releases.publish` carries it.
 *
 * @example
 * ```ts
 * strapiReleaseSchema.parse(body.release).name; // "Summer campaign"
 * ```
 */
export const strapiReleaseSchema = openObject({
  id: strapiId,
  documentId: z.string().min(1).optional(),
  name: z.string(),
  releasedAt: z.string().nullable().optional(),
  scheduledAt: z.string().nullable().optional(),
  timezone: z.string().nullable().optional(),
  status: z.string().optional(),
});

/** The entry events Strapi's document / entity service emits. */
export type StrapiEntryEvent = "entry.create" | "entry.update" | "entry.delete" | "entry.publish" | "entry.unpublish" | "entry.draft-discard";
/** The media library's events. */
export type StrapiMediaEvent = "media.create" | "media.update" | "media.delete";

/**
 * The delivery of an entry event: `{ event, createdAt, model, uid, entry }`.
 * `uid` (e.g. `api::article.article`) is absent in early Strapi 4 releases.
 *
 * @example
 * ```ts
 * const delivery = strapiEntryDeliverySchema("entry.publish").parse(body);
 * delivery.entry.documentId; // Strapi 5
 * ```
 */
export function strapiEntryDeliverySchema<const E extends StrapiEntryEvent>(event: E) {
  return openObject({
    ...strapiEnvelopeSchema.shape,
    event: z.literal(event),
    /** The content type's model name, e.g. `article`. */
    model: z.string(),
    /** The content type's uid, e.g. `api::article.article`. */
    uid: z.string().optional(),
    entry: strapiEntrySchema,
  });
}

/**
 * The delivery of a media event: `{ event, createdAt, media }`.
 *
 * @example
 * ```ts
 * strapiMediaDeliverySchema("media.update").parse(body).media.url;
 * ```
 */
export function strapiMediaDeliverySchema<const E extends StrapiMediaEvent>(event: E) {
  return openObject({ ...strapiEnvelopeSchema.shape, event: z.literal(event), media: strapiMediaSchema });
}

/**
 * The delivery of `review-workflows.updateEntryStage`: the entry (as `entity`)
 * and the stages it moved `from` and `to`.
 *
 * @example
 * ```ts
 * const { workflow } = strapiStageChangeDeliverySchema.parse(body);
 * workflow.stages.to.name; // "Ready to review"
 * ```
 */
export const strapiStageChangeDeliverySchema = openObject({
  ...strapiEnvelopeSchema.shape,
  event: z.literal("review-workflows.updateEntryStage"),
  model: z.string(),
  uid: z.string().optional(),
  entity: strapiStageEntitySchema,
  workflow: openObject({
    id: strapiId,
    stages: openObject({ from: strapiStageSchema, to: strapiStageSchema }),
  }),
});

/**
 * The delivery of `releases.publish`: `{ isPublished: true, release }`, or
 * `{ isPublished: false, error }` when publishing the release failed.
 *
 * @example
 * ```ts
 * const delivery = strapiReleasePublishDeliverySchema.parse(body);
 * if (delivery.isPublished) console.log(delivery.release?.name);
 * ```
 */
export const strapiReleasePublishDeliverySchema = openObject({
  ...strapiEnvelopeSchema.shape,
  event: z.literal("releases.publish"),
  isPublished: z.boolean(),
  release: strapiReleaseSchema.optional(),
  /** Present when `isPublished` is false. */
  error: z.unknown().optional(),
});

/** The envelope of every Strapi webhook (see {@link strapiEnvelopeSchema}). */
export type StrapiEnvelope = z.output<typeof strapiEnvelopeSchema>;
/** An entry as entry events carry it (see {@link strapiEntrySchema}). */
export type StrapiEntry = z.output<typeof strapiEntrySchema>;
/** A media library file (see {@link strapiMediaSchema}). */
export type StrapiMedia = z.output<typeof strapiMediaSchema>;
/** A release (see {@link strapiReleaseSchema}). */
export type StrapiRelease = z.output<typeof strapiReleaseSchema>;
/** An entry event's delivery (see {@link strapiEntryDeliverySchema}). */
export type StrapiEntryDelivery = z.output<ReturnType<typeof strapiEntryDeliverySchema<StrapiEntryEvent>>>;
/** A media event's delivery (see {@link strapiMediaDeliverySchema}). */
export type StrapiMediaDelivery = z.output<ReturnType<typeof strapiMediaDeliverySchema<StrapiMediaEvent>>>;
/** A review-workflow stage change (see {@link strapiStageChangeDeliverySchema}). */
export type StrapiStageChangeDelivery = z.output<typeof strapiStageChangeDeliverySchema>;
/** A release publication (see {@link strapiReleasePublishDeliverySchema}). */
export type StrapiReleasePublishDelivery = z.output<typeof strapiReleasePublishDeliverySchema>;
