// What every vendor's kit is used with: delivery types, request builders, sample data. Exported by the
// root entry and by each vendor's subpath (`@cmshooks/testkit/kontent`, …), none of which loads another vendor.
export type { TestDelivery, TestAuth, DeliveryOptions, VendorTestkit, DeepPartial } from "./test-delivery.js";
export { SampleData, eventSeed } from "./sample-data.js";
export { deepMerge } from "./deep-merge.js";
export { makeDelivery, authHeaders, pathWithAuth } from "./make-delivery.js";
export { authenticatorFor } from "./authenticator-for.js";
export { deliveryUrl } from "./delivery-url.js";
export { toRequest } from "./to-request.js";
export { toHandleInput } from "./to-handle-input.js";
export { send, sendRequest, type SendResult, type SendOptions } from "./send.js";
export { onEveryUnified } from "./on-every-unified.js";
export { describeEvents, type EventDescription } from "./describe-events.js";
