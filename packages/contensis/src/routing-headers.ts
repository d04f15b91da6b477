/**
 * Headers `defineContensisSubscription` adds to a subscription so that the
 * receiver can tell what a templated body is (a template like `"{/resource/}"`
 * does not say which event it came from). Each value is a Contensis
 * placeholder in Scriban syntax (`{{event.name}}`): the syntax of the
 * default payload template Contensis itself renders on every delivery, and
 * of the vendor's own client test (`contensis-management-api`,
 * `event-operations.spec.ts`); `{/pointer}` appears only in the API
 * reference's examples. Which syntax Contensis renders in headers is
 * UNCONFIRMED, so the receiver treats a header that still holds a
 * placeholder as absent and reads the body instead. `event.resourceType`,
 * `event.workflowEvent` and `resource.sys.workflow.state` are UNCONFIRMED
 * variables. Override any of them by defining a header of the same name.
 *
 * @example
 * ```ts
 * CONTENSIS_ROUTING_HEADERS.event; // { name: "x-contensis-event", value: "{{event.name}}" }
 * ```
 */
export const CONTENSIS_ROUTING_HEADERS = {
  eventId: { name: "x-contensis-event-id", value: "{{event.id}}" },
  event: { name: "x-contensis-event", value: "{{event.name}}" },
  resourceType: { name: "x-contensis-resource-type", value: "{{event.resourceType}}" },
  resourceId: { name: "x-contensis-resource-id", value: "{{event.resourceId}}" },
  contentTypeId: { name: "x-contensis-content-type-id", value: "{{resource.sys.contentTypeId}}" },
  workflowEvent: { name: "x-contensis-workflow-event", value: "{{event.workflowEvent}}" },
  workflowState: { name: "x-contensis-workflow-state", value: "{{resource.sys.workflow.state}}" },
} as const;

/** A field of the routing metadata. */
export type ContensisRoutingField = keyof typeof CONTENSIS_ROUTING_HEADERS;
