/**
 * One receiver per vendor, shared by every example app and the demo. Each
 * logs what its typed handlers saw: the native event with its exact payload,
 * the unified event it maps to, and any error.
 *
 * Adding a vendor is one entry in `vendors` below: its demo credentials and
 * the receiver built from them.
 */
import { blox } from "@cmshooks/blox";
import {
  CONTENSIS_RESOURCE_EVENTS,
  CONTENSIS_RESOURCE_TYPES,
  contensis,
  defineContensisSubscription,
  type ContensisTopicDefinition,
} from "@cmshooks/contensis";
import { basicAuth, createReceiver, secretHeader, secretQueryParam, type EventMap, type WebhookReceiver } from "@cmshooks/core";
import { inbenta } from "@cmshooks/inbenta";
import { kapost } from "@cmshooks/kapost";
import { kontent } from "@cmshooks/kontent";
import { storyblok } from "@cmshooks/storyblok";
import { strapi } from "@cmshooks/strapi";

/** What a handler saw: printed by the example apps, collected by the demo. */
export interface SeenEvent {
  readonly vendor: string;
  /** `native`: `receiver.on(name)`; `unified`: `onContentPublish` & co; `error`: `onError`. */
  readonly via: "native" | "unified" | "error";
  readonly name: string;
  readonly detail: string;
}

/** Where handlers report what they saw. */
export type EventLog = (seen: SeenEvent) => void;

/** A sender's credentials, in the shape `testkit.<vendor>.delivery(event, credentials)` takes. */
export interface DemoCredentials {
  /** HMAC secret (signed vendors) or secret header value. */
  readonly secret?: string;
  /** Receiver-side credentials for vendors that sign nothing. */
  readonly auth?:
    | { readonly basic: { readonly username: string; readonly password: string } }
    | { readonly header: { readonly name: string; readonly value: string } }
    | { readonly query: { readonly name: string; readonly value: string } };
}

const fromEnv = (name: string, fallback: string): string => process.env[name] || fallback;

function vendor<C extends DemoCredentials, R>(credentials: C, create: (credentials: C, log: EventLog) => R) {
  return { credentials, create: (log: EventLog): R => create(credentials, log) };
}

/** Registers the unified handlers and `onError`, which read the same for every vendor. */
function withUnifiedLog<E extends EventMap, M>(receiver: WebhookReceiver<E, M>, log: EventLog): WebhookReceiver<E, M> {
  const vendorName = receiver.provider.name;
  const unified = (event: { kind: string; items: readonly { id: string; title?: string; codename?: string }[] }) =>
    log({ vendor: vendorName, via: "unified", name: event.kind, detail: event.items.map((i) => i.title ?? i.codename ?? i.id).join(", ") });
  return receiver
    .onContentCreate(unified)
    .onContentUpdate(unified)
    .onContentPublish(unified)
    .onContentUnpublish(unified)
    .onContentDelete(unified)
    .onContentRestore(unified)
    .onWorkflowChange((event) => log({ vendor: vendorName, via: "unified", name: event.kind, detail: `${event.workflow.from?.name ?? "?"} -> ${event.workflow.to?.name ?? event.workflow.event ?? "?"}` }))
    .onTaxonomyChange((event) => log({ vendor: vendorName, via: "unified", name: event.kind, detail: `${event.taxonomy.action} ${event.taxonomy.name ?? event.taxonomy.id ?? ""}` }))
    .onUserChange((event) => log({ vendor: vendorName, via: "unified", name: event.kind, detail: `${event.user.action} ${event.user.email ?? event.user.id}` }))
    .onError((error) => log({ vendor: vendorName, via: "error", name: `${error.status} ${error.code}`, detail: error.message }));
}

/** The vendors every example receives: demo credentials (from env vars, with demo defaults) and a receiver with typed handlers. */
const vendors = {
  blox: vendor({ secret: fromEnv("BLOX_SECRET", "blox-demo-secret") }, ({ secret }, log) =>
    withUnifiedLog(createReceiver({ provider: blox({ secret }) }), log)
      .on(["editorial.create_asset", "editorial.update_asset", "editorial.delete_asset"], ({ name, payload }) =>
        log({ vendor: "blox", via: "native", name, detail: `${payload.data.type} "${payload.data.title ?? ""}" (${payload.data.uuid}, published: ${payload.data.published})` }),
      )
      .on(["user.create_user", "user.update_user", "user.delete_user"], ({ name, payload }) =>
        log({ vendor: "blox", via: "native", name, detail: `user ${payload.data.id} <${payload.data.email ?? "no email"}>` }),
      ),
  ),
  kontent: vendor({ secret: fromEnv("KONTENT_SECRET", "kontent-demo-secret") }, ({ secret }, log) =>
    withUnifiedLog(createReceiver({ provider: kontent({ secret }) }), log)
      .on("content_item_variant.publish", ({ payload }) =>
        log({ vendor: "kontent", via: "native", name: "content_item_variant.publish", detail: `${payload.data.items[0].codename} (${payload.message.api_name})` }),
      )
      .onAny((event) => {
        if (event.name !== "content_item_variant.publish") log({ vendor: "kontent", via: "native", name: event.name, detail: event.known ? `X-KC-Message-Id ${event.meta.id ?? "(newer format: none)"}` : "unknown" });
      }),
  ),
  // Contensis signs nothing: the subscription carries a secret header. This is the subscription you would
  // register with the Management API (every event, Contensis' default payloads); the receiver is built from it.
  contensis: vendor({ auth: { header: { name: "x-webhook-secret", value: fromEnv("CONTENSIS_SECRET", "contensis-demo-secret") } } }, ({ auth }, log) => {
    const subscription = defineContensisSubscription({
      name: { "en-GB": "cmshooks example" },
      url: "https://hooks.example.com/hooks/contensis",
      topics: CONTENSIS_RESOURCE_TYPES.map((resourceType) => ({ resourceType, event: [...CONTENSIS_RESOURCE_EVENTS[resourceType]] })) as ContensisTopicDefinition[],
      headers: { [auth.header.name]: { value: auth.header.value, secret: true } },
    });
    return withUnifiedLog(createReceiver({ provider: contensis({ subscription, auth: secretHeader(auth.header) }) }), log).onAny((event) =>
      log({ vendor: "contensis", via: "native", name: event.name, detail: event.known ? `${event.name} delivered` : "unknown event" }),
    );
  }),
  // Kapost signs nothing: the webhook URL carries basic-auth credentials (https://user:pass@host/hooks/kapost).
  kapost: vendor(
    { auth: { basic: { username: "kapost", password: fromEnv("KAPOST_PASSWORD", "kapost-demo-password") } } },
    ({ auth }, log) =>
      withUnifiedLog(createReceiver({ provider: kapost({ auth: basicAuth(auth.basic) }) }), log).on(
        ["content.create", "content.update", "content.publish", "content.delete"],
        ({ name, payload }) => log({ vendor: "kapost", via: "native", name, detail: `${payload.payload.full_post.id} (${payload.instance.subdomain})` }),
      ),
  ),
  // Inbenta signs nothing: a secret in the webhook URL's query string.
  inbenta: vendor({ auth: { query: { name: "token", value: fromEnv("INBENTA_TOKEN", "inbenta-demo-token") } } }, ({ auth }, log) =>
    withUnifiedLog(createReceiver({ provider: inbenta({ auth: secretQueryParam(auth.query) }) }), log).onAny((event) =>
      log({ vendor: "inbenta", via: "native", name: event.name, detail: event.known ? `trigger ${event.name}` : "unknown trigger" }),
    ),
  ),
  // Storyblok signs with the webhook secret (webhook-signature: hex HMAC-SHA1 of the body).
  storyblok: vendor({ secret: fromEnv("STORYBLOK_WEBHOOK_SECRET", "storyblok-demo-secret") }, ({ secret }, log) =>
    withUnifiedLog(createReceiver({ provider: storyblok({ secret }) }), log)
      .on(["story.published", "story.unpublished", "story.deleted", "story.moved"], ({ name, payload }) =>
        log({ vendor: "storyblok", via: "native", name, detail: `story ${payload.story_id} ${payload.full_slug ?? ""} (space ${payload.space_id})` }),
      )
      .onAny((event) => {
        if (!event.name.startsWith("story.")) log({ vendor: "storyblok", via: "native", name: event.name, detail: event.known ? "delivered" : "unknown action" });
      }),
  ),
  // Strapi signs nothing: the webhook (or config/server webhooks.defaultHeaders) sends Authorization: Bearer <token>.
  strapi: vendor({ auth: { header: { name: "authorization", value: `Bearer ${fromEnv("STRAPI_WEBHOOK_TOKEN", "strapi-demo-token")}` } } }, ({ auth }, log) =>
    withUnifiedLog(createReceiver({ provider: strapi({ auth: secretHeader(auth.header) }) }), log)
      .on(["entry.create", "entry.update", "entry.delete", "entry.publish", "entry.unpublish", "entry.draft-discard"], ({ name, payload }) =>
        log({ vendor: "strapi", via: "native", name, detail: `${payload.uid ?? payload.model} ${payload.entry.documentId ?? payload.entry.id}` }),
      )
      .onAny((event) => {
        if (!event.name.startsWith("entry.")) log({ vendor: "strapi", via: "native", name: event.name, detail: event.known ? `X-Strapi-Event ${event.meta.event ?? "(absent)"}` : "unknown event" });
      }),
  ),
};

/** A vendor this project's examples receive. */
export type DemoVendor = keyof typeof vendors;

/** The credentials each sender uses; the receivers are configured with the same. */
export const demoCredentials = Object.fromEntries(Object.entries(vendors).map(([name, v]) => [name, v.credentials])) as {
  readonly [V in DemoVendor]: (typeof vendors)[V]["credentials"];
};

/** Prints one line per thing a handler saw. */
export const printEvent: EventLog = ({ vendor, via, name, detail }) => console.log(`[${vendor}] ${via.padEnd(7)} ${name}: ${detail}`);

/**
 * One typed receiver per vendor, keyed by the name mounted at `/hooks/<vendor>`.
 *
 * @example
 * ```ts
 * for (const [name, receiver] of Object.entries(createReceivers())) app.post(`/hooks/${name}`, expressReceiver(receiver));
 * ```
 */
export function createReceivers(log: EventLog = printEvent): { readonly [V in DemoVendor]: ReturnType<(typeof vendors)[V]["create"]> } {
  return Object.fromEntries(Object.entries(vendors).map(([name, v]) => [name, v.create(log)])) as {
    readonly [V in DemoVendor]: ReturnType<(typeof vendors)[V]["create"]>;
  };
}
