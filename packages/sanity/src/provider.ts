import { type Provider, type SecretOption, type TenantCacheOptions, defineProvider, type UnifiedKindsOf } from "@cmshooks/core";
import type { z } from "zod";
import { sanityEventsFor, type SanityEventTable } from "./events.js";
import { readSanityMeta, SANITY_HEADERS, type SanityMeta } from "./meta.js";
import { SANITY_OPERATIONS, sanityDocumentSchema, type SanityOperation } from "./schemas.js";
import { sanitySignature } from "./signature.js";

/** Options of {@link sanity}. */
export interface SanityOptions<S extends z.ZodType = typeof sanityDocumentSchema> {
  /** The webhook's secret (set in the webhook's settings at sanity.io/manage), or a list while rotating, or, for one endpoint serving many projects, a function of the delivery that returns the tenant's (`({ tenant }) => secrets.get(tenant)`). */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /**
   * A zod schema of the body your webhook's GROQ projection produces, e.g.
   * `z.object({ _id: z.string(), slug: z.string() })` for `{_id, "slug": slug.current}`.
   * Default: the whole document ({@link sanityDocumentSchema}), what Sanity
   * sends when the projection is empty.
   */
  projection?: S;
  /** How far the signed timestamp may be from now, in milliseconds (default 5 minutes); older deliveries are refused (401) as replays. */
  toleranceMs?: number;
}

/** The provider `sanity()` returns for a projection schema `S`. */
export type SanityProvider<S extends z.ZodType = typeof sanityDocumentSchema> = Provider<{ [K in SanityOperation]: z.output<S> }, SanityMeta, UnifiedKindsOf<SanityEventTable<S>>>;

const OPERATIONS: ReadonlySet<string> = new Set(SANITY_OPERATIONS);

/**
 * Sanity GROQ-powered document webhooks: the body is your projection (the
 * whole document by default), the operation is in `sanity-operation`, and
 * `sanity-webhook-signature` signs timestamp and body.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({
 *   provider: sanity({ secret: process.env.SANITY_WEBHOOK_SECRET!, projection: z.object({ _id: z.string(), _type: z.string(), slug: z.string() }) }),
 * });
 * receiver.on("update", ({ payload }) => revalidate(`/${payload.slug}`));
 * ```
 */
export function sanity<S extends z.ZodType = typeof sanityDocumentSchema>(options: SanityOptions<S>): SanityProvider<S> {
  const schema = (options?.projection ?? sanityDocumentSchema) as S;
  return defineProvider({
    name: "sanity",
    events: sanityEventsFor(schema),
    auth: sanitySignature({ secret: options?.secret, ...(options?.cache ? { cache: options.cache } : {}), ...(options?.toleranceMs === undefined ? {} : { toleranceMs: options.toleranceMs }) }),
    outboundIps: sanityOutboundIps,
    readMeta: readSanityMeta,
    route(body, { meta }) {
      const operation = meta.operation;
      if (operation !== undefined && OPERATIONS.has(operation)) return [{ name: operation, payload: body }];
      return [
        {
          name: operation ?? "(none)",
          payload: body,
          hint:
            operation === undefined
              ? `No ${SANITY_HEADERS.operation} header: a Sanity document webhook sends create, update or delete there`
              : `${SANITY_HEADERS.operation} "${operation}" is not create, update or delete`,
        },
      ];
    },
  });
}

/**
 * Sanity publishes no source addresses for webhooks: this list is empty.
 *
 * @example
 * ```ts
 * createReceiver({ provider: sanity({ secret }), allowIps: [...sanityOutboundIps, "203.0.113.0/24"] });
 * ```
 */
export const sanityOutboundIps: readonly string[] = [];

sanity.outboundIps = sanityOutboundIps;
