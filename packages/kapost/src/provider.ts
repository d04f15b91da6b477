import { cachedEventName, defineProvider, parseEnvelope, type Authenticator, type ProviderOf } from "@cmshooks/core";
import { kapostEvents } from "./events.js";
import { kapostEnvelopeSchema } from "./schemas.js";

/** Options of {@link kapost}. */
export interface KapostOptions {
  /**
   * How deliveries prove they come from your Kapost instance. Kapost signs
   * nothing, so this is a check you set up yourself: `basicAuth()` with the
   * credentials in the webhook URL (`https://user:pass@host/…`),
   * `secretPathSegment()` or `secretQueryParam()` with a secret in the URL.
   * A list means every check must pass. Without any, `createReceiver` refuses
   * to start unless `allowIps` is set or `allowUnauthenticated: true`.
   */
  auth?: Authenticator | readonly Authenticator[];
}

/** The provider {@link kapost} returns: named, so that declarations and hovers refer to the event table instead of spelling it out. */
export type KapostProvider = ProviderOf<typeof kapostEvents>;

/**
 * Kapost content webhooks: `{ operation, type, payload: { full_post }, instance }`,
 * unsigned (Kapost only recommends an HTTPS endpoint), authenticated by the
 * receiver-side check you pass as `auth`.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({
 *   provider: kapost({ auth: basicAuth({ username: "kapost", password: process.env.KAPOST_WEBHOOK_PASSWORD! }) }),
 * });
 * receiver.on("content.publish", ({ payload }) => reindex(payload.payload.full_post.id));
 * ```
 */
export function kapost(options: KapostOptions = {}): KapostProvider {
  const nameOf = cachedEventName((type, operation) => `${type}.${operation}`);
  return defineProvider({
    name: "kapost",
    events: kapostEvents,
    auth: options.auth,
    outboundIps: kapostOutboundIps,
    // Kapost signs nothing and takes no secret: the check is one you add to the webhook URL.
    authAdvice: "kapost({ auth: basicAuth() }) with the credentials in the webhook URL, or secretPathSegment() / secretQueryParam(); Kapost signs nothing, so there is no secret to give",
    route(body) {
      const { type, operation } = parseEnvelope(kapostEnvelopeSchema, body);
      return [{ name: nameOf(type, operation), payload: body }];
    },
  });
}

/**
 * Kapost publishes no source addresses: this list is empty. Pass your own to
 * `allowIps` if you learn them (e.g. from your access logs or Kapost support).
 *
 * @example
 * ```ts
 * createReceiver({ provider: kapost({ auth }), allowIps: [...kapostOutboundIps, ...myKnownKapostIps] });
 * ```
 */
export const kapostOutboundIps: readonly string[] = [];

kapost.outboundIps = kapostOutboundIps;
