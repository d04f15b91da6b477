export { kontent, type KontentOptions, type KontentProvider } from "./provider.js";
export {
  kontentEvents,
  type KontentEventTable,
  type KontentEventName,
  type KontentLegacyEventName,
  type KontentNotificationEventName,
  type KontentPayloads,
  type KontentLegacyDelivery,
  type KontentNotification,
} from "./events.js";
export { kontentLegacyEvents } from "./legacy-events.js";
export { kontentNotificationEvents, kontentNotificationKey } from "./notification-events.js";
export { kontentSignature, KONTENT_SIGNATURE_HEADER, KONTENT_LEGACY_SIGNATURE_HEADER, type KontentSignatureOptions } from "./signature.js";
export { signKontent } from "./sign.js";
export { verifyKontentSignature } from "./verify-signature.js";
export { formatKontentJson } from "./wire-format.js";
export { kontentOutboundIps } from "./outbound-ips.js";
export { readKontentMeta, KONTENT_MESSAGE_HEADERS, type KontentMeta } from "./meta.js";
export type { KontentAcceptFilter } from "./accept-filter.js";
export { kontentSamples } from "./samples.js";
export { kontentSchemas } from "./schemas.js";
export * from "./legacy-schemas.js";
export * from "./notification-schemas.js";
export type { KontentReceiver } from "./receiver-type.js";
