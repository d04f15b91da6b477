export * from "./shared.js";
export { defineVendor, sampleCredentials, type VendorEntry, type VendorCredentials } from "./vendor-entry.js";
export { vendors, vendorIds, findVendor, type VendorId } from "./vendors/index.js";
export { bloxTestkit } from "./vendors/blox.js";
export { kontentTestkit } from "./vendors/kontent.js";
export {
  contensisTestkit,
  contensisTestkitFor,
  contensisTestSubscription,
  CONTENSIS_TEST_SECRET_HEADER,
  type ContensisTestkit,
  type ContensisDeliveryOptions,
} from "./vendors/contensis.js";
export { kapostTestkit } from "./vendors/kapost.js";
export { inbentaTestkit } from "./vendors/inbenta.js";
export { storyblokTestkit } from "./vendors/storyblok.js";
export { strapiTestkit } from "./vendors/strapi.js";
export { sanityTestkit } from "./vendors/sanity.js";
export { contentfulTestkit } from "./vendors/contentful.js";
export { hygraphTestkit } from "./vendors/hygraph.js";
import { vendors, type VendorId } from "./vendors/index.js";

/** Each registered vendor's kit, by vendor id. */
export type Testkit = { readonly [K in VendorId]: (typeof vendors)[K]["kit"] };

/**
 * Signed, realistic test deliveries for every vendor and native event, one
 * kit per vendor of the registry.
 *
 * @example
 * ```ts
 * const delivery = await testkit.blox.delivery("editorial.update_asset", { secret, overrides: { data: { title: "Hi" } } });
 * const response = await receiver.fetch(toRequest(delivery));
 * ```
 */
export const testkit: Testkit = Object.fromEntries(Object.entries(vendors).map(([id, entry]) => [id, entry.kit])) as Testkit;
