import { defineProvider, parseEnvelope, type Authenticator, type ProviderOf } from "@cmshooks/core";
import { strapiEvents } from "./events.js";
import { readStrapiMeta, type StrapiMeta } from "./meta.js";
import { strapiEnvelopeSchema } from "./schemas.js";

/** Options of {@link strapi}. */
export interface StrapiOptions {
  /**
   * How deliveries prove they come from your Strapi. Strapi signs nothing; it
   * sends the headers you configure on the webhook (Settings → Webhooks) or in
   * `config/server` `webhooks.defaultHeaders`. Check one with
   * `secretHeader({ name: "authorization", value: "Bearer <token>" })`. A list
   * means every check must pass. Without any, `createReceiver` refuses to start
   * unless `allowIps` is set or `allowUnauthenticated: true`.
   */
  auth?: Authenticator | readonly Authenticator[];
}

/** The provider {@link strapi} returns: named, so that declarations and hovers refer to the event table instead of spelling it out. */
export type StrapiProvider = ProviderOf<typeof strapiEvents, StrapiMeta>;

/**
 * Strapi webhooks (Strapi 4 and 5): `{ event, createdAt, … }` with the event
 * also in `X-Strapi-Event`, unsigned, authenticated by the receiver-side
 * check you pass as `auth`.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({
 *   provider: strapi({ auth: secretHeader({ name: "authorization", value: `Bearer ${process.env.STRAPI_WEBHOOK_TOKEN}` }) }),
 * });
 * receiver.on("entry.publish", ({ payload }) => revalidate(payload.model, payload.entry.documentId ?? payload.entry.id));
 * ```
 */
export function strapi(options: StrapiOptions = {}): StrapiProvider {
  return defineProvider<typeof strapiEvents, StrapiMeta>({
    name: "strapi",
    events: strapiEvents,
    auth: options.auth,
    outboundIps: strapiOutboundIps,
    readMeta: readStrapiMeta,
    route(body, { meta, warn }) {
      const { event } = parseEnvelope(strapiEnvelopeSchema, body);
      // Strapi writes the same name in both; a mismatch means something rewrote one of them.
      if (meta.event !== undefined && meta.event !== event) warn(`X-Strapi-Event says "${meta.event}" but the body says "${event}"; the body's event is used`);
      return [{ name: event, payload: body }];
    },
  });
}

/**
 * Strapi is self-hosted (or Strapi Cloud, which publishes no addresses): this
 * list is empty. Pass your server's egress addresses to `allowIps` if you know them.
 *
 * @example
 * ```ts
 * createReceiver({ provider: strapi({ auth }), allowIps: [...strapiOutboundIps, "203.0.113.7"] });
 * ```
 */
export const strapiOutboundIps: readonly string[] = [];

strapi.outboundIps = strapiOutboundIps;
