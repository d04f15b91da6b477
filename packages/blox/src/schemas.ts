import { openObject } from "@cmshooks/core";
import { z } from "zod";

/**
 * Asset types the BLOX webhook event picker lists (Editorial: Article, Audio, …). BLOX may send others.
 *
 * @example
 * ```ts
 * if ((BLOX_ASSET_TYPES as readonly string[]).includes(payload.data.type)) index(payload.data);
 * ```
 */
export const BLOX_ASSET_TYPES = [
  "article",
  "audio",
  "collection",
  "flash",
  "html",
  "image",
  "link",
  "pdf",
  "poll",
  "syndicaster",
  "table",
  "video",
  "youtube",
  "zip",
] as const;

/** A BLOX asset type; unknown future types stay plain strings. */
export type BloxAssetType = (typeof BLOX_ASSET_TYPES)[number] | (string & {});

/**
 * The envelope every BLOX delivery shares: `{ application, event, data }`.
 *
 * @example
 * ```ts
 * const { application, event } = bloxEnvelopeSchema.parse(JSON.parse(text)); // "editorial", "update_asset"
 * ```
 */
export const bloxEnvelopeSchema = openObject({
  application: z.string().min(1),
  event: z.string().min(1),
  data: openObject({}),
});

/**
 * `data` of editorial asset events (create_asset, update_asset, …). Unknown fields pass through.
 *
 * @example
 * ```ts
 * const asset = bloxAssetDataSchema.parse(delivery.data);
 * if (asset.published === "yes") purge(asset.url);
 * ```
 */
export const bloxAssetDataSchema = openObject({
  /** The asset's id. */
  uuid: z.string().min(1),
  /** Public URL of the asset. */
  url: z.string().optional(),
  title: z.string().optional(),
  /** Asset type, e.g. `article`, `image`, `video`. */
  type: z.string().min(1) as z.ZodType<BloxAssetType>,
  /** One or more flags, e.g. `ap`, `breaking_news` (a list, or a single string). */
  flags: z.union([z.array(z.string()), z.string()]).optional(),
  /** ISO-8601 start time of the asset, UTC. */
  start_time: z.string().optional(),
  /** Ever-increasing revision, starting at 1 (a number, or a numeric string). */
  revision: z.union([z.number().int(), z.string().regex(/^\d+$/)]).optional(),
  /** Whether the asset is live (`"yes"`) or a draft (`"no"`). */
  published: z.enum(["yes", "no"]),
});

/**
 * `data` of user account events. Unknown fields pass through.
 *
 * @example
 * ```ts
 * const user = bloxUserDataSchema.parse(delivery.data);
 * await crm.upsert({ email: user.email, name: user.screen_name });
 * ```
 */
export const bloxUserDataSchema = openObject({
  id: z.union([z.string().min(1), z.number()]),
  email: z.string().optional(),
  screen_name: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  address: z.string().optional(),
  municipality: z.string().optional(),
  region: z.string().optional(),
  postal_code: z.string().optional(),
});

/**
 * A full editorial asset delivery.
 *
 * @example
 * ```ts
 * const result = bloxAssetDeliverySchema.safeParse(JSON.parse(text));
 * if (result.success) console.log(result.data.event, result.data.data.title);
 * ```
 */
export const bloxAssetDeliverySchema = bloxEnvelopeSchema.extend({ application: z.literal("editorial"), data: bloxAssetDataSchema });
/**
 * A full user delivery.
 *
 * @example
 * ```ts
 * const delivery = bloxUserDeliverySchema.parse(JSON.parse(text));
 * console.log(delivery.event, delivery.data.id); // "update_user", …
 * ```
 */
export const bloxUserDeliverySchema = bloxEnvelopeSchema.extend({ application: z.literal("user"), data: bloxUserDataSchema });

/** `data` of an editorial asset event (see {@link bloxAssetDataSchema}). */
export type BloxAssetData = z.output<typeof bloxAssetDataSchema>;
/** `data` of a user account event (see {@link bloxUserDataSchema}). */
export type BloxUserData = z.output<typeof bloxUserDataSchema>;
/** A whole editorial asset delivery (see {@link bloxAssetDeliverySchema}). */
export type BloxAssetDelivery = z.output<typeof bloxAssetDeliverySchema>;
/** A whole user account delivery (see {@link bloxUserDeliverySchema}). */
export type BloxUserDelivery = z.output<typeof bloxUserDeliverySchema>;
