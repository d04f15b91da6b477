export { sanity, sanityOutboundIps, type SanityOptions, type SanityProvider } from "./provider.js";
export { sanityEvents, sanityEventsFor, type SanityEventName, type SanityEventTable } from "./events.js";
export {
  sanitySignature,
  parseSanitySignatureHeader,
  sanitySignedBytes,
  SANITY_SIGNATURE_HEADER,
  SANITY_DEFAULT_TOLERANCE_MS,
  type SanitySignatureOptions,
  type SanitySignatureHeader,
} from "./signature.js";
export { readSanityMeta, SANITY_HEADERS, type SanityMeta } from "./meta.js";
export { isSanityDraftId, publishedSanityId } from "./drafts.js";
export { signSanity } from "./sign.js";
export { sanitySamples } from "./samples.js";
export * from "./schemas.js";
import { sanityDocumentSchema } from "./schemas.js";

/**
 * All Sanity zod schemas in one object.
 *
 * @example
 * ```ts
 * sanitySchemas.document.safeParse(JSON.parse(text)).success;
 * ```
 */
export const sanitySchemas = {
  document: sanityDocumentSchema,
} as const;
