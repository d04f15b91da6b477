import { type SecretOption, type TenantCacheOptions, defineProvider, parseEnvelope, type ProviderOf } from "@cmshooks/core";
import { hygraphEvents } from "./events.js";
import { readHygraphMeta, type HygraphMeta } from "./meta.js";
import { hygraphEnvelopeSchema } from "./schemas.js";
import { hygraphSignature } from "./signature.js";

/** Options of {@link hygraph}. */
export interface HygraphOptions {
  /** The webhook's secret key (set on the webhook in Hygraph), or a list while rotating, or, for one endpoint serving many projects, a function of the delivery that returns the tenant's (`({ tenant }) => secrets.get(tenant)`). */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /** How far the signed timestamp may be from now, in milliseconds (default 5 minutes); older deliveries are refused (401) as replays. */
  toleranceMs?: number;
}

const KNOWN: ReadonlySet<string> = new Set(Object.keys(hygraphEvents));

/** The provider {@link hygraph} returns: named, so that declarations and hovers refer to the event table instead of spelling it out. */
export type HygraphProvider = ProviderOf<typeof hygraphEvents, HygraphMeta>;

/**
 * Hygraph: deliveries `{ operation, data }` signed with
 * `gcms-signature: sign=…, env=…, t=…`.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: hygraph({ secret: process.env.HYGRAPH_WEBHOOK_SECRET! }) });
 * receiver.on("publish", ({ payload }) => reindex(payload.data.__typename, payload.data.id));
 * ```
 */
export function hygraph(options: HygraphOptions): HygraphProvider {
  return defineProvider({
    name: "hygraph",
    events: hygraphEvents,
    auth: hygraphSignature({ secret: options?.secret, ...(options?.cache ? { cache: options.cache } : {}), ...(options?.toleranceMs === undefined ? {} : { toleranceMs: options.toleranceMs }) }),
    outboundIps: hygraphOutboundIps,
    // Hygraph lets a webhook use POST, PUT or DELETE (GET too, which carries no body here).
    methods: ["POST", "PUT", "DELETE"],
    readMeta: readHygraphMeta,
    route(body) {
      const { operation } = parseEnvelope(hygraphEnvelopeSchema, body);
      if (KNOWN.has(operation)) return [{ name: operation, payload: body }];
      return [{ name: operation, payload: body, hint: `operation "${operation}" is not create, update, delete, publish or unpublish` }];
    },
  });
}

/**
 * Hygraph publishes no source addresses for webhooks: this list is empty.
 *
 * @example
 * ```ts
 * createReceiver({ provider: hygraph({ secret }), allowIps: [...hygraphOutboundIps, "203.0.113.0/24"] });
 * ```
 */
export const hygraphOutboundIps: readonly string[] = [];

hygraph.outboundIps = hygraphOutboundIps;
