import { defineEvent, type EventContext, type EventDefinition, type UnifiedEventInit, type UnifiedItem } from "@cmshooks/core";
import type { z } from "zod";
import { isSanityDraftId, publishedSanityId } from "./drafts.js";
import type { SanityMeta } from "./meta.js";
import { sanityDocumentSchema, type SanityOperation } from "./schemas.js";

/** The event table for a projection schema `S`: one definition per operation, each with the projection's payload type. */
export type SanityEventTable<S extends z.ZodType = typeof sanityDocumentSchema> = {
  readonly [K in SanityOperation]: EventDefinition<S, SanityMeta>;
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

/**
 * Create and update of the published document are also a publish (Sanity
 * publishes by writing the published document); of a draft, a preview change.
 * Deleting the published document is an unpublish and a delete: Sanity's
 * unpublish deletes it too, so the two cannot be told apart.
 */
function unified(operation: SanityOperation) {
  return (payload: unknown, { meta }: EventContext<SanityMeta>): UnifiedEventInit[] => {
    const doc = documentOf(payload, meta);
    if (!doc) return [];
    const items = [doc.item];
    const at = occurredAt(payload, meta);
    const channel = doc.draft ? "preview" : "published";
    if (operation === "delete") {
      return doc.draft
        ? [{ kind: "content.delete", items, occurredAt: at, channel }]
        : [
            { kind: "content.unpublish", items, occurredAt: at, channel },
            { kind: "content.delete", items, occurredAt: at, channel },
          ];
    }
    const kind = operation === "create" ? "content.create" : "content.update";
    const events: UnifiedEventInit[] = [{ kind, items, occurredAt: at, channel }];
    if (!doc.draft) events.push({ kind: "content.publish", items, occurredAt: at, channel });
    return events;
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
  const define = (operation: SanityOperation) =>
    defineEvent<S, SanityMeta>(schema, { unified: unified(operation), deliveryId });
  return { create: define("create"), update: define("update"), delete: define("delete") };
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
