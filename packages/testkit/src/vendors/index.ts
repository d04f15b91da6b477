import { blox } from "@cmshooks/blox";
import { contensis } from "@cmshooks/contensis";
import { inbenta } from "@cmshooks/inbenta";
import { kapost } from "@cmshooks/kapost";
import { kontent } from "@cmshooks/kontent";
import { storyblok } from "@cmshooks/storyblok";
import { strapi } from "@cmshooks/strapi";
import { authenticatorFor } from "../authenticator-for.js";
import { defineVendor, type VendorEntry } from "../vendor-entry.js";
import { bloxTestkit } from "./blox.js";
import { contensisTestkit, contensisTestSubscription, type ContensisTestkit } from "./contensis.js";
import { inbentaTestkit } from "./inbenta.js";
import { kapostTestkit } from "./kapost.js";
import { kontentTestkit } from "./kontent.js";
import { storyblokTestkit } from "./storyblok.js";
import { strapiTestkit } from "./strapi.js";

type ContensisKitEvents = typeof contensisTestkit extends ContensisTestkit<infer E> ? E : never;

/**
 * Every vendor the testkit and the `cmshooks` CLI know, by id. The one place
 * a vendor is added: its kit, whether it signs, and its provider factory.
 *
 * @example
 * ```ts
 * const entry = vendors.blox;
 * const delivery = await entry.kit.delivery("editorial.update_asset", { secret });
 * const receiver = createReceiver({ provider: entry.provider({ secret }) });
 * ```
 */
export const vendors = {
  blox: defineVendor({
    title: "BLOX CMS",
    kit: bloxTestkit,
    authenticity: "signature",
    provider: ({ secret }) => blox({ secret: secret ?? "" }),
  }),
  kontent: defineVendor({
    title: "Kontent.ai",
    kit: kontentTestkit,
    authenticity: "signature",
    provider: ({ secret }) => kontent({ secret: secret ?? "" }),
  }),
  contensis: defineVendor<ContensisKitEvents>({
    title: "Contensis",
    kit: contensisTestkit,
    authenticity: "credentials",
    provider: ({ auth }) =>
      contensis({ subscription: contensisTestSubscription, ...(auth ? { auth: authenticatorFor(auth) } : {}) }),
  }),
  kapost: defineVendor({
    title: "Kapost",
    kit: kapostTestkit,
    authenticity: "credentials",
    provider: ({ auth }) => kapost({ auth: auth && authenticatorFor(auth) }),
  }),
  inbenta: defineVendor({
    title: "Inbenta Knowledge",
    kit: inbentaTestkit,
    authenticity: "credentials",
    provider: ({ auth }) => inbenta({ auth: auth && authenticatorFor(auth) }),
  }),
  storyblok: defineVendor({
    title: "Storyblok",
    kit: storyblokTestkit,
    authenticity: "signature",
    provider: ({ secret }) => storyblok({ secret: secret ?? "" }),
  }),
  strapi: defineVendor({
    title: "Strapi",
    kit: strapiTestkit,
    authenticity: "credentials",
    provider: ({ auth }) => strapi({ auth: auth && authenticatorFor(auth) }),
  }),
} as const;

/** A vendor id of the registry: `"blox"`, … */
export type VendorId = keyof typeof vendors;

/**
 * Ids of every registered vendor, in registry order.
 *
 * @example
 * ```ts
 * vendorIds; // ["blox", …]
 * ```
 */
export const vendorIds = Object.keys(vendors) as VendorId[];

/**
 * Looks a vendor up by id (e.g. from a command line); `undefined` when unknown.
 *
 * @example
 * ```ts
 * const entry = findVendor(process.argv[2] ?? "");
 * if (!entry) throw new Error(`Unknown vendor; known: ${vendorIds.join(", ")}`);
 * ```
 */
export function findVendor(id: string): VendorEntry | undefined {
  return Object.hasOwn(vendors, id) ? vendors[id as VendorId] : undefined;
}
