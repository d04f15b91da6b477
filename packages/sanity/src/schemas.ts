import { openObject } from "@cmshooks/core";
import { z } from "zod";

/**
 * The body of a Sanity webhook whose projection is left empty: the whole
 * document. Every Sanity document has `_id`, `_type` and `_rev`; the
 * timestamps are on every stored document. Your own fields pass through
 * untyped: give `sanity({ projection })` a schema to type them.
 *
 * @example
 * ```ts
 * const doc = sanityDocumentSchema.parse(JSON.parse(text));
 * console.log(doc._type, doc._id); // "movie", "drafts.movie_10"
 * ```
 */
export const sanityDocumentSchema = openObject({
  /** The document id; drafts are `drafts.<id>`. */
  _id: z.string().min(1),
  /** The schema type name, e.g. `movie`. */
  _type: z.string().min(1),
  /** The revision this change produced. */
  _rev: z.string().optional(),
  /** ISO-8601 time the document was created. */
  _createdAt: z.string().optional(),
  /** ISO-8601 time of the last change. */
  _updatedAt: z.string().optional(),
});

/** A whole Sanity document as the default projection sends it (see {@link sanityDocumentSchema}). */
export type SanityDocument = z.output<typeof sanityDocumentSchema>;

/**
 * The three mutation types a Sanity document webhook fires on, sent in the
 * `sanity-operation` header.
 *
 * @example
 * ```ts
 * SANITY_OPERATIONS.includes(request.headers.get("sanity-operation") as SanityOperation);
 * ```
 */
export const SANITY_OPERATIONS = ["create", "update", "delete"] as const;

/** `create`, `update` or `delete`. */
export type SanityOperation = (typeof SANITY_OPERATIONS)[number];
