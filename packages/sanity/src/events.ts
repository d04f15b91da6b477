import { defineEvent, type BaseUnifiedInit, type EventContext, type EventDefinition, type UnifiedItem, type UnifiedKind } from "@cmshooks/core";
import type { z } from "zod";
import { isSanityDraftId, publishedSanityId } from "./drafts.js";
import type { SanityMeta } from "./meta.js";
import { sanityDocumentSchema, type SanityOperation } from "./schemas.js";

/**
 * Create and update of the published document are also a publish (Sanity
 * publishes by writing the published document); of a draft, a preview change.
 * Deleting the published document is an unpublish and a delete: Sanity's
 * unpublish deletes it too, so the two cannot be told apart.
 */
const SANITY_KINDS = {
  create: { draft: ["content.create"], published: ["content.create", "content.publish"] },
  update: { draft: ["content.update"], published: ["content.update", "content.publish"] },
  delete: { draft: ["content.delete"], published: ["content.unpublish", "content.delete"] },
} as const satisfies Record<SanityOperation, Record<"draft" | "published", readonly UnifiedKind[]>>;

/** The unified kinds each operation maps to. */
type SanityKinds = { [O in SanityOperation]: (typeof SANITY_KINDS)[O]["draft" | "published"][number] };

/** The event table for a projection schema `S`: one definition per operation, each with the projection's payload type. */
export type SanityEventTable<S extends z.ZodType = typeof sanityDocumentSchema> = {
  readonly [K in SanityOperation]: EventDefinition<S, SanityMeta, SanityKinds[K]>;
};

function field(payload: unknown, key: string): string | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The document a delivery is about: `_id` of the body when the projection keeps it, else the `sanity-document-id` header. */
function documentOf(payload: unknown, meta: SanityMeta): { id: string; draft: boolean; item: UnifiedItem } | undefined {
  const id = field(payload, "_id") ?? meta.documentId;
  if (id === undefined) return undefined;
  const type = field(payload, "_type");
  const title = field(payload, "title");
  return {
    id,
    draft: isSanityDraftId(id),
    item: { id: publishedSanityId(id), ...(type ? { type } : {}), ...(title ? { title } : {}), role: "subject" },
  };
}

function occurredAt(payload: unknown, meta: SanityMeta): string | undefined {
  return meta.transactionTime ?? field(payload, "_updatedAt");
}

/** The unified events of an operation, as {@link SANITY_KINDS} lists them for a draft or the published document. */
function unified<O extends SanityOperation>(operation: O): (payload: unknown, context: EventContext<SanityMeta>) => BaseUnifiedInit<SanityKinds[O]>[];
function unified(operation: SanityOperation) {
  return (payload: unknown, { meta }: EventContext<SanityMeta>): BaseUnifiedInit<UnifiedKind>[] => {
    const doc = documentOf(payload, meta);
    if (!doc) return [];
    const items = [doc.item];
    const at = occurredAt(payload, meta);
    const channel = doc.draft ? "preview" : "published";
    const kinds: readonly UnifiedKind[] = SANITY_KINDS[operation][doc.draft ? "draft" : "published"];
    return kinds.map((kind) => ({ kind, items, occurredAt: at, channel }));
  };
}

const deliveryId = (_payload: unknown, { meta }: EventContext<SanityMeta>) => meta.idempotencyKey;

/**
 * The event table for a projection schema: `create`, `update` and `delete`,
 * each validated by `schema`, mapped to unified events, and identified by the
 * `idempotency-key` header.
 *
 * @example
 * ```ts
 * const table = sanityEventsFor(z.object({ _id: z.string(), slug: z.string() }));
 * table.update.schema.parse({ _id: "movie_10", slug: "alien" });
 * ```
 */
export function sanityEventsFor<S extends z.ZodType>(schema: S): SanityEventTable<S> {
  return {
    create: defineEvent(schema, { unified: unified("create"), deliveryId }),
    update: defineEvent(schema, { unified: unified("update"), deliveryId }),
    delete: defineEvent(schema, { unified: unified("delete"), deliveryId }),
  };
}

/**
 * Sanity native events with the default projection (the whole document):
 * the names are the `sanity-operation` values.
 *
 * @example
 * ```ts
 * Object.keys(sanityEvents); // ["create", "update", "delete"]
 * ```
 */
export const sanityEvents = sanityEventsFor(sanityDocumentSchema);

/** A Sanity native event name: the `sanity-operation` header. */
export type SanityEventName = SanityOperation;
