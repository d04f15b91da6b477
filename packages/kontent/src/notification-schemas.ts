/**
 * The current Kontent.ai webhook format: `{ notifications: [{ data: { system }, message }] }`,
 * signed in `X-Kontent-ai-Signature`. One delivery may carry many notifications.
 * Shapes follow the zod schemas of `@kontent-ai/webhook-helper` v4.
 */
import { z } from "zod";
import { openObject } from "@cmshooks/core";

/**
 * Which Delivery API the change concerns: live content or preview.
 *
 * @example
 * ```ts
 * if (kontentDeliverySlotSchema.parse(notification.message.delivery_slot) === "published") purgeCdn();
 * ```
 */
export const kontentDeliverySlotSchema = z.enum(["published", "preview"]);
/** `"published"` or `"preview"` (see {@link kontentDeliverySlotSchema}). */
export type KontentDeliverySlot = z.output<typeof kontentDeliverySlotSchema>;

/**
 * `object_type` values of the current format.
 *
 * @example
 * ```ts
 * kontentObjectTypeSchema.parse(notification.message.object_type); // "content_item", …
 * ```
 */
export const kontentObjectTypeSchema = z.enum(["content_item", "asset", "content_type", "language", "taxonomy"]);
/** An `object_type` of the current format (see {@link kontentObjectTypeSchema}). */
export type KontentObjectType = z.output<typeof kontentObjectTypeSchema>;

/**
 * `data.system` of every notification.
 *
 * @example
 * ```ts
 * const { id, codename, last_modified } = kontentObjectSystemSchema.parse(notification.data.system);
 * ```
 */
export const kontentObjectSystemSchema = openObject({
  id: z.string().min(1),
  name: z.string(),
  codename: z.string(),
  /** ISO-8601 UTC; Kontent.ai's advice for ordering notifications. */
  last_modified: z.string(),
});
/** `data.system` of a notification (see {@link kontentObjectSystemSchema}). */
export type KontentObjectSystem = z.output<typeof kontentObjectSystemSchema>;

/**
 * `data.system` of content item notifications: also the codenames of collection, workflow, step, language and type.
 *
 * @example
 * ```ts
 * const item = kontentItemSystemSchema.parse(notification.data.system);
 * console.log(item.codename, item.language, item.workflow_step);
 * ```
 */
export const kontentItemSystemSchema = kontentObjectSystemSchema.extend({
  collection: z.string(),
  workflow: z.string(),
  workflow_step: z.string(),
  language: z.string(),
  type: z.string(),
});
/** `data.system` of a content item notification (see {@link kontentItemSystemSchema}). */
export type KontentItemSystem = z.output<typeof kontentItemSystemSchema>;

/**
 * `message.action_context` of `workflow_step_changed`: where the item came from.
 *
 * @example
 * ```ts
 * const { previous_workflow_step } = kontentWorkflowActionContextSchema.parse(notification.message.action_context);
 * ```
 */
export const kontentWorkflowActionContextSchema = openObject({
  previous_workflow: z.string(),
  previous_workflow_step: z.string(),
});
/** `message.action_context` of a workflow step change (see {@link kontentWorkflowActionContextSchema}). */
export type KontentWorkflowActionContext = z.output<typeof kontentWorkflowActionContextSchema>;

/**
 * The `message` fields every notification has.
 *
 * @example
 * ```ts
 * const { object_type, action, delivery_slot } = kontentNotificationMessageSchema.parse(notification.message);
 * ```
 */
export const kontentNotificationMessageSchema = openObject({
  environment_id: z.string(),
  object_type: z.string().min(1),
  action: z.string().min(1),
  delivery_slot: kontentDeliverySlotSchema,
});
/** The `message` of a notification (see {@link kontentNotificationMessageSchema}). */
export type KontentNotificationMessage = z.output<typeof kontentNotificationMessageSchema>;

/**
 * The envelope of a current-format delivery: a list of notifications. Each
 * notification is checked on its own (its event's schema), so one malformed
 * notification does not hide the others.
 *
 * @example
 * ```ts
 * const { notifications } = kontentNotificationsEnvelopeSchema.parse(JSON.parse(text));
 * console.log(notifications.length);
 * ```
 */
export const kontentNotificationsEnvelopeSchema = z.looseObject({
  notifications: z.array(z.unknown()),
});

/**
 * One notification of one object type and action.
 *
 * @example
 * ```ts
 * const published = kontentNotificationSchema("content_item", "published", {
 *   system: kontentItemSystemSchema,
 *   slot: z.literal("published"),
 * });
 * ```
 */
export function kontentNotificationSchema<
  const O extends KontentObjectType,
  const A extends string,
  Sys extends z.ZodType,
  Slot extends z.ZodType = typeof kontentDeliverySlotSchema,
  Extra extends z.core.$ZodLooseShape = {},
>(objectType: O, action: A, options: { system: Sys; slot?: Slot; message?: Extra }) {
  return openObject({
    data: openObject({ system: options.system }),
    message: kontentNotificationMessageSchema.extend({
      object_type: z.literal(objectType),
      action: z.literal(action),
      delivery_slot: (options.slot ?? kontentDeliverySlotSchema) as Slot,
      ...((options.message ?? {}) as Extra),
    }),
  });
}
