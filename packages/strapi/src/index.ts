export { strapi, strapiOutboundIps, type StrapiOptions, type StrapiProvider } from "./provider.js";
export { strapiEvents, type StrapiEventName } from "./events.js";
export { readStrapiMeta, STRAPI_EVENT_HEADER, type StrapiMeta } from "./meta.js";
export { strapiDocumentId } from "./document-id.js";
export { strapiSamples, strapi4Samples } from "./samples.js";
export * from "./schemas.js";
import {
  strapiEntryDeliverySchema,
  strapiEntrySchema,
  strapiEnvelopeSchema,
  strapiMediaDeliverySchema,
  strapiMediaSchema,
  strapiReleasePublishDeliverySchema,
  strapiReleaseSchema,
  strapiStageChangeDeliverySchema,
  strapiStageEntitySchema,
} from "./schemas.js";

/**
 * All Strapi zod schemas in one object.
 *
 * @example
 * ```ts
 * strapiSchemas.envelope.safeParse(JSON.parse(text)).success;
 * strapiSchemas.entryDelivery("entry.publish").parse(body).entry.id;
 * ```
 */
export const strapiSchemas = {
  envelope: strapiEnvelopeSchema,
  entry: strapiEntrySchema,
  media: strapiMediaSchema,
  release: strapiReleaseSchema,
  stageEntity: strapiStageEntitySchema,
  entryDelivery: strapiEntryDeliverySchema,
  mediaDelivery: strapiMediaDeliverySchema,
  stageChangeDelivery: strapiStageChangeDeliverySchema,
  releasePublishDelivery: strapiReleasePublishDeliverySchema,
} as const;
