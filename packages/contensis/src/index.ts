export { contensis, contensisOutboundIps, type ContensisOptions, type ContensisProvider } from "./provider.js";
export {
  defineContensisSubscription,
  parseContensisSubscription,
  ContensisSubscriptionInvalidError,
  type ContensisSubscription,
  type ContensisSubscriptionDefinition,
  type ContensisStoredDefinition,
  type ContensisTopicDefinition,
  type ContensisTemplateKey,
  type ContensisTemplatesDefinition,
  type ContensisHeaderDefinition,
  type ContensisMetaHeaderNames,
} from "./define-subscription.js";
export { pointer, isContensisTemplatePointer, type ContensisTemplatePointer, type ContensisTemplatePointerBase } from "./template-pointer.js";
export type { ContensisTemplateValue, RenderedTemplate, RenderedTemplateString } from "./template-types.js";
export { compileContensisTemplate, compileStoredContensisTemplate, type CompiledContensisTemplate } from "./compile-template.js";
export {
  CONTENSIS_EVENT_POINTERS,
  CONTENSIS_ENTRY_POINTERS,
  CONTENSIS_NULLABLE_POINTERS,
  contensisPointerSchema,
  type ContensisPointerValue,
} from "./known-pointers.js";
export { contensisEvents, contensisEventsFor, contensisEventTable, type ContensisEventTable } from "./events.js";
export {
  payloadSources,
  type ContensisPayloads,
  type ContensisPayloadFor,
  type ContensisPayloadSource,
  type ContensisNoSubscription,
  type ContensisSentEventName,
} from "./subscription-payloads.js";
export {
  CONTENSIS_RESOURCE_EVENTS,
  CONTENSIS_RESOURCE_TYPES,
  CONTENSIS_EVENT_NAMES,
  CONTENSIS_CONTENT_TYPED_RESOURCES,
  contensisEventName,
  contensisResourceType,
  splitContensisEventName,
  type ContensisEventName,
  type ContensisResourceType,
  type ContensisResourceEvent,
  type ContensisContentTypedResource,
} from "./resource-events.js";
export {
  CONTENSIS_WORKFLOW_EVENTS,
  CONTENSIS_WORKFLOW_STATES,
  sameContensisWorkflowName,
  canonicalContensisWorkflowName,
  type ContensisWorkflowEvent,
  type ContensisWorkflowState,
} from "./workflow-names.js";
export { contensisUnifiedKind, contensisUnifiedMapping, type ContensisUnifiedKind, type ContensisUnifiedMap } from "./unified.js";
export { CONTENSIS_ROUTING_HEADERS, type ContensisRoutingField } from "./routing-headers.js";
export { contensisMetaReader, type ContensisMeta } from "./meta.js";
export { routeContensisDelivery } from "./route.js";
export { readDefaultEnvelope, type ContensisDefaultEnvelope } from "./default-envelope.js";
export { resolveContensisPointer } from "./json-pointer.js";
export {
  renderContensisTemplate,
  renderContensisString,
  normalizeContensisTemplate,
  wholePlaceholder,
  hasPlaceholder,
  type ContensisJson,
} from "./render-template.js";
export type { ContensisTemplateContext, ContensisEventInfo, ContensisUserInfo } from "./template-context.js";
export { renderContensisDelivery, contensisDefaultPayload, type RenderedContensisDelivery } from "./render-delivery.js";
export { contensisSampleContext, contensisSamples, type ContensisSampleValues } from "./samples.js";
export {
  createSubscription,
  contensisSubscriptionsPath,
  ContensisManagementError,
  ContensisBadRequestError,
  ContensisServerError,
  type ContensisManagementOptions,
  type ContensisManagementErrorCode,
} from "./management-client.js";
export * from "./subscription-schemas.js";
export * from "./resource-schemas.js";
export * from "./default-payload-schemas.js";
import { contensisDefaultPayloadSchemas } from "./default-payload-schemas.js";
import { contensisResourceSchemas } from "./resource-schemas.js";
import {
  contensisErrorSchema,
  contensisSubscriptionRequestSchema,
  contensisSubscriptionSchema,
  contensisTopicSchema,
} from "./subscription-schemas.js";

/**
 * All Contensis zod schemas in one object.
 *
 * @example
 * ```ts
 * contensisSchemas.subscriptionRequest.safeParse(body);
 * ```
 */
export const contensisSchemas = {
  subscriptionRequest: contensisSubscriptionRequestSchema,
  subscription: contensisSubscriptionSchema,
  topic: contensisTopicSchema,
  error: contensisErrorSchema,
  defaultPayload: contensisDefaultPayloadSchemas,
  resource: contensisResourceSchemas,
} as const;
export type { ContensisReceiver } from "./receiver-type.js";
