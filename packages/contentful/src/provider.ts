import { type Authenticator, type SecretOption, type TenantCacheOptions, defineProvider, type ProviderOf } from "@cmshooks/core";
import { contentfulEvents } from "./events.js";
import { CONTENTFUL_HEADERS, readContentfulMeta, type ContentfulMeta } from "./meta.js";
import { contentfulSignature } from "./signature.js";

/** Options of {@link contentful}. Give `secret`, `auth`, or both (then both must pass). */
export interface ContentfulOptions {
  /** The space's webhook signing secret (64 characters, from Settings → Webhooks → Settings), or a list while rotating, or, for one endpoint serving many projects, a function of the delivery that returns the tenant's (`({ tenant }) => secrets.get(tenant)`). */
  secret?: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /** How far the signed timestamp may be from now, in milliseconds (default 30 s, the toolkit's TTL). */
  toleranceMs?: number;
  /**
   * Receiver-side checks, for a space without request verification: a secret
   * header configured on the webhook (`secretHeader()`) or basic auth in its
   * URL (`basicAuth()`). A list means every check must pass.
   */
  auth?: Authenticator | readonly Authenticator[];
}

// Topics are matched case-insensitively: the docs write Task actions capitalised and the others not.
const BY_LOWER_CASE: ReadonlyMap<string, string> = new Map(Object.keys(contentfulEvents).map((name) => [name.toLowerCase(), name]));

/** The provider {@link contentful} returns: named, so that declarations and hovers refer to the event table instead of spelling it out. */
export type ContentfulProvider = ProviderOf<typeof contentfulEvents, ContentfulMeta>;

/**
 * Contentful: the entity that changed as the body, its topic in
 * `X-Contentful-Topic`, signed by request verification when the space has a
 * signing secret, else authenticated by a check you add (`auth`).
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: contentful({ secret: process.env.CONTENTFUL_SIGNING_SECRET! }) });
 * receiver.on("ContentManagement.Entry.publish", ({ payload }) => revalidate(payload.sys.id));
 * // without request verification:
 * contentful({ auth: secretHeader({ name: "x-webhook-secret", value: process.env.CONTENTFUL_WEBHOOK_TOKEN! }) });
 * ```
 */
export function contentful(options: ContentfulOptions = {}): ContentfulProvider {
  const checks: Authenticator[] = [];
  if (options.secret !== undefined) {
    checks.push(contentfulSignature({ secret: options.secret, ...(options?.cache ? { cache: options.cache } : {}), ...(options.toleranceMs === undefined ? {} : { toleranceMs: options.toleranceMs }) }));
  }
  if (options.auth !== undefined) checks.push(...(Array.isArray(options.auth) ? options.auth : [options.auth as Authenticator]));
  return defineProvider({
    name: "contentful",
    events: contentfulEvents,
    auth: checks.length ? checks : undefined,
    outboundIps: contentfulOutboundIps,
    readMeta: readContentfulMeta,
    route(body, { meta }) {
      const topic = meta.topic;
      const name = topic === undefined ? undefined : BY_LOWER_CASE.get(topic.toLowerCase());
      if (name !== undefined) return [{ name, payload: body }];
      return [
        {
          name: topic ?? "(none)",
          payload: body,
          hint: topic === undefined ? `No ${CONTENTFUL_HEADERS.topic} header: Contentful names the event there` : `Topic "${topic}" is not in Contentful's documented list`,
        },
      ];
    },
  });
}

/**
 * Contentful publishes no fixed source addresses for webhooks: this list is empty.
 *
 * @example
 * ```ts
 * createReceiver({ provider: contentful({ secret }), allowIps: [...contentfulOutboundIps, "203.0.113.0/24"] });
 * ```
 */
export const contentfulOutboundIps: readonly string[] = [];

contentful.outboundIps = contentfulOutboundIps;
