export type { TestDelivery, TestAuth, DeliveryOptions, VendorTestkit, DeepPartial } from "./test-delivery.js";
export { SampleData } from "./sample-data.js";
export { deepMerge } from "./deep-merge.js";
export { makeDelivery, authHeaders, pathWithAuth } from "./make-delivery.js";
export { bloxTestkit } from "./vendors/blox.js";
import { bloxTestkit } from "./vendors/blox.js";

/**
 * Signed, realistic test deliveries for every vendor and native event.
 *
 * @example
 * ```ts
 * const delivery = await testkit.blox.delivery("editorial.update_asset", { secret });
 * ```
 */
export const testkit = {
  blox: bloxTestkit,
} as const;
