import { cachedEventName, type RoutedEvent } from "@cmshooks/core";
import { readDefaultEnvelope } from "./default-envelope.js";
import type { ContensisMeta } from "./meta.js";
import { contensisEventName, contensisResourceType, splitContensisEventName, type ContensisResourceType } from "./resource-events.js";
import type { ContensisTopic } from "./subscription-schemas.js";

/**
 * Names the native event of one delivery. In order:
 * 1. the `x-contensis-event` header (or the default payload's `eventName`) when
 *    it already reads `<resourceType>.<event>`;
 * 2. else that event with the resource type from the `x-contensis-resource-type`
 *    header, or the default payload's `resource.type`;
 * 3. else the only resource type whose topics in the subscription send that event.
 * Names compare case-insensitively. A delivery none of these names is an
 * unknown event with a `hint` (acknowledged and reported, never retried).
 *
 * @example
 * ```ts
 * routeContensisDelivery(body, meta, subscription.topics); // [{ name: "entry.published", payload: body }]
 * ```
 */
export function routeContensisDelivery(body: unknown, meta: ContensisMeta<string>, topics: readonly ContensisTopic[]): RoutedEvent[] {
  const envelope = readDefaultEnvelope(body);
  const event = meta.event ?? envelope?.eventName;
  if (event === undefined) {
    return unroutable(body, "unroutable", "it carries no event name (no rendered x-contensis-event header, and not the default payload)");
  }
  const dotted = splitContensisEventName(event);
  if (dotted) return [{ name: nameOf(dotted.resourceType, dotted.event), payload: body }];
  const declared = meta.resourceType ?? envelope?.resourceType;
  if (declared !== undefined) return [{ name: nameOf(contensisResourceType(declared) ?? declared, event), payload: body }];
  const candidates = resourceTypesSending(event, topics);
  if (candidates.length === 1) return [{ name: nameOf(candidates[0]!, event), payload: body }];
  return unroutable(
    body,
    event,
    candidates.length
      ? `"${event}" is sent by topics of ${candidates.join(", ")}, and no x-contensis-resource-type header says which`
      : `no x-contensis-resource-type header, no resource.type in the body, and no topic of the subscription sends "${event}"`,
  );
}

/** The canonical name, or `<resourceType>.<event>` as received (an unknown event: acknowledged, seen by `onAny`). */
const nameOf = cachedEventName((resourceType, event) => contensisEventName(resourceType, event) ?? `${resourceType}.${event}`);

function resourceTypesSending(event: string, topics: readonly ContensisTopic[]): ContensisResourceType[] {
  const found = new Set<ContensisResourceType>();
  for (const topic of topics) {
    const name = contensisEventName(topic.resourceType, event);
    if (name && (topic.event as readonly string[]).some((e) => contensisEventName(topic.resourceType, e) === name)) found.add(topic.resourceType);
  }
  return [...found];
}

/**
 * An authenticated delivery no rule names: acknowledged as an unknown event
 * (a retry would not name it either), reported with why and what to do.
 */
function unroutable(body: unknown, seen: string, reason: string): RoutedEvent[] {
  return [
    {
      name: seen,
      payload: body,
      hint:
        `Cannot tell which Contensis event this delivery is: ${reason}. Pass the subscription to contensis({ subscription }) ` +
        "so its topics can decide, or keep the routing headers defineContensisSubscription adds (x-contensis-event, x-contensis-resource-type).",
    },
  ];
}
