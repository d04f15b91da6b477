export { contentful, contentfulOutboundIps, type ContentfulOptions, type ContentfulProvider } from "./provider.js";
export { contentfulEvents, type ContentfulEventName } from "./events.js";
export { contentfulSignature, CONTENTFUL_DEFAULT_TOLERANCE_MS, type ContentfulSignatureOptions } from "./signature.js";
export { CONTENTFUL_SIGNATURE_HEADERS, contentfulCanonicalPath, contentfulSignedBytes, type ContentfulCanonicalRequest } from "./canonical-request.js";
export { readContentfulMeta, CONTENTFUL_HEADERS, type ContentfulMeta } from "./meta.js";
export { signContentful, type ContentfulSignOptions } from "./sign.js";
export { contentfulSamples } from "./samples.js";
export * from "./schemas.js";
import { contentfulAssetSchema, contentfulContentTypeSchema, contentfulEntitySchema, contentfulEntrySchema, contentfulLinkSchema, contentfulSysSchema } from "./schemas.js";

/**
 * All Contentful zod schemas in one object.
 *
 * @example
 * ```ts
 * contentfulSchemas.entry.safeParse(JSON.parse(text)).success;
 * ```
 */
export const contentfulSchemas = {
  link: contentfulLinkSchema,
  sys: contentfulSysSchema,
  entry: contentfulEntrySchema,
  asset: contentfulAssetSchema,
  contentType: contentfulContentTypeSchema,
  entity: contentfulEntitySchema,
} as const;
