export { kapost, kapostOutboundIps, type KapostOptions, type KapostProvider } from "./provider.js";
export { kapostEvents, type KapostEventName } from "./events.js";
export { kapostSamples } from "./samples.js";
export * from "./schemas.js";
import {
  kapostAttachmentSchema,
  kapostContentDeliverySchema,
  kapostContentTypeSchema,
  kapostEnvelopeSchema,
  kapostFullPostSchema,
  kapostInstanceSchema,
} from "./schemas.js";

/**
 * All Kapost zod schemas in one object.
 *
 * @example
 * ```ts
 * kapostSchemas.contentDelivery.safeParse(JSON.parse(text)).success;
 * ```
 */
export const kapostSchemas = {
  envelope: kapostEnvelopeSchema,
  contentDelivery: kapostContentDeliverySchema,
  fullPost: kapostFullPostSchema,
  instance: kapostInstanceSchema,
  contentType: kapostContentTypeSchema,
  attachment: kapostAttachmentSchema,
} as const;
export type { KapostReceiver } from "./receiver-type.js";
