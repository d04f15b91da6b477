/**
 * Headers `defineContensisSubscription` adds to a subscription so that the
 * receiver can tell what a templated body is (a template like `"{/resource/}"`
 * does not say which event it came from). Each value is a Contensis
 * placeholder. `{/event/id}`, `{/event/name}` and `{/event/resourceId}` follow
 * the variables of Contensis' default payload template; `{/event/resourceType}`,
 * `{/event/workflowEvent}` and `{/resource/sys/workflow/state}` are
 * UNCONFIRMED. Override any of them by defining a header of the same name.
 *
 * @example
 * ```ts
 * CONTENSIS_ROUTING_HEADERS.event; // { name: "x-contensis-event", value: "{/event/name}" }
 * ```
 */
export const CONTENSIS_ROUTING_HEADERS = {
  eventId: { name: "x-contensis-event-id", value: "{/event/id}" },
  event: { name: "x-contensis-event", value: "{/event/name}" },
  resourceType: { name: "x-contensis-resource-type", value: "{/event/resourceType}" },
  resourceId: { name: "x-contensis-resource-id", value: "{/event/resourceId}" },
  contentTypeId: { name: "x-contensis-content-type-id", value: "{/resource/sys/contentTypeId}" },
  workflowEvent: { name: "x-contensis-workflow-event", value: "{/event/workflowEvent}" },
  workflowState: { name: "x-contensis-workflow-state", value: "{/resource/sys/workflow/state}" },
} as const;

/** A field of the routing metadata. */
export type ContensisRoutingField = keyof typeof CONTENSIS_ROUTING_HEADERS;
