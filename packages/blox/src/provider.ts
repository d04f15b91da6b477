import { cachedEventName, defineProvider, hmacSignature, parseEnvelope, type SecretOption, type TenantCacheOptions, type ProviderOf } from "@cmshooks/core";
import { bloxEventName } from "./event-name.js";
import { bloxEvents } from "./events.js";
import { bloxEnvelopeSchema } from "./schemas.js";
import { BLOX_SIGNATURE_HEADER } from "./verify-signature.js";

export { BLOX_SIGNATURE_HEADER } from "./verify-signature.js";

/** Options of {@link blox}. */
export interface BloxOptions {
  /**
   * The webhook's secret from the BLOX admin, or a list while rotating; or, for one endpoint serving many
   * BLOX sites, a function of the delivery that returns the tenant's (`({ tenant }) => secrets.get(tenant)`).
   */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
}

/** The provider {@link blox} returns: named, so that declarations and hovers refer to the event table instead of spelling it out. */
export type BloxProvider = ProviderOf<typeof bloxEvents>;

/**
 * BLOX CMS: deliveries `{ application, event, data }` signed with
 * `X-Hook-Signature` = base64(HMAC-SHA256(raw body, secret)).
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: blox({ secret: process.env.BLOX_SECRET! }) });
 * receiver.on("editorial.update_asset", ({ payload }) => purge(payload.data.url));
 * ```
 */
export function blox(options: BloxOptions): BloxProvider {
  const nameOf = cachedEventName(bloxEventName);
  return defineProvider({
    name: "blox",
    events: bloxEvents,
    auth: hmacSignature({ header: BLOX_SIGNATURE_HEADER, secret: options?.secret, encoding: "base64", setting: "blox: `secret`", ...(options?.cache ? { cache: options.cache } : {}) }),
    outboundIps: bloxOutboundIps,
    route(body) {
      const { application, event } = parseEnvelope(bloxEnvelopeSchema, body);
      return [{ name: nameOf(application, event), payload: body }];
    },
  });
}

/**
 * BLOX publishes no source addresses: bring your own list to `allowIps` if you have one.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: blox({ secret }), allowIps: [...bloxOutboundIps, "198.51.100.0/24"] });
 * ```
 */
export const bloxOutboundIps: readonly string[] = [];

blox.outboundIps = bloxOutboundIps;
