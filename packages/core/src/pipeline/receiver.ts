import type { Authenticator } from "../auth/authenticator.js";
import type { TenantContext } from "../auth/tenant-secrets.js";
import type { CryptoEngine } from "../crypto/engine.js";
import { toBytes } from "../crypto/encoding.js";
import type { DedupeOptions, DedupeStore } from "../dedupe/dedupe-store.js";
import {
  ConfigurationError,
  EventWarning,
  ForbiddenSourceError,
  HandlerError,
  InvalidBodyError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  WebhookError,
} from "../errors.js";
import { toHeaderReader, type HeaderReader, type HeadersInput } from "../headers.js";
import { compileIpMatcher, type IpAllowlist } from "../ip/allowlist.js";
import { compileClientIpResolver, type ClientIpResolver, type ForwardingHeader, type TrustProxyOption } from "../ip/trust-proxy.js";
import type { AnyNativeEvent, NativeEventOf } from "../native-events.js";
import type { Logger } from "../observability/logger.js";
import { Reporter, type ErrorContext } from "../observability/reporter.js";
import { injectTraceContext, ReceiverTelemetry, runInContext, withTraceContext, type DeliveryObservation } from "../observability/telemetry.js";
import type { EventMap, Provider, RouteContext, RoutedEvent } from "../provider.js";
import { UNIFIED_KINDS, type AnyNativesByKind, type UnifiedEventOf, type UnifiedKind, type UnifiedNatives } from "../unified-events.js";
import { authenticate } from "./authenticate.js";
import { KnownBodyHash, LazyBodyHash, type BodyHash } from "./body-hash.js";
import { dedupeClaims, settleClaim } from "./dedupe-claims.js";
import { EventRecord } from "./event-record.js";
import { Listeners, type Handler } from "./listeners.js";
import { canCarryJson } from "./media-type.js";
import { parseJsonBody } from "./parse-json.js";
import { readRequestBody } from "./read-request-body.js";
import { ACCEPTED_RESPONSE, DUPLICATE_RESPONSE, errorResponse, IGNORED_RESPONSE, OK_RESPONSE, type ReceiverResponse } from "./responses.js";
import { DeliveryTenant } from "./delivery-tenant.js";
import { validateEvents } from "./validate-events.js";
import { DeliveryLog, type DeliveryLogOptions } from "./delivery-log.js";

export type { ErrorContext } from "../observability/reporter.js";

/** Options of `createReceiver`. */
export interface ReceiverOptions<P = Provider> {
  /** The sender: `blox({ secret })`, `kontent({ secret })`, … */
  provider: P;
  /**
   * Source addresses and CIDRs (v4 and v6) allowed to deliver; others get 403 before the body is read.
   * An empty list is refused; a list that covers every address is no authenticity check.
   */
  allowIps?: readonly string[];
  /** Which peers may tell us the client address through `X-Forwarded-For` / `Forwarded`. Default: nobody. */
  trustProxy?: TrustProxyOption;
  /**
   * The header your trusted proxies write: `"x-forwarded-for"` (default, as Express) or `"forwarded"` (RFC 7239).
   * A delivery from a trusted proxy that carries both, naming different clients, has an unknown client (403 with `allowIps`).
   */
  forwardedHeader?: ForwardingHeader;
  /** Largest body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Run without any authenticity check. Only for senders you reach through a private network. */
  allowUnauthenticated?: boolean;
  /** Handle each delivery once: a store (`memoryDedupeStore()`, `redisDedupeStore(...)`) or full options. */
  dedupe?: DedupeStore | DedupeOptions;
  /**
   * Hand verified, validated events to durable storage (a queue) instead of
   * running handlers inline; the sender gets its answer once `enqueue`
   * resolves. Handlers then run where the queue is consumed, via `receiver.dispatch`.
   */
  handoff?: Handoff;
  /**
   * Names the tenant of a delivery, for credentials that depend on it (`secret: ({ tenant }) => …`), for
   * `event.tenant` and for the dedupe key (two tenants' deliveries never collide). Runs before verification:
   * read only what the vendor puts outside the signature. Default: the `tenant` route parameter.
   */
  tenant?: (context: Omit<TenantContext, "tenant">) => string | undefined;
  /**
   * Where failures and warnings are written: a pino-, winston- or console-shaped logger.
   * Default: `console` while no `onError` listener is registered. `false` silences it.
   */
  log?: Logger | false;
  /** Record deliveries (by default the failed ones, 5xx), credentials masked, to replay them later. */
  deliveryLog?: DeliveryLogOptions;
}

/** Where verified events go when handlers run elsewhere (see `@cmshooks/queue`). */
export interface Handoff {
  /** Stores the events durably; reject when they could not be stored (the sender gets 503 and retries). */
  enqueue(events: readonly HandoffEvent[]): Promise<void>;
  /** Answer 202 instead of 200 once queued. Default 200. */
  readonly status?: 200 | 202;
}

/** A verified, validated event in plain JSON-safe values, ready to be queued and dispatched later. */
export interface HandoffEvent {
  readonly name: string;
  readonly payload: unknown;
  readonly source: string;
  readonly deliveryId: string;
  readonly index: number;
  readonly meta: unknown;
  /** W3C trace context of the delivery (`traceparent`, …) when it was traced, so the worker continues the trace. */
  readonly traceContext?: Readonly<Record<string, string>> | undefined;
}

/** One delivery in plain values: what every adapter passes to `receiver.handle`. */
export interface DeliveryInput {
  readonly method: string;
  readonly headers: HeadersInput;
  /** The raw bytes, or a reader called (with the limit) only once the cheap checks passed. */
  readonly body: Uint8Array | string | ((limit: number) => Promise<Uint8Array>);
  /** The peer address (socket), before `trustProxy` is applied. */
  readonly ip?: string | undefined;
  /** Request target (path and query), for query-string secrets. */
  readonly url?: string | undefined;
  /** Route parameters (Express `req.params`, …), for receivers that serve many tenants. */
  readonly params?: Readonly<Record<string, string>> | undefined;
}

type UnifiedHandler<K extends UnifiedKind, E extends EventMap, M, N extends UnifiedNatives> = (event: UnifiedEventOf<K, E, M, N[K]>) => unknown;

const DEFAULT_MAX_BODY = 1_048_576;
const EMPTY_HEADERS: HeaderReader = { get: () => undefined };
const EMPTY = new Uint8Array(0);
const unreachableHash: BodyHash = {
  hex: () => {
    throw new Error("a handed-off event always carries its delivery id");
  },
};

function toHandoffEvent(record: EventRecord, traceContext: Record<string, string> | undefined): HandoffEvent {
  const event = { name: record.name, payload: record.payload, source: record.source, deliveryId: record.deliveryId, index: record.index, meta: record.meta };
  return traceContext ? { ...event, traceContext } : event;
}

/** The answer once handlers ran: a handler's failure is thrown for `handle` to answer and observe. */
function toResponse(outcome: RunOutcome): ReceiverResponse {
  if (outcome instanceof HandlerError) throw outcome;
  return outcome === "duplicate" ? DUPLICATE_RESPONSE : OK_RESPONSE;
}

/** The outcome attribute of a delivery answered 2xx. */
function okOutcome(response: ReceiverResponse, warning: string | undefined): string {
  return response === DUPLICATE_RESPONSE ? "duplicate" : response === IGNORED_RESPONSE ? "ignored" : (warning ?? "ok");
}

/** What the events of one delivery came to: nothing failed, a handler failed, or every id was handled before. */
type RunOutcome = HandlerError | "duplicate" | undefined;

/**
 * A webhook receiver for one sender: verifies, validates and dispatches each
 * delivery to typed handlers. Create it with `createReceiver`.
 *
 * @example
 * ```ts
 * const receiver: WebhookReceiver = createReceiver({ provider: blox({ secret: process.env.BLOX_SECRET! }) });
 * receiver.on("editorial.update_asset", ({ payload }) => purge(payload.data.url));
 * export default { fetch: (request: Request) => receiver.fetch(request) };
 * ```
 *
 * `E` maps native names to payload types, `M` is the header metadata type and
 * `N` gives, per unified kind, the native names that can map to it (every
 * native by default; `Receiver<P>` derives it from the provider).
 */
export class WebhookReceiver<E extends EventMap = EventMap, M = unknown, N extends UnifiedNatives = AnyNativesByKind<E>> {
  /** Largest accepted body in bytes; adapters read at most this much. */
  readonly maxBodyBytes: number;
  readonly provider: Provider<E, M>;
  readonly #engine: CryptoEngine;
  readonly #allowlist: IpAllowlist | undefined;
  readonly #clientIp: ClientIpResolver;
  readonly #trustsProxies: boolean;
  readonly #preBodyAuth: readonly Authenticator[];
  readonly #bodyAuth: readonly Authenticator[];
  readonly #methods: readonly string[];
  readonly #dedupe: Required<DedupeOptions> | undefined;
  readonly #handoff: Handoff | undefined;
  readonly #deliveryLog: DeliveryLog | undefined;
  readonly #listeners = new Listeners();
  /** Event names already reported as reaching no handler. */
  readonly #unheard = new Set<string>();
  readonly #reporter: Reporter;
  readonly #telemetry: ReceiverTelemetry;
  /** Set when a credential depends on the delivery, or the app names tenants. */
  readonly #tenantOf: ((context: Omit<TenantContext, "tenant">) => string | undefined) | undefined;

  constructor(options: ReceiverOptions<Provider<E, M>>, engine: CryptoEngine) {
    const { provider } = options;
    if (!provider || typeof provider.route !== "function") {
      throw new ConfigurationError("createReceiver: `provider` is required, e.g. provider: blox({ secret })");
    }
    this.provider = provider;
    this.#engine = engine;
    const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    if (!Number.isSafeInteger(max) || max < 1) throw new ConfigurationError(`createReceiver: maxBodyBytes must be a positive integer, got ${max}`);
    this.maxBodyBytes = max;
    if (options.allowIps !== undefined && Array.isArray(options.allowIps) && options.allowIps.length === 0) {
      throw new ConfigurationError("createReceiver: allowIps is empty, so every delivery would get 403. List the sender's addresses, or leave allowIps out.");
    }
    const allowlist = options.allowIps === undefined ? undefined : compileIpMatcher(options.allowIps, "allowIps");
    this.#allowlist = allowlist;
    this.#clientIp = compileClientIpResolver(options.trustProxy, { header: options.forwardedHeader ?? "x-forwarded-for" });
    this.#trustsProxies = options.trustProxy !== undefined && options.trustProxy !== false && options.trustProxy !== 0;
    this.#preBodyAuth = provider.auth.filter((a) => !a.needsBody);
    this.#bodyAuth = provider.auth.filter((a) => a.needsBody);
    this.#methods = provider.methods;
    const allowlistAuthenticates = allowlist !== undefined && !allowlist.coversEveryAddress();
    if (provider.auth.length === 0 && !allowlistAuthenticates && options.allowUnauthenticated !== true) {
      const why = allowlist ? " (allowIps covers every address, so it proves nothing)" : "";
      throw new ConfigurationError(
        `createReceiver: the ${provider.name} provider has no authenticity check${why}. Pass one (${provider.authAdvice ?? "a secret, secretHeader(), basicAuth(), secretQueryParam()"}), ` +
          "or allowIps with the sender's addresses, or opt out explicitly with allowUnauthenticated: true.",
      );
    }
    if (options.handoff !== undefined && typeof options.handoff?.enqueue !== "function") {
      throw new ConfigurationError("createReceiver: handoff needs an enqueue(events) function");
    }
    this.#handoff = options.handoff;
    const dedupe = options.dedupe;
    if (dedupe) {
      const opts: DedupeOptions = "store" in dedupe ? dedupe : { store: dedupe };
      if (typeof opts.store?.claim !== "function") throw new ConfigurationError("createReceiver: dedupe needs a store with claim/complete/release");
      this.#dedupe = {
        store: opts.store,
        processingTtlMs: opts.processingTtlMs ?? 60_000,
        doneTtlMs: opts.doneTtlMs ?? 86_400_000,
        retryAfterSeconds: opts.retryAfterSeconds ?? 5,
      };
    }
    const log = options.log;
    if (log !== undefined && log !== false && (typeof log !== "object" || log === null || typeof log.error !== "function" || typeof log.warn !== "function")) {
      throw new ConfigurationError("createReceiver: log must be a logger with error() and warn() (console, pino, winston), or false");
    }
    this.#reporter = new Reporter(provider.name, log);
    this.#telemetry = new ReceiverTelemetry(provider.name);
    if (options.tenant !== undefined && typeof options.tenant !== "function") {
      throw new ConfigurationError("createReceiver: tenant must be a function of the delivery, e.g. ({ params }) => params.tenant");
    }
    this.#tenantOf = options.tenant ?? (provider.auth.some((a) => a.perTenant) ? tenantParam : undefined);
    this.#listeners.unheard = (record, kinds) => this.#reportUnheard(record, kinds);
    this.#deliveryLog = options.deliveryLog && new DeliveryLog(options.deliveryLog, provider.auth, (e) => this.#reporter.report(e, { ip: undefined }));
  }

  /**
   * Listens to one native event (or several) with its exact payload type.
   *
   * @example
   * ```ts
   * receiver.on("editorial.update_asset", ({ payload }) => purge(payload.data.url));
   * ```
   */
  on<K extends keyof E & string>(name: K | readonly K[], handler: (event: NativeEventOf<E, K, M>) => unknown): this {
    for (const n of typeof name === "string" ? [name] : name) {
      if (!this.provider.events.has(n)) {
        throw new ConfigurationError(`${this.provider.name} has no event "${n}"; known: ${this.provider.eventNames.join(", ")}`);
      }
      this.#listeners.add(this.#listeners.native, n, handler as Handler);
    }
    return this;
  }

  /** Listens to every native event, known or unknown. */
  onAny(handler: (event: AnyNativeEvent<E, M>) => unknown): this {
    this.#listeners.any.push(handler as Handler);
    return this;
  }

  /**
   * Listens to errors: handler failures (500), rejected deliveries (4xx) and
   * warnings (unknown or invalid events that were acknowledged). Never throws
   * back into the pipeline. While no listener is registered and no `log` was
   * given, the same reports go to `console`.
   */
  onError(handler: (error: WebhookError, context: ErrorContext) => unknown): this {
    this.#reporter.listeners.push(handler);
    return this;
  }

  /** Removes a listener added with `on`, `onAny`, `onError` or any unified `onX`. */
  removeListener(handler: (...args: never[]) => unknown): this {
    this.#listeners.remove(handler);
    const errors = this.#reporter.listeners;
    const i = errors.indexOf(handler as never);
    if (i >= 0) errors.splice(i, 1);
    return this;
  }

  /** A content item was created. */
  onContentCreate(handler: UnifiedHandler<"content.create", E, M, N>): this {
    return this.#onUnified("content.create", handler);
  }
  /** A content item changed (including preview-slot changes). */
  onContentUpdate(handler: UnifiedHandler<"content.update", E, M, N>): this {
    return this.#onUnified("content.update", handler);
  }
  /**
   * Content went live.
   *
   * @example
   * ```ts
   * receiver.onContentPublish(async (event) => cdn.purge(event.items.map((i) => i.url)));
   * ```
   */
  onContentPublish(handler: UnifiedHandler<"content.publish", E, M, N>): this {
    return this.#onUnified("content.publish", handler);
  }
  /** Content was taken offline. */
  onContentUnpublish(handler: UnifiedHandler<"content.unpublish", E, M, N>): this {
    return this.#onUnified("content.unpublish", handler);
  }
  /** Content was deleted or archived. */
  onContentDelete(handler: UnifiedHandler<"content.delete", E, M, N>): this {
    return this.#onUnified("content.delete", handler);
  }
  /** Deleted or archived content was restored. */
  onContentRestore(handler: UnifiedHandler<"content.restore", E, M, N>): this {
    return this.#onUnified("content.restore", handler);
  }
  /** Content moved between workflow steps, or a workflow event was raised. */
  onWorkflowChange(handler: UnifiedHandler<"workflow.change", E, M, N>): this {
    return this.#onUnified("workflow.change", handler);
  }
  /** A taxonomy or category changed, was moved, created or deleted. */
  onTaxonomyChange(handler: UnifiedHandler<"taxonomy.change", E, M, N>): this {
    return this.#onUnified("taxonomy.change", handler);
  }
  /** A user account was created, changed or deleted. */
  onUserChange(handler: UnifiedHandler<"user.change", E, M, N>): this {
    return this.#onUnified("user.change", handler);
  }

  #onUnified(kind: UnifiedKind, handler: (event: never) => unknown): this {
    this.#listeners.add(this.#listeners.unified as Map<string, Handler[]>, kind, handler);
    return this;
  }

  /**
   * Runs one delivery through the pipeline and returns the answer. Never
   * throws: every outcome is a status from the table in the core README
   * ("The pipeline and its statuses").
   *
   * @example
   * ```ts
   * const { status, headers, body } = await receiver.handle({ method: "POST", headers: req.headers, body: rawBytes, ip });
   * ```
   */
  handle(input: DeliveryInput): Promise<ReceiverResponse> {
    return this.#deliveryLog ? this.#deliveryLog.around(input, (captured) => this.#handle(captured)) : this.#handle(input);
  }

  /**
   * One delivery, start to end. The steps below run synchronously while each
   * step is (bytes in hand, Node's hashing, synchronous handlers): a promise
   * only where something is asynchronous, so a delivery that needs none is
   * answered with an already settled promise, the usual 200's shared one.
   */
  #handle(input: DeliveryInput): Promise<ReceiverResponse> {
    const delivery = new Delivery(this.#telemetry.begin());
    try {
      const response = this.#receive(input, delivery);
      if (response instanceof Promise) return response.then((r) => this.#answered(r, delivery), (error: unknown) => this.#failed(error, delivery));
      return settled(this.#answered(response, delivery));
    } catch (error) {
      return settled(this.#failed(error, delivery));
    }
  }

  /** The checks that need no body, then the pre-body credentials (a secret header, a query secret, …). */
  #receive(input: DeliveryInput, delivery: Delivery): ReceiverResponse | Promise<ReceiverResponse> {
    // Upper-casing is a call into the runtime: only for a method not already written the usual way.
    if (!this.#methods.includes(input.method)) {
      const method = input.method.toUpperCase();
      if (!this.#methods.includes(method)) throw new MethodNotAllowedError(method, this.#methods);
    }
    const headers = toHeaderReader(input.headers);
    const ip = (delivery.ip = this.#clientIp(input.ip, headers));
    if (this.#allowlist && !this.#allowlist.has(ip)) throw this.#forbidden(ip, headers);
    const declared = headers.get("content-length");
    if (declared !== undefined && Number(declared) > this.maxBodyBytes) throw new PayloadTooLargeError(this.maxBodyBytes);
    const contentType = headers.get("content-type");
    if (!canCarryJson(contentType)) throw new UnsupportedMediaTypeError(contentType ?? "");
    const tenant = this.#tenantOf ? new DeliveryTenant(this.#tenantOf, input.params, headers) : undefined;
    const checked = this.#preBodyAuth.length ? authenticate(this.#preBodyAuth, { headers, body: EMPTY, url: input.url, tenant }) : undefined;
    if (checked) return checked.then(() => this.#receiveBody(input, headers, tenant, delivery));
    return this.#receiveBody(input, headers, tenant, delivery);
  }

  /** The body, read only now that the cheap checks passed. */
  #receiveBody(input: DeliveryInput, headers: HeaderReader, tenant: DeliveryTenant | undefined, delivery: Delivery): ReceiverResponse | Promise<ReceiverResponse> {
    // A reader written to return bytes rather than a promise of them is taken as well.
    if (typeof input.body === "function") return Promise.resolve(input.body(this.maxBodyBytes)).then((body) => this.#verify(input, headers, body, tenant, delivery));
    return this.#verify(input, headers, toBytes(input.body), tenant, delivery);
  }

  /** The body's size and the credentials over it (an HMAC signature, …). */
  #verify(input: DeliveryInput, headers: HeaderReader, body: Uint8Array, tenant: DeliveryTenant | undefined, delivery: Delivery): ReceiverResponse | Promise<ReceiverResponse> {
    if (body.length > this.maxBodyBytes) throw new PayloadTooLargeError(this.maxBodyBytes);
    if (tenant) tenant.body = body;
    const checked = this.#bodyAuth.length ? authenticate(this.#bodyAuth, { headers, body, url: input.url, tenant }) : undefined;
    if (checked) return checked.then(() => this.#observed(headers, body, tenant, delivery));
    return this.#observed(headers, body, tenant, delivery);
  }

  /** Runs the rest inside the delivery's trace context, when it is traced, so handlers' spans are its children. */
  #observed(headers: HeaderReader, body: Uint8Array, tenant: DeliveryTenant | undefined, delivery: Delivery): ReceiverResponse | Promise<ReceiverResponse> {
    const tenantName = tenant?.tenant;
    if (!delivery.observation) return this.#process(headers, body, delivery, tenantName);
    return runInContext(delivery.observation.context, () => this.#process(headers, body, delivery, tenantName));
  }

  /** The answer to a delivery that went through, observed; should observing it throw, the delivery failed. */
  #answered(response: ReceiverResponse, delivery: Delivery): ReceiverResponse {
    try {
      delivery.observation?.end(response.status, okOutcome(response, delivery.observation.warning), delivery.ip);
      return response;
    } catch (error) {
      return this.#failed(error, delivery);
    }
  }

  /** The answer to a delivery that failed, reported and observed. */
  #failed(error: unknown, { observation, ip }: Delivery): ReceiverResponse {
    const failure =
      error instanceof WebhookError
        ? error
        : error instanceof RangeError
          ? // A payload nested deeper than the stack allows (handlers' own errors never reach here).
            new InvalidBodyError("invalid_json", "The body is nested too deeply to process", error)
          : new WebhookError(500, "internal_error", "Internal error", { cause: error });
    // Handler failures were reported one by one as they happened.
    if (!(failure instanceof HandlerError)) this.#reporter.report(failure, { ip });
    observation?.end(failure.status, failure.code, ip, failure.status >= 500 ? (failure.cause ?? failure) : undefined);
    return errorResponse(failure);
  }

  /**
   * The same pipeline for fetch runtimes (Workers, Bun, Deno, Next.js route
   * handlers): `Request` in, `Response` out. Pass the client address where the
   * runtime knows it (e.g. `request.headers.get("cf-connecting-ip")` on Workers),
   * `timeoutMs` to answer 408 when the body has not arrived in time
   * (default: no timeout of its own; the runtime's applies), and the route's
   * `params` for receivers that serve many tenants.
   *
   * @example
   * ```ts
   * export default { fetch: (request: Request) => receiver.fetch(request) };
   * ```
   */
  async fetch(
    request: Request,
    options: { ip?: string | undefined; timeoutMs?: number | undefined; params?: Readonly<Record<string, string>> | undefined } = {},
  ): Promise<Response> {
    const result = await this.handle({
      method: request.method,
      headers: request.headers,
      body: (limit) => readRequestBody(request, limit, options.timeoutMs),
      ip: options.ip,
      url: request.url,
      params: options.params,
    });
    // A fresh headers object: runtimes such as @hono/node-server add Content-Length to it.
    return new Response(result.body, { status: result.status, headers: { ...result.headers } });
  }

  /**
   * An event that reached no handler: acknowledged, so the sender will not
   * send it again. Reported the first time each event name arrives (a
   * receiver that means to ignore an event is told once, not per delivery),
   * with the listeners that would have taken it.
   */
  #reportUnheard(record: EventRecord, kinds: readonly UnifiedKind[]): void {
    if (this.#unheard.has(record.name)) return;
    this.#unheard.add(record.name);
    const unified = kinds.map((kind) => `receiver.${UNIFIED_KINDS[kind]}()`);
    const hint = `Listen with receiver.on(${JSON.stringify(record.name)})${unified.length ? `, ${unified.join(", ")}` : ""} or receiver.onAny(); a receiver that means to ignore it can leave it so.`;
    this.#reporter.report(new EventWarning("unhandled_event", record.name, record.index, { hint }), { ip: undefined, event: record });
  }

  /** The 403 for a client outside the allowlist, with what most likely went wrong. */
  #forbidden(ip: string | undefined, headers: HeaderReader): ForbiddenSourceError {
    const problem = this.#clientIp.problem;
    if (problem === "conflicting_headers") {
      return new ForbiddenSourceError(undefined, "A trusted proxy's request carried both X-Forwarded-For and Forwarded, naming different clients; set forwardedHeader to the one your proxy writes, and have it overwrite the other.", "X-Forwarded-For and Forwarded disagree");
    }
    if (problem === "unreadable_hop") {
      return new ForbiddenSourceError(undefined, "A hop after a trusted proxy is not an IP address (e.g. `unknown`); check what the proxy writes.", "a forwarded hop is not an address");
    }
    if (!this.#trustsProxies && headers.get("x-forwarded-for") !== undefined) {
      return new ForbiddenSourceError(ip, `The request came through a proxy (X-Forwarded-For is set) but trustProxy is not: ${ip ?? "the peer"} is the proxy's address. Set trustProxy to your proxies (e.g. trustProxy: 1, or their CIDRs).`);
    }
    return new ForbiddenSourceError(ip);
  }

  /**
   * Parse, route, validate, then hand off or run. Synchronous where every
   * step is (Node's hashing, synchronous handlers, the memory store): a promise
   * only where something is asynchronous, so a delivery creates as few as it can.
   */
  #process(headers: HeaderReader, body: Uint8Array, delivery: Delivery, tenant: string | undefined): ReceiverResponse | Promise<ReceiverResponse> {
    const provider = this.provider;
    const meta = provider.readMeta(headers);
    if (provider.accept && !provider.accept(meta, headers)) return IGNORED_RESPONSE;

    const json = parseJsonBody(body);
    const routed = provider.route(json, new DeliveryRouteContext(headers, meta, this.#reporter, delivery.ip));
    const engine = this.#engine;
    if (engine.sync) return this.#dispatch(routed, meta, headers, new LazyBodyHash(engine, body), delivery, tenant);
    return Promise.resolve(engine.sha256Hex(body)).then((hex) => this.#dispatch(routed, meta, headers, new KnownBodyHash(hex), delivery, tenant));
  }

  /** Validate the routed events, then hand them off or run their handlers. */
  #dispatch(
    routed: readonly RoutedEvent[],
    meta: unknown,
    headers: HeaderReader,
    bodyHash: BodyHash,
    { ip, observation }: Delivery,
    tenant: string | undefined,
  ): ReceiverResponse | Promise<ReceiverResponse> {
    const { records, warnings } = validateEvents(this.provider as Provider, routed, meta, headers, bodyHash);
    if (tenant !== undefined) for (const record of records) record.tenant = tenant;
    for (let i = 0; i < warnings.length; i++) this.#reporter.report(warnings[i]!, { ip });
    if (observation) observation.events(records, warnings);
    if (this.#handoff) return this.#handOff(this.#handoff, records, observation);
    const outcome = this.#run(records, ip, false);
    return outcome instanceof Promise ? outcome.then(toResponse) : toResponse(outcome);
  }

  async #handOff(handoff: Handoff, records: readonly EventRecord[], observation: DeliveryObservation | undefined): Promise<ReceiverResponse> {
    const traceContext = observation?.context ? injectTraceContext(observation.context) : undefined;
    try {
      await handoff.enqueue(records.map((record) => toHandoffEvent(record, traceContext)));
    } catch (cause) {
      if (!isSerialisable(records)) {
        // No retry can fix a body that cannot be written out again (e.g. nested beyond the stack): a 4xx, not a 503.
        throw new InvalidBodyError("invalid_json", "The body is nested too deeply to queue", cause);
      }
      throw new WebhookError(503, "handoff_failed", "The delivery could not be queued; retry later", { cause, headers: { "retry-after": "5" } });
    }
    return handoff.status === 202 ? ACCEPTED_RESPONSE : OK_RESPONSE;
  }

  /**
   * Runs the handlers of events that were handed off (e.g. by a queue worker),
   * with the receiver's dedupe. Rejects with the first {@link HandlerError}
   * when a handler failed, so the queue retries; every failure reaches `onError`.
   *
   * @example
   * ```ts
   * new Worker("webhooks", (job) => receiver.dispatch(job.data), { connection });
   * ```
   */
  async dispatch(events: HandoffEvent | readonly HandoffEvent[]): Promise<void> {
    const list = Array.isArray(events) ? (events as readonly HandoffEvent[]) : [events as HandoffEvent];
    const records = list.map(
      (e) =>
        new EventRecord(e.name, e.payload, e.source, e.meta, EMPTY_HEADERS, e.index, this.provider.events.has(e.name), e.deliveryId, unreachableHash),
    );
    await withTraceContext(list[0]?.traceContext, async () => {
      const observation = this.#telemetry.begin("cmshooks.dispatch");
      let outcome: RunOutcome;
      try {
        observation?.events(records, []);
        outcome = await runInContext(observation?.context, () => this.#run(records, undefined, true));
      } catch (error) {
        // Handler failures were reported by #run; a failing dedupe store is reported here.
        if (error instanceof WebhookError) this.#reporter.report(error, { ip: undefined });
        observation?.end(error instanceof WebhookError ? error.status : 500, error instanceof WebhookError ? error.code : "internal_error", undefined, error);
        throw error;
      }
      if (outcome instanceof WebhookError) {
        observation?.end(outcome.status, outcome.code, undefined, outcome.cause ?? outcome);
        throw outcome;
      }
      observation?.end(200, outcome === "duplicate" ? "duplicate" : "ok", undefined);
    });
  }

  /**
   * Dedupe claims, then handlers for each event; returns the first failure,
   * "duplicate", or undefined. Events of one delivery that share a delivery id
   * share one claim: all of them run under it, and it is completed only when
   * all of them succeeded.
   *
   * Marking an id done is off the answer path unless `awaitDone` (queue
   * workers, whose job must not end first): the sender gets its 200 after one
   * round trip to the store, not two. Should the process die between the
   * answer and the mark, the claim expires after `processingTtlMs`; the sender,
   * answered 200, does not retry, so the handlers still ran once. A release
   * (handlers failed) is always awaited, so the retry finds the id free.
   */
  #run(records: readonly EventRecord[], ip: string | undefined, awaitDone: boolean): RunOutcome | Promise<RunOutcome> {
    return this.#dedupe ? this.#runClaimed(this.#dedupe, records, ip, awaitDone) : this.#runEach(records, ip, 0, undefined);
  }

  /** Runs each event's handlers in order, staying synchronous while they are. */
  #runEach(records: readonly EventRecord[], ip: string | undefined, from: number, failure: HandlerError | undefined): RunOutcome | Promise<RunOutcome> {
    for (let i = from; i < records.length; i++) {
      const error = this.#runEvent(records[i]!, ip);
      if (error instanceof Promise) return error.then((e) => this.#runEach(records, ip, i + 1, failure ?? e));
      failure ??= error;
    }
    return failure;
  }

  async #runClaimed(dedupe: Required<DedupeOptions>, records: readonly EventRecord[], ip: string | undefined, awaitDone: boolean): Promise<RunOutcome> {
    const ids: string[] = [];
    const groups: EventRecord[][] = [];
    for (const record of records) {
      // Two tenants' deliveries never share a claim, even when their vendors' ids are equal.
      const id = record.tenant === undefined ? record.deliveryId : `${record.tenant}\u0000${record.deliveryId}`;
      const at = ids.indexOf(id);
      if (at >= 0) groups[at]!.push(record);
      else {
        ids.push(id);
        groups.push([record]);
      }
    }
    const claims = await dedupeClaims(dedupe, ids, (e) => this.#reporter.report(e, { ip }));
    if (claims === undefined) return "duplicate";
    let failure: HandlerError | undefined;
    for (let g = 0; g < groups.length; g++) {
      if (claims[g] !== "new") continue;
      let failed = false;
      for (const record of groups[g]!) {
        const error = await this.#runEvent(record, ip);
        if (error) {
          failed = true;
          failure ??= error;
        }
      }
      const first = groups[g]![0]!;
      const settled = settleClaim(dedupe, ids[g]!, failed ? "release" : "complete", (e) => this.#reporter.report(e, { ip, event: first }));
      if (failed || awaitDone) await settled;
    }
    return failure;
  }

  /** Runs one event's handlers; reports each failure and returns the first (a promise only for asynchronous handlers). */
  #runEvent(record: EventRecord, ip: string | undefined): HandlerError | undefined | Promise<HandlerError | undefined> {
    const dispatched = this.#listeners.dispatch(this.provider as Provider, record);
    if (dispatched instanceof Promise) return dispatched.then((errors) => this.#failures(record, ip, errors));
    return this.#failures(record, ip, dispatched);
  }

  #failures(record: EventRecord, ip: string | undefined, errors: readonly unknown[]): HandlerError | undefined {
    if (!errors.length) return undefined;
    let first: HandlerError | undefined;
    for (const cause of errors) {
      const error = new HandlerError(record.name, record.index, cause);
      first ??= error;
      this.#reporter.report(error, { ip, event: record });
    }
    return first;
  }

}

/** The default tenant: the `tenant` route parameter. */
function tenantParam({ params }: Omit<TenantContext, "tenant">): string | undefined {
  return params.tenant;
}

function isSerialisable(records: readonly EventRecord[]): boolean {
  try {
    JSON.stringify(records.map((r) => r.payload));
    return true;
  } catch {
    return false;
  }
}

/**
 * What a vendor's `route` is told about the delivery. `warn` is made only when
 * a vendor reads it, as most never do.
 */
class DeliveryRouteContext<M> implements RouteContext<M> {
  constructor(
    readonly headers: HeaderReader,
    readonly meta: M,
    private readonly reporter: Reporter,
    private readonly ip: string | undefined,
  ) {}

  get warn(): (message: string) => void {
    return (message) => this.reporter.report(new WebhookError(200, "header_mismatch", message, { level: "warning" }), { ip: this.ip });
  }
}

/** One delivery as it goes through: its observation, and the client address once it is known. */
class Delivery {
  ip: string | undefined = undefined;
  constructor(readonly observation: DeliveryObservation | undefined) {}
}

const OK_SETTLED = Promise.resolve(OK_RESPONSE);

/** An answer as a settled promise; the usual 200 shares one, so a synchronous delivery makes no promise of its own. */
function settled(response: ReceiverResponse): Promise<ReceiverResponse> {
  return response === OK_RESPONSE ? OK_SETTLED : Promise.resolve(response);
}
