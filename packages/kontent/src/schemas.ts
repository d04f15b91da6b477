import {
  kontentApiNameSchema,
  kontentCausedContentDataSchema,
  kontentContentDataSchema,
  kontentContentItemSchema,
  kontentLegacyEnvelopeSchema,
  kontentLegacyMessageSchema,
  kontentLegacyOperationSchema,
  kontentLegacyTypeSchema,
  kontentReferenceSchema,
  kontentTaxonomyGroupSchema,
  kontentWorkflowDataSchema,
  kontentWorkflowItemSchema,
} from "./legacy-schemas.js";
import {
  kontentDeliverySlotSchema,
  kontentItemSystemSchema,
  kontentNotificationMessageSchema,
  kontentNotificationsEnvelopeSchema,
  kontentObjectSystemSchema,
  kontentObjectTypeSchema,
  kontentWorkflowActionContextSchema,
} from "./notification-schemas.js";

/**
 * All Kontent.ai zod schemas in one object. The per-event schemas are in
 * `kontentEvents[name].schema`.
 *
 * @example
 * ```ts
 * kontentSchemas.legacy.contentItem.parse(item);
 * kontentEvents["content_item.published"].schema.safeParse(notification);
 * ```
 */
export const kontentSchemas = {
  legacy: {
    envelope: kontentLegacyEnvelopeSchema,
    message: kontentLegacyMessageSchema,
    apiName: kontentApiNameSchema,
    type: kontentLegacyTypeSchema,
    operation: kontentLegacyOperationSchema,
    contentItem: kontentContentItemSchema,
    taxonomyGroup: kontentTaxonomyGroupSchema,
    reference: kontentReferenceSchema,
    workflowItem: kontentWorkflowItemSchema,
    contentData: kontentContentDataSchema,
    causedContentData: kontentCausedContentDataSchema,
    workflowData: kontentWorkflowDataSchema,
  },
  notifications: {
    envelope: kontentNotificationsEnvelopeSchema,
    message: kontentNotificationMessageSchema,
    deliverySlot: kontentDeliverySlotSchema,
    objectType: kontentObjectTypeSchema,
    objectSystem: kontentObjectSystemSchema,
    itemSystem: kontentItemSystemSchema,
    workflowActionContext: kontentWorkflowActionContextSchema,
  },
} as const;
