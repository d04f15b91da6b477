import { type Authenticator, type SecretOption, type TenantCacheOptions, ConfigurationError, defineProvider, hmacSignature, parseEnvelope, type ProviderOf } from "@cmshooks/core";
import { storyblokEventName } from "./event-name.js";
import { storyblokEvents } from "./events.js";
import { storyblokEnvelopeSchema } from "./schemas.js";

/**
 * The header Storyblok signs deliveries in, when the webhook has a secret.
 *
 * @example
 * ```ts
 * const signature = request.headers.get(STORYBLOK_SIGNATURE_HEADER); // "webhook-signature"
 * ```
 */
export const STORYBLOK_SIGNATURE_HEADER = "webhook-signature";

/** Options of {@link storyblok}. */
export interface StoryblokOptions {
  /** The webhook secret set in Storyblok (Settings → Webhooks), or a list while rotating, or, for one endpoint serving many projects, a function of the delivery that returns the tenant's (`({ tenant }) => secrets.get(tenant)`). */
  secret?: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /**
   * Receiver-side checks, for webhooks without a secret (plans without
   * webhook secrets): e.g. `secretPathSegment()` with a secret in the endpoint
   * URL. Combined with `secret`, every check must pass.
   */
  auth?: Authenticator | readonly Authenticator[];
}

/** The provider {@link storyblok} returns: named, so that declarations and hovers refer to the event table instead of spelling it out. */
export type StoryblokProvider = ProviderOf<typeof storyblokEvents>;

/**
 * Storyblok webhooks: `{ text, action, space_id, … }`, signed with
 * `webhook-signature` = hex(HMAC-SHA1(raw body, webhook secret)).
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: storyblok({ secret: process.env.STORYBLOK_WEBHOOK_SECRET! }) });
 * receiver.on("story.published", ({ payload }) => purge(`/${payload.full_slug ?? ""}`));
 * receiver.onContentPublish((event) => rebuild(event.items));
 * ```
 */
export function storyblok(options: StoryblokOptions): StoryblokProvider {
  const auth: Authenticator[] = [];
  if (options?.secret !== undefined) {
    auth.push(hmacSignature({ header: STORYBLOK_SIGNATURE_HEADER, secret: options.secret, algorithm: "sha1", encoding: "hex", ...(options?.cache ? { cache: options.cache } : {}) }));
  }
  if (options?.auth !== undefined) auth.push(...(Array.isArray(options.auth) ? options.auth : [options.auth as Authenticator]));
  if (auth.length === 0) throw new ConfigurationError("storyblok: pass the webhook `secret` (or, for webhooks without one, `auth`)");
  return defineProvider({
    name: "storyblok",
    events: storyblokEvents,
    auth,
    outboundIps: storyblokOutboundIps,
    route(body) {
      const envelope = parseEnvelope(storyblokEnvelopeSchema, body);
      return [{ ...storyblokEventName(envelope as typeof envelope & Readonly<Record<string, unknown>>), payload: body }];
    },
  });
}

/**
 * Storyblok publishes no source addresses for webhooks: this list is empty.
 *
 * @example
 * ```ts
 * createReceiver({ provider: storyblok({ secret }), allowIps: [...storyblokOutboundIps, ...myKnownAddresses] });
 * ```
 */
export const storyblokOutboundIps: readonly string[] = [];

storyblok.outboundIps = storyblokOutboundIps;
