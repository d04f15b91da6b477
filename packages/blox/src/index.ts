export { blox, bloxOutboundIps, BLOX_SIGNATURE_HEADER, type BloxOptions, type BloxProvider } from "./provider.js";
export { bloxEvents, type BloxEventName } from "./events.js";
export { bloxEventName } from "./event-name.js";
export { signBlox } from "./sign.js";
export { verifyBloxSignature, bloxSignature } from "./verify-signature.js";
export { bloxSamples } from "./samples.js";
export * from "./schemas.js";
import {
  bloxAssetDataSchema,
  bloxAssetDeliverySchema,
  bloxEnvelopeSchema,
  bloxUserDataSchema,
  bloxUserDeliverySchema,
} from "./schemas.js";

/**
 * All BLOX zod schemas in one object.
 *
 * @example
 * ```ts
 * bloxSchemas.assetDelivery.safeParse(JSON.parse(text)).success;
 * ```
 */
export const bloxSchemas = {
  envelope: bloxEnvelopeSchema,
  assetData: bloxAssetDataSchema,
  assetDelivery: bloxAssetDeliverySchema,
  userData: bloxUserDataSchema,
  userDelivery: bloxUserDeliverySchema,
} as const;
export type { BloxReceiver } from "./receiver-type.js";
