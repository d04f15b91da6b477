import { defineEvent, type EventDefinition } from "@cmshooks/core";
import { z } from "zod";
import { readDefaultEnvelope } from "./default-envelope.js";
import { contensisDefaultPayloadSchemas } from "./default-payload-schemas.js";
import type { ContensisMetaHeaderNames, ContensisSubscription, ContensisSubscriptionDefinition } from "./define-subscription.js";
import type { ContensisMeta } from "./meta.js";
import { CONTENSIS_EVENT_NAMES, splitContensisEventName, type ContensisEventName, type ContensisResourceType } from "./resource-events.js";
import { payloadSources, type ContensisNoSubscription, type ContensisPayloads } from "./subscription-payloads.js";
import { contensisUnifiedMapping, type ContensisUnifiedMap } from "./unified.js";

/** The event table of a subscription: one typed definition per native event. */
export type ContensisEventTable<D = ContensisNoSubscription> = {
  readonly [N in ContensisEventName]: EventDefinition<
    z.ZodType<ContensisPayloads<D>[N]>,
    ContensisMeta<ContensisMetaHeaderNames<D>>,
    ContensisUnifiedMap[N]
  >;
};

type TableSource = Pick<ContensisSubscription, "templates" | "topics">;

const tables = new WeakMap<TableSource, Readonly<Record<string, EventDefinition>>>();

/**
 * The event table for a subscription: every native event of the Contensis
 * event model, its schema from the subscription's templates where one applies
 * (see `payloadSources`) and the default payload elsewhere, its unified
 * mapping, and its delivery id (`eventId`). Built once per subscription.
 *
 * @example
 * ```ts
 * const table = contensisEventsFor(subscription);
 * table["entry.published"].schema.parse(body);
 * ```
 */
export function contensisEventsFor<D extends ContensisSubscriptionDefinition>(subscription: ContensisSubscription<D>): ContensisEventTable<D> {
  return contensisEventTable(subscription) as unknown as ContensisEventTable<D>;
}

/**
 * The untyped event table of a subscription (or of none), cached per subscription.
 *
 * @example
 * ```ts
 * Object.keys(contensisEventTable(subscription)).length; // 58
 * ```
 */
export function contensisEventTable(subscription: TableSource | undefined): Readonly<Record<string, EventDefinition>> {
  if (!subscription) return contensisEvents as unknown as Readonly<Record<string, EventDefinition>>;
  let table = tables.get(subscription);
  if (!table) tables.set(subscription, (table = buildTable(subscription)));
  return table;
}

function buildTable(subscription: TableSource | undefined): Record<string, EventDefinition> {
  const table: Record<string, EventDefinition> = {};
  for (const name of CONTENSIS_EVENT_NAMES) {
    const { resourceType, event } = splitContensisEventName(name)!;
    const schemas = subscription
      ? payloadSources(subscription.templates, subscription.topics, resourceType, event).map((source) =>
          source === "default" ? contensisDefaultPayloadSchemas[resourceType] : source.schema,
        )
      : [contensisDefaultPayloadSchemas[resourceType as ContensisResourceType]];
    const schema = schemas.length === 1 ? schemas[0]! : z.union(schemas as [z.ZodType, z.ZodType, ...z.ZodType[]]);
    const unified = contensisUnifiedMapping(resourceType, event);
    table[name] = defineEvent(schema, {
      ...(unified ? { unified: unified as EventDefinition["unified"] } : {}),
      deliveryId: (payload, { meta }) => (meta as ContensisMeta<string>).eventId ?? readDefaultEnvelope(payload)?.eventId,
    });
  }
  return table;
}

/**
 * The event table of a receiver without a subscription: every native event
 * with Contensis' default payload.
 *
 * @example
 * ```ts
 * Object.keys(contensisEvents).includes("entry.workflowEventRaised"); // true
 * ```
 */
export const contensisEvents = buildTable(undefined) as unknown as ContensisEventTable;
