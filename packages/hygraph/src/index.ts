export { hygraph, hygraphOutboundIps, type HygraphOptions, type HygraphProvider } from "./provider.js";
export { hygraphEvents, type HygraphEventName } from "./events.js";
export { hygraphSignature, HYGRAPH_DEFAULT_TOLERANCE_MS, type HygraphSignatureOptions } from "./signature.js";
export { HYGRAPH_SIGNATURE_HEADER, parseHygraphSignatureHeader, hygraphSignedBytes, type HygraphSignatureHeader } from "./signature-header.js";
export { readHygraphMeta, type HygraphMeta } from "./meta.js";
export { signHygraph } from "./sign.js";
export { hygraphSamples } from "./samples.js";
export * from "./schemas.js";
import { hygraphDeliverySchema, hygraphEntrySchema, hygraphEnvelopeSchema } from "./schemas.js";

/**
 * All Hygraph zod schemas in one object.
 *
 * @example
 * ```ts
 * hygraphSchemas.delivery.safeParse(JSON.parse(text)).success;
 * ```
 */
export const hygraphSchemas = {
  envelope: hygraphEnvelopeSchema,
  entry: hygraphEntrySchema,
  delivery: hygraphDeliverySchema,
} as const;
