// Everything core exports that does not depend on the runtime's crypto.
export * from "./errors.js";
export * from "./headers.js";
export * from "./unified-events.js";
export * from "./native-events.js";
export * from "./provider.js";
export { openObject } from "./open-object.js";
export { cachedEventName } from "./event-name-cache.js";
export type { Authenticator, AuthInput, AuthOutcome } from "./auth/authenticator.js";
export { constantTimeEqual, constantTimeIncludes } from "./auth/constant-time.js";
export { secretHeader, type SecretHeaderOptions } from "./auth/secret-header.js";
export { basicAuth, type BasicAuthOptions, type BasicCredentials } from "./auth/basic-auth.js";
export { secretPathSegment, type SecretPathSegmentOptions } from "./auth/secret-path-segment.js";
export { secretQueryParam, type SecretQueryParamOptions } from "./auth/secret-query-param.js";
export type { HmacSignatureOptions, HmacSignatureFactory } from "./auth/hmac-signature.js";
export type { HmacMatcher, HmacMatcherFactory, HmacMatcherOptions, SignatureEncoding } from "./auth/hmac-matcher.js";
export { outsideReplayWindow, replayToleranceMs } from "./auth/replay-window.js";
export type { SignedTimestamp, TimestampedHmacSignatureOptions, TimestampedHmacSignatureFactory } from "./auth/timestamped-hmac-signature.js";
export {
  TenantSecretCache,
  CredentialsUnavailableError,
  type TenantContext,
  type SecretOption,
  type SecretResolver,
  type SecretValue,
  type TenantCacheOptions,
} from "./auth/tenant-secrets.js";
export type { CryptoEngine, HmacAlgorithm, DigestEncoding } from "./crypto/engine.js";
export type { DedupeStore, DedupeState, DedupeOptions } from "./dedupe/dedupe-store.js";
export { memoryDedupeStore, type MemoryDedupeStoreOptions } from "./dedupe/memory-store.js";
export * from "./ip/index.js";
export type { Logger, LogFields, LogLevel } from "./observability/logger.js";
export type { ErrorListener } from "./observability/reporter.js";
export { WebhookReceiver, type ReceiverOptions, type DeliveryInput, type ErrorContext, type Handoff, type HandoffEvent } from "./pipeline/receiver.js";
export type { ReceiverResponse } from "./pipeline/responses.js";
export { canCarryJson } from "./pipeline/media-type.js";
export { readStreamBody, type ByteStreamSource } from "./pipeline/read-stream-body.js";
export type { Receiver, CreateReceiver } from "./create-receiver.js";
export { DeliveryLogError, type DeliveryLogStore, type DeliveryLogOptions, type DeliveryLogWhen, type DeliveryRecord } from "./pipeline/delivery-log.js";
export { deliveryRecordToJson, parseDeliveryRecordJson, type ParsedDeliveryRecord } from "./delivery-log/record-json.js";
export { MASKED as MASKED_CREDENTIAL } from "./delivery-log/mask-credentials.js";
export { verifyAuthenticity, type StandaloneDelivery } from "./standalone/verify-authenticity.js";
export type { ParseDelivery, ParsedDelivery } from "./standalone/parse-delivery.js";
