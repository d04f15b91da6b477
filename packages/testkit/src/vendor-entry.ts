import type { EventMap, Provider } from "@cmshooks/core";
import type { TestAuth, VendorTestkit } from "./test-delivery.js";

/** What a receiver is configured with, and what a test delivery carries: a signing secret, or receiver-side credentials. */
export interface VendorCredentials {
  /** The shared secret of vendors that sign their deliveries. */
  readonly secret?: string | undefined;
  /** Basic auth, a secret header or a query secret, for vendors that sign nothing. */
  readonly auth?: TestAuth | undefined;
}

/** One vendor as the testkit and the CLI know it: its kit, and its provider as an app would configure it. */
export interface VendorEntry<E extends EventMap = EventMap> {
  /** Human name, e.g. `"BLOX CMS"`. */
  readonly title: string;
  /** Builds deliveries for every native event; `kit.vendor` is the registry key. */
  readonly kit: VendorTestkit<E>;
  /**
   * `"signature"`: the vendor signs each delivery with a shared secret (`--secret`).
   * `"credentials"`: it signs nothing; the receiver adds basic auth, a secret header or a query secret.
   */
  readonly authenticity: "signature" | "credentials";
  /** The vendor package's provider for these credentials, e.g. `({ secret }) => blox({ secret })`. */
  provider(credentials: VendorCredentials): Provider<E, unknown>;
}

/**
 * Declares one registry entry, inferring the vendor's event map from its kit.
 *
 * @example
 * ```ts
 * defineVendor({
 *   title: "Kapost",
 *   kit: kapostTestkit,
 *   authenticity: "credentials",
 *   provider: ({ auth }) => kapost({ auth: auth && authenticatorFor(auth) }),
 * });
 * ```
 */
export function defineVendor<E extends EventMap>(entry: VendorEntry<E>): VendorEntry<E> {
  return entry;
}

/** 64 characters, so that it suits vendors that require that length (Contentful's signing secrets). */
const SAMPLE_SECRET = "cmshooks-sample-secret-0123456789abcdefghijklmnopqrstuvwxyzABCDE";

/**
 * Credentials that suit a vendor when none are given: a secret for signing
 * vendors, a secret header for the others. Used to run sample deliveries
 * through a receiver (e.g. to derive the unified mapping).
 *
 * @example
 * ```ts
 * const credentials = sampleCredentials(vendors.blox); // { secret: "cmshooks-sample-secret-0123…" }
 * const receiver = createReceiver({ provider: vendors.blox.provider(credentials) });
 * ```
 */
export function sampleCredentials(entry: Pick<VendorEntry, "authenticity">): VendorCredentials {
  return entry.authenticity === "signature"
    ? { secret: SAMPLE_SECRET }
    : { auth: { header: { name: "x-cmshooks-sample", value: "cmshooks-sample-secret" } } };
}
