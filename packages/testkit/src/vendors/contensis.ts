import {
  CONTENSIS_EVENT_NAMES,
  CONTENSIS_RESOURCE_EVENTS,
  CONTENSIS_RESOURCE_TYPES,
  contensisSampleContext,
  defineContensisSubscription,
  renderContensisDelivery,
  splitContensisEventName,
  type ContensisEventName,
  type ContensisPayloads,
  type ContensisSampleValues,
  type ContensisSubscription,
  type ContensisSubscriptionDefinition,
  type ContensisTopicDefinition,
} from "@cmshooks/contensis";
import { deepMerge } from "../deep-merge.js";
import { authHeaders, makeDelivery, pathWithAuth } from "../make-delivery.js";
import { SampleData } from "../sample-data.js";
import type { DeepPartial, DeliveryOptions, TestAuth, TestDelivery, VendorTestkit } from "../test-delivery.js";

/**
 * The secret header of {@link contensisTestSubscription}.
 *
 * @example
 * ```ts
 * (await contensisTestkit.delivery("entry.published")).headers[CONTENSIS_TEST_SECRET_HEADER]; // "contensis-test-secret"
 * ```
 */
export const CONTENSIS_TEST_SECRET_HEADER = "x-webhook-secret";
const DEFAULT_SECRET = "contensis-test-secret";

/**
 * A subscription to every event of every resource type, without templates
 * (so every delivery has Contensis' default payload), authenticated by the
 * secret header `x-webhook-secret`.
 *
 * @example
 * ```ts
 * createReceiver({ provider: contensis({ subscription: contensisTestSubscription }) });
 * ```
 */
export const contensisTestSubscription = defineContensisSubscription({
  name: { "en-GB": "cmshooks test subscription" },
  url: "https://hooks.example.com/contensis",
  topics: CONTENSIS_RESOURCE_TYPES.map((resourceType) => ({ resourceType, event: [...CONTENSIS_RESOURCE_EVENTS[resourceType]] })) as ContensisTopicDefinition[],
  headers: { [CONTENSIS_TEST_SECRET_HEADER]: { value: DEFAULT_SECRET, secret: true } },
});

/** What shapes one Contensis test event besides the seed. */
export interface ContensisPayloadOptions<P> {
  readonly seed?: number;
  readonly overrides?: DeepPartial<P>;
  /** Content type of the entry, asset or form; picks `entry.<id>` templates. Default: the first one the event's topics name, else `news`. */
  readonly contentTypeId?: string;
  /** Exact values of the event context (ids, title, user, department…), over the seeded ones. */
  readonly values?: Partial<ContensisSampleValues>;
}

/** Options of a Contensis kit's `delivery()`. `secret` is the value of the subscription's secret header. */
export type ContensisDeliveryOptions<P> = DeliveryOptions<P> & ContensisPayloadOptions<P>;

/** A Contensis kit: the VendorTestkit contract, for one subscription. */
export interface ContensisTestkit<E extends Record<string, unknown>> extends VendorTestkit<E> {
  /** The subscription deliveries are rendered for. */
  readonly subscription: ContensisSubscription;
  payload<K extends keyof E & string>(event: K, options?: ContensisPayloadOptions<E[K]>): E[K];
  delivery<K extends keyof E & string>(event: K, options?: ContensisDeliveryOptions<E[K]>): Promise<TestDelivery<K, E[K]>>;
}

function seededValues(event: string, seed: number, contentTypeId: string, values: Partial<ContensisSampleValues> | undefined): Partial<ContensisSampleValues> {
  // Each event gets its own stream, so two events of one seed never share an event id (the dedupe key).
  const data = new SampleData(seed * 1009 + CONTENSIS_EVENT_NAMES.indexOf(event as ContensisEventName) + 1);
  const person = data.person();
  return {
    eventId: data.uuid(),
    resourceId: data.uuid(),
    dateTime: data.isoDate().replace("Z", `.${String(data.int(0, 999)).padStart(3, "0")}Z`),
    title: data.title(),
    department: data.pick(["Newsroom", "Transport", "Culture", "Sport", "Business"]),
    user: { username: person.username, firstName: person.first, lastName: person.last, email: person.email },
    contentTypeId,
    ...values,
  };
}

function defaultContentType(subscription: ContensisSubscription, event: string): string {
  const split = splitContensisEventName(event);
  const topic = subscription.topics.find(
    (t) => t.resourceType === split?.resourceType && (t.event as readonly string[]).includes(split.event) && t.contentTypeId?.length,
  );
  return topic?.contentTypeId?.[0] ?? "news";
}

/**
 * Test deliveries for one subscription: each rendered as Contensis would
 * (its templates, URL and templated headers, with `renderContensisDelivery`),
 * authenticated with its secret header.
 *
 * @example
 * ```ts
 * const kit = contensisTestkitFor(subscription);
 * const delivery = await kit.delivery("entry.published", { contentTypeId: "news" });
 * await receiver.handle({ method: delivery.method, headers: delivery.headers, body: delivery.body });
 * ```
 */
export function contensisTestkitFor<D extends ContensisSubscriptionDefinition>(
  subscription: ContensisSubscription<D>,
): ContensisTestkit<ContensisPayloads<D>> {
  const plain = subscription as unknown as ContensisSubscription;
  const secretHeader = plain.secretHeaders[0];

  const render = (event: string, options: ContensisPayloadOptions<unknown>) => {
    const contentTypeId = options.contentTypeId ?? defaultContentType(plain, event);
    const context = contensisSampleContext(event as ContensisEventName, seededValues(event, options.seed ?? 1, contentTypeId, options.values));
    return renderContensisDelivery(plain, context);
  };

  const authFor = (secret: string | undefined, auth: TestAuth | undefined): Record<string, string> => {
    if (auth) return authHeaders(auth);
    if (!secretHeader) return {};
    return { [secretHeader.name.toLowerCase()]: secret ?? secretHeader.value };
  };

  const kit: ContensisTestkit<Record<string, unknown>> = {
    vendor: "contensis",
    events: [...CONTENSIS_EVENT_NAMES],
    subscription: plain,
    payload: (event, options = {}) => deepMerge(render(event, options).payload, options.overrides),
    async delivery(event, options = {}) {
      const rendered = render(event, options);
      const secretNames = new Set(plain.secretHeaders.map((h) => h.name.toLowerCase()));
      const headers = Object.fromEntries(Object.entries(rendered.headers).filter(([name]) => !secretNames.has(name)));
      return makeDelivery({
        vendor: "contensis",
        event,
        payload: deepMerge(rendered.payload, options.overrides),
        path: pathWithAuth("/hooks/contensis", options.auth),
        method: rendered.method,
        headers: { ...headers, ...options.headers },
        sign: async () => authFor(options.secret, options.auth),
      });
    },
    async sign(_body, { secret, auth }) {
      return authFor(secret, auth);
    },
  };
  return kit as unknown as ContensisTestkit<ContensisPayloads<D>>;
}

/**
 * Contensis test deliveries of every native event in the default payload,
 * for {@link contensisTestSubscription} (secret header `x-webhook-secret`,
 * value `contensis-test-secret` unless `secret` says otherwise).
 *
 * @example
 * ```ts
 * const delivery = await testkit.contensis.delivery("entry.published", { secret: "s3cret" });
 * ```
 */
export const contensisTestkit = contensisTestkitFor(contensisTestSubscription);
