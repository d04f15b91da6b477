import { type SecretOption, type TenantCacheOptions, defineProvider, type ProviderOf } from "@cmshooks/core";
import { compileKontentAccept, type KontentAcceptFilter } from "./accept-filter.js";
import { kontentEvents } from "./events.js";
import { readKontentMeta, type KontentMeta } from "./meta.js";
import { kontentOutboundIps } from "./outbound-ips.js";
import { routeKontentDelivery } from "./route.js";
import { kontentSignature } from "./signature.js";

/** Options of {@link kontent}. */
export interface KontentOptions {
  /** The webhook's secret from Kontent.ai (used as its UTF-8 bytes), or a list while rotating, or, for one endpoint serving many projects, a function of the delivery that returns the tenant's (`({ tenant }) => secrets.get(tenant)`). */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /**
   * Acknowledge (200) without parsing or running handlers the legacy
   * notifications the app does not want, judged on the `X-KC-Message-*`
   * headers after the signature is checked. The body's `message` is checked
   * too, and wins.
   */
  accept?: KontentAcceptFilter;
  /** Also accept the body with its line breaks normalised to CRLF, when the exact bytes do not match (as helper v4 verifies); see {@link kontentSignature}. Default true. */
  normalizeLineBreaks?: boolean;
}

/** The provider {@link kontent} returns: named, so that declarations and hovers refer to the event table instead of spelling it out. */
export type KontentProvider = ProviderOf<typeof kontentEvents, KontentMeta>;

/**
 * Kontent.ai webhooks, both the current `notifications` format
 * (`X-Kontent-ai-Signature`) and the legacy `{ data, message }` format
 * (`X-KC-Signature`, `X-KC-Message-*` headers).
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: kontent({ secret: process.env.KONTENT_SECRET! }) });
 * receiver.on("content_item.published", ({ payload }) => purge(payload.data.system.codename));
 * receiver.onContentPublish((event) => event.channel === "published" && purge(event.items));
 * ```
 */
export function kontent(options: KontentOptions): KontentProvider {
  const accept = options?.accept ? compileKontentAccept(options.accept) : undefined;
  return defineProvider<typeof kontentEvents, KontentMeta>({
    name: "kontent",
    events: kontentEvents,
    auth: kontentSignature({ secret: options?.secret, ...(options?.cache ? { cache: options.cache } : {}), normalizeLineBreaks: options?.normalizeLineBreaks ?? true }),
    outboundIps: kontentOutboundIps,
    readMeta: readKontentMeta,
    ...(accept ? { accept: (meta) => accept.headers(meta) } : {}),
    route: (body, context) => routeKontentDelivery(body, context, accept),
  });
}

/** The addresses Kontent.ai publishes, for `allowIps` (same list as {@link kontentOutboundIps}). */
kontent.outboundIps = kontentOutboundIps;
