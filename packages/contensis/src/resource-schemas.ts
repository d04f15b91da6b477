import { openObject } from "@cmshooks/core";
import { z } from "zod";
import type { ContensisResourceType } from "./resource-events.js";

/**
 * `sys` of an entry or asset: the fields the Contensis docs' templates point
 * at (`/resource/sys/id`). The others are typed where present; unknown fields pass through.
 *
 * @example
 * ```ts
 * contensisEntrySysSchema.parse({ id: "8f2c…", contentTypeId: "news" }).id;
 * ```
 */
export const contensisEntrySysSchema = openObject({
  id: z.string(),
  projectId: z.string().optional(),
  contentTypeId: z.string().optional(),
  dataFormat: z.string().optional(),
  language: z.string().optional(),
  uri: z.string().nullable().optional(),
  workflow: openObject({ id: z.string().optional(), state: z.string().optional() }).optional(),
});

/**
 * An entry or asset, as `{/resource/}` delivers it. Content type fields pass through.
 *
 * @example
 * ```ts
 * contensisEntryResourceSchema.parse(resource).sys.id;
 * ```
 */
export const contensisEntryResourceSchema = openObject({
  sys: contensisEntrySysSchema,
  entryTitle: z.string().optional(),
  entryDescription: z.string().nullable().optional(),
});

/**
 * Any other resource (content type, node, user, …), as `{/resource/}`
 * delivers it. Its shape is UNCONFIRMED, so only an optional `id` is typed.
 *
 * @example
 * ```ts
 * contensisOtherResourceSchema.parse({ id: "blogPost", fields: [] }).id; // "blogPost"
 * ```
 */
export const contensisOtherResourceSchema = openObject({ id: z.string().optional() });

/**
 * The schema of the whole resource of each resource type (what `{/resource/}` renders to).
 *
 * @example
 * ```ts
 * contensisResourceSchemas.entry.parse({ sys: { id: "8f2c…" }, entryTitle: "Hello" });
 * ```
 */
export const contensisResourceSchemas = {
  entry: contensisEntryResourceSchema,
  asset: contensisEntryResourceSchema,
  form: contensisOtherResourceSchema,
  contentType: contensisOtherResourceSchema,
  component: contensisOtherResourceSchema,
  node: contensisOtherResourceSchema,
  project: contensisOtherResourceSchema,
  user: contensisOtherResourceSchema,
  group: contensisOtherResourceSchema,
  "comment.entry": contensisOtherResourceSchema,
} as const satisfies Record<ContensisResourceType, z.ZodType>;

/** The whole resource of a resource type. */
export type ContensisResource<R extends ContensisResourceType = ContensisResourceType> = z.output<(typeof contensisResourceSchemas)[R]>;
/** An entry or asset resource. */
export type ContensisEntryResource = z.output<typeof contensisEntryResourceSchema>;
