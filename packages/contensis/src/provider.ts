import { defineProvider, secretHeader, type Authenticator, type EventTable, type Provider } from "@cmshooks/core";
import type { ContensisMetaHeaderNames, ContensisSubscription, ContensisSubscriptionDefinition } from "./define-subscription.js";
import { contensisEventTable } from "./events.js";
import { contensisMetaReader, type ContensisMeta } from "./meta.js";
import { routeContensisDelivery } from "./route.js";
import type { ContensisNoSubscription, ContensisPayloads, ContensisSentEventName } from "./subscription-payloads.js";
import type { ContensisUnifiedMap } from "./unified.js";

/** Options of {@link contensis}. */
export interface ContensisOptions<D extends ContensisSubscriptionDefinition> {
  /**
   * How deliveries prove they are genuine. Contensis signs nothing: add a
   * secret header to the subscription and check it with `secretHeader()`.
   * Default: every secret header (with a value) of `subscription`.
   */
  auth?: Authenticator | readonly Authenticator[] | undefined;
  /** The subscription (from `defineContensisSubscription`): payload types come from its templates. Default: no templates. */
  subscription?: ContensisSubscription<D> | undefined;
}

/**
 * The provider `contensis()` returns for a definition `D`: only the events its
 * topics send (all without a subscription), with their payloads and unified kinds.
 */
export type ContensisProvider<D = ContensisNoSubscription> = Provider<
  ContensisPayloads<D, ContensisSentEventName<D>>,
  ContensisMeta<ContensisMetaHeaderNames<D>>,
  Pick<ContensisUnifiedMap, ContensisSentEventName<D>>
>;

/**
 * Contensis: deliveries in its default payload, or in the templates the
 * subscription defines; authenticated by secret headers.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: contensis({ subscription }) }); // auth: the subscription's secret header
 * receiver.on("entry.published", ({ payload }) => purge(payload.id));
 * // without a subscription defined in code:
 * contensis({ auth: secretHeader({ name: "x-webhook-secret", value: process.env.CONTENSIS_SECRET! }) });
 * ```
 */
export function contensis<D extends ContensisSubscriptionDefinition = ContensisNoSubscription>(
  options: ContensisOptions<D> = {},
): ContensisProvider<D> {
  const { subscription } = options;
  const auth = options.auth ?? subscription?.secretHeaders.map(({ name, value }) => secretHeader({ name, value }));
  const topics = subscription?.topics ?? [];
  return defineProvider({
    name: "contensis",
    // defineProvider only needs a plain table; the typed one is restored by the cast below.
    events: contensisEventTable(subscription) as EventTable<ContensisMeta<string>>,
    auth: Array.isArray(auth) && auth.length === 0 ? undefined : auth,
    outboundIps: contensisOutboundIps,
    authAdvice: "contensis({ auth: secretHeader({ name, value }) }), or a subscription with a secret header that has a value",
    readMeta: contensisMetaReader<string>(subscription?.metaHeaders ?? []),
    route: (body, { meta }) => routeContensisDelivery(body, meta, topics),
  }) as unknown as ContensisProvider<D>;
}

/**
 * Contensis publishes no source addresses in the docs this package follows: bring your own list to `allowIps`.
 *
 * @example
 * ```ts
 * createReceiver({ provider: contensis({ subscription }), allowIps: ["203.0.113.0/24"] }); // your own list
 * ```
 */
export const contensisOutboundIps: readonly string[] = [];

contensis.outboundIps = contensisOutboundIps;
