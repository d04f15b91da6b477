import type { Authenticator, AuthOutcome } from "../auth/authenticator.js";
import type { CryptoEngine } from "../crypto/engine.js";
import { toBytes } from "../crypto/encoding.js";
import type { DedupeOptions, DedupeStore } from "../dedupe/dedupe-store.js";
import {
  ConfigurationError,
  ForbiddenSourceError,
  HandlerError,
  InvalidBodyError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
  WebhookError,
  type PayloadIssue,
} from "../errors.js";
import { toHeaderReader, type HeaderReader, type HeadersInput } from "../headers.js";
import { compileIpAllowlist, type IpAllowlist } from "../ip/allowlist.js";
import { compileClientIpResolver, type TrustProxyOption } from "../ip/trust-proxy.js";
import type { AnyNativeEvent, NativeEventOf } from "../native-events.js";
import { toPayloadIssues, type EventMap, type Provider, type RoutedEvent } from "../provider.js";
import { type UnifiedEvent, type UnifiedEventInit, type UnifiedKind } from "../unified-events.js";
import { EventRecord } from "./event-record.js";
import { canCarryJson } from "./media-type.js";
import { parseJsonBody } from "./parse-json.js";
import { readRequestBody } from "./read-request-body.js";
import { ACCEPTED_RESPONSE, DUPLICATE_RESPONSE, errorResponse, IGNORED_RESPONSE, OK_RESPONSE, type ReceiverResponse } from "./responses.js";
import { dedupeClaims, settleClaim, type Claim } from "./dedupe-claims.js";

/** Options of `createReceiver`. */
export interface ReceiverOptions<P = Provider> {
  /** The sender: `blox({ secret })`, `kontent({ secret })`, … */
  provider: P;
  /** Source addresses and CIDRs (v4 and v6) allowed to deliver; others get 403 before the body is read. */
  allowIps?: readonly string[];
  /** Which peers may tell us the client address through `X-Forwarded-For` / `Forwarded`. Default: nobody. */
  trustProxy?: TrustProxyOption;
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
}

/** Context given to `onError` listeners. */
export interface ErrorContext {
  /** The native event whose handler failed, when one did. */
  readonly event?: { readonly name: string; readonly index: number; readonly deliveryId: string } | undefined;
  /** Resolved client address. */
  readonly ip: string | undefined;
}

type Handler = (event: never) => unknown;
type UnifiedHandler<K extends UnifiedKind, E extends EventMap, M> = (event: UnifiedEvent<K, E[keyof E], M>) => unknown;

const DEFAULT_MAX_BODY = 1_048_576;
const EMPTY_HEADERS: HeaderReader = { get: () => undefined };
const unreachableHash = (): string => {
  throw new Error("a handed-off event always carries its delivery id");
};

function toHandoffEvent(record: EventRecord): HandoffEvent {
  return { name: record.name, payload: record.payload, source: record.source, deliveryId: record.deliveryId, index: record.index, meta: record.meta };
}
const EMPTY = new Uint8Array(0);

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
 */
export class WebhookReceiver<E extends EventMap = EventMap, M = unknown> {
  /** Largest accepted body in bytes; adapters read at most this much. */
  readonly maxBodyBytes: number;
  readonly provider: Provider<E, M>;
  readonly #engine: CryptoEngine;
  readonly #allowlist: IpAllowlist | undefined;
  readonly #clientIp: ReturnType<typeof compileClientIpResolver>;
  readonly #preBodyAuth: readonly Authenticator[];
  readonly #bodyAuth: readonly Authenticator[];
  readonly #methods: readonly string[];
  readonly #dedupe: Required<DedupeOptions> | undefined;
  readonly #handoff: Handoff | undefined;
  readonly #native = new Map<string, Handler[]>();
  readonly #unified = new Map<UnifiedKind, Handler[]>();
  readonly #any: Handler[] = [];
  readonly #error: ((error: WebhookError, context: ErrorContext) => unknown)[] = [];

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
    this.#allowlist = options.allowIps === undefined ? undefined : compileIpAllowlist(options.allowIps);
    this.#clientIp = compileClientIpResolver(options.trustProxy);
    this.#preBodyAuth = provider.auth.filter((a) => !a.needsBody);
    this.#bodyAuth = provider.auth.filter((a) => a.needsBody);
    this.#methods = provider.methods;
    if (provider.auth.length === 0 && !this.#allowlist?.size && options.allowUnauthenticated !== true) {
      throw new ConfigurationError(
        `createReceiver: the ${provider.name} provider has no authenticity check. Pass one (${provider.authAdvice ?? "a secret, secretHeader(), basicAuth(), secretQueryParam()"}), ` +
          "or allowIps, or opt out explicitly with allowUnauthenticated: true.",
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
      push(this.#native, n, handler as Handler);
    }
    return this;
  }

  /** Listens to every native event, known or unknown. */
  onAny(handler: (event: AnyNativeEvent<E, M>) => unknown): this {
    this.#any.push(handler as Handler);
    return this;
  }

  /** Listens to errors: handler failures (500), rejected deliveries (4xx) and warnings. Never throws back into the pipeline. */
  onError(handler: (error: WebhookError, context: ErrorContext) => unknown): this {
    this.#error.push(handler);
    return this;
  }

  /** Removes a listener added with `on`, `onAny`, `onError` or any unified `onX`. */
  removeListener(handler: (...args: never[]) => unknown): this {
    const drop = (list: unknown[]) => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
    for (const list of this.#native.values()) drop(list);
    for (const list of this.#unified.values()) drop(list);
    drop(this.#any);
    drop(this.#error);
    return this;
  }

  /** A content item was created. */
  onContentCreate(handler: UnifiedHandler<"content.create", E, M>): this {
    return this.#onUnified("content.create", handler);
  }
  /** A content item changed (including preview-slot changes). */
  onContentUpdate(handler: UnifiedHandler<"content.update", E, M>): this {
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
  onContentPublish(handler: UnifiedHandler<"content.publish", E, M>): this {
    return this.#onUnified("content.publish", handler);
  }
  /** Content was taken offline. */
  onContentUnpublish(handler: UnifiedHandler<"content.unpublish", E, M>): this {
    return this.#onUnified("content.unpublish", handler);
  }
  /** Content was deleted or archived. */
  onContentDelete(handler: UnifiedHandler<"content.delete", E, M>): this {
    return this.#onUnified("content.delete", handler);
  }
  /** Deleted or archived content was restored. */
  onContentRestore(handler: UnifiedHandler<"content.restore", E, M>): this {
    return this.#onUnified("content.restore", handler);
  }
  /** Content moved between workflow steps, or a workflow event was raised. */
  onWorkflowChange(handler: UnifiedHandler<"workflow.change", E, M>): this {
    return this.#onUnified("workflow.change", handler);
  }
  /** A taxonomy or category changed, was moved, created or deleted. */
  onTaxonomyChange(handler: UnifiedHandler<"taxonomy.change", E, M>): this {
    return this.#onUnified("taxonomy.change", handler);
  }
  /** A user account was created, changed or deleted. */
  onUserChange(handler: UnifiedHandler<"user.change", E, M>): this {
    return this.#onUnified("user.change", handler);
  }

  #onUnified(kind: UnifiedKind, handler: (event: never) => unknown): this {
    push(this.#unified, kind, handler);
    return this;
  }

  /**
   * Runs one delivery through the pipeline and returns the answer. Never
   * throws: every outcome is a status from the table in DESIGN.md.
   *
   * @example
   * ```ts
   * const { status, headers, body } = await receiver.handle({ method: "POST", headers: req.headers, body: rawBytes, ip });
   * ```
   */
  async handle(input: DeliveryInput): Promise<ReceiverResponse> {
    let ip: string | undefined;
    try {
      const method = input.method.toUpperCase();
      if (!this.#methods.includes(method)) throw new MethodNotAllowedError(method, this.#methods);
      const headers = toHeaderReader(input.headers);
      ip = this.#clientIp(input.ip, headers);
      if (this.#allowlist && !this.#allowlist.has(ip)) throw new ForbiddenSourceError(ip);
      const declared = headers.get("content-length");
      if (declared !== undefined && Number(declared) > this.maxBodyBytes) throw new PayloadTooLargeError(this.maxBodyBytes);
      const contentType = headers.get("content-type");
      if (!canCarryJson(contentType)) throw new UnsupportedMediaTypeError(contentType ?? "");
      if (this.#preBodyAuth.length) {
        const pending = this.#authenticate(this.#preBodyAuth, { headers, body: EMPTY, url: input.url });
        if (pending) await pending;
      }

      const body = typeof input.body === "function" ? await input.body(this.maxBodyBytes) : toBytes(input.body);
      if (body.length > this.maxBodyBytes) throw new PayloadTooLargeError(this.maxBodyBytes);
      if (this.#bodyAuth.length) {
        const pending = this.#authenticate(this.#bodyAuth, { headers, body, url: input.url });
        if (pending) await pending;
      }

      return await this.#process(headers, body, ip);
    } catch (error) {
      const failure =
        error instanceof WebhookError
          ? error
          : error instanceof RangeError
            ? // A payload nested deeper than the stack allows (handlers' own errors never reach this catch).
              new InvalidBodyError("invalid_json", "The body is nested too deeply to process", error)
            : new WebhookError(500, "internal_error", "Internal error", { cause: error });
      this.#report(failure, { ip });
      return errorResponse(failure);
    }
  }

  /**
   * The same pipeline for fetch runtimes (Workers, Bun, Deno, Next.js route
   * handlers): `Request` in, `Response` out. Pass the client address where the
   * runtime knows it (e.g. `request.headers.get("cf-connecting-ip")` on Workers),
   * and `timeoutMs` to answer 408 when the body has not arrived in time
   * (default: no timeout of its own; the runtime's applies).
   *
   * @example
   * ```ts
   * export default { fetch: (request: Request) => receiver.fetch(request) };
   * ```
   */
  async fetch(request: Request, options: { ip?: string | undefined; timeoutMs?: number | undefined } = {}): Promise<Response> {
    const result = await this.handle({
      method: request.method,
      headers: request.headers,
      body: (limit) => readRequestBody(request, limit, options.timeoutMs),
      ip: options.ip,
      url: request.url,
    });
    // A fresh headers object: runtimes such as @hono/node-server add Content-Length to it.
    return new Response(result.body, { status: result.status, headers: { ...result.headers } });
  }

  /** Throws the first failure; returns a promise only when a check is asynchronous (Web Crypto). */
  #authenticate(checks: readonly Authenticator[], input: Parameters<Authenticator["verify"]>[0]): Promise<void> | undefined {
    for (let i = 0; i < checks.length; i++) {
      const outcome = checks[i]!.verify(input);
      if (outcome instanceof Promise) return this.#authenticateAsync(checks, input, i, outcome);
      if (outcome) throw outcome;
    }
    return undefined;
  }

  async #authenticateAsync(checks: readonly Authenticator[], input: Parameters<Authenticator["verify"]>[0], from: number, first: Promise<AuthOutcome>): Promise<void> {
    const failure = await first;
    if (failure) throw failure;
    for (let i = from + 1; i < checks.length; i++) {
      const outcome = await checks[i]!.verify(input);
      if (outcome) throw outcome;
    }
  }


  async #process(headers: HeaderReader, body: Uint8Array, ip: string | undefined): Promise<ReceiverResponse> {
    const provider = this.provider;
    const meta = provider.readMeta(headers);
    if (provider.accept && !provider.accept(meta, headers)) return IGNORED_RESPONSE;

    const json = parseJsonBody(body);
    const warnings: WebhookError[] = [];
    const routed = provider.route(json, {
      headers,
      meta,
      warn: (message) => warnings.push(new WebhookError(200, "header_mismatch", message, { level: "warning" })),
    });
    for (const warning of warnings) this.#report(warning, { ip });

    const hasher = this.#bodyHasher(body);
    const bodyHash = typeof hasher === "function" ? hasher : await hasher;
    const records = this.#validate(routed, meta, headers, bodyHash);

    if (this.#handoff) {
      try {
        await this.#handoff.enqueue(records.map(toHandoffEvent));
      } catch (cause) {
        throw new WebhookError(503, "handoff_failed", "The delivery could not be queued; retry later", { cause, headers: { "retry-after": "5" } });
      }
      return this.#handoff.status === 202 ? ACCEPTED_RESPONSE : OK_RESPONSE;
    }
    const outcome = await this.#run(records, ip);
    return outcome === "duplicate" ? DUPLICATE_RESPONSE : outcome ? errorResponse(outcome) : OK_RESPONSE;
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
    let outcome: WebhookError | "duplicate" | undefined;
    try {
      outcome = await this.#run(records, undefined);
    } catch (error) {
      // Handler failures were reported by #run; a failing dedupe store is reported here.
      if (error instanceof WebhookError) this.#report(error, { ip: undefined });
      throw error;
    }
    if (outcome instanceof WebhookError) throw outcome;
  }

  /** Dedupe claims, then handlers for each new event; returns the first failure, "duplicate", or undefined. */
  async #run(records: readonly EventRecord[], ip: string | undefined): Promise<HandlerError | WebhookError | "duplicate" | undefined> {
    let claims: Claim[] | undefined;
    if (this.#dedupe) {
      claims = await dedupeClaims(this.#dedupe, records);
      if (claims === undefined) return "duplicate";
    }
    let failure: HandlerError | undefined;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      if (claims && claims[i] !== "new") continue;
      const dispatched = this.#dispatch(record);
      const errors = dispatched instanceof Promise ? await dispatched : dispatched;
      if (errors.length) {
        for (const cause of errors) {
          const error = new HandlerError(record.name, record.index, cause);
          failure ??= error;
          this.#report(error, { ip, event: record });
        }
        if (claims) await settleClaim(this.#dedupe!, record.deliveryId, "release", (e) => this.#report(e, { ip, event: record }));
      } else if (claims) {
        await settleClaim(this.#dedupe!, record.deliveryId, "complete", (e) => this.#report(e, { ip, event: record }));
      }
    }
    // Each failure was reported above; answer with the first.
    return failure;
  }

  /** The body's SHA-256, computed at most once: lazily where hashing is synchronous, up front where it is not. */
  #bodyHasher(body: Uint8Array): (() => string) | Promise<() => string> {
    const engine = this.#engine;
    if (!engine.sync) return Promise.resolve(engine.sha256Hex(body)).then((hash) => () => hash);
    let hash: string | undefined;
    return () => (hash ??= engine.sha256Hex(body) as string);
  }

  #validate(routed: readonly RoutedEvent[], meta: M, headers: HeaderReader, bodyHash: () => string): EventRecord[] {
    const records: EventRecord[] = [];
    let issues: PayloadIssue[] | undefined;
    let failedEvent: string | undefined;
    for (let index = 0; index < routed.length; index++) {
      const { name, payload, path } = routed[index]!;
      const prepared = this.provider.events.get(name);
      if (!prepared) {
        records.push(new EventRecord(name, payload, this.provider.name, meta, headers, index, false, undefined, bodyHash));
        continue;
      }
      let data: unknown = payload;
      // Validating without building a copy is ~3x cheaper; the full parse runs for schemas that change data, and for the issues.
      if (!prepared.outputIsInput || !prepared.schema.validate(payload)) {
        const result = prepared.schema.safeParse(payload);
        if (!result.success) {
          (issues ??= []).push(...toPayloadIssues(result.error, path ?? []));
          failedEvent ??= name;
          continue;
        }
        data = result.data;
      }
      const context = { name, meta, index };
      const vendorId = prepared.definition.deliveryId?.(data, context);
      records.push(new EventRecord(name, data, this.provider.name, meta, headers, index, true, vendorId, bodyHash));
    }
    if (issues) throw new ValidationError(issues, failedEvent);
    return records;
  }

  /** Runs every listener of one event concurrently; returns what they threw. */
  #dispatch(record: EventRecord): unknown[] | Promise<unknown[]> {
    const errors: unknown[] = [];
    const pending: Promise<unknown>[] = [];
    const run = (handler: Handler, event: unknown) => {
      try {
        const result = (handler as (e: unknown) => unknown)(event);
        if (result && typeof (result as Promise<unknown>).then === "function") {
          pending.push((result as Promise<unknown>).then(undefined, (e: unknown) => errors.push(e)));
        }
      } catch (e) {
        errors.push(e);
      }
    };
    if (record.known) {
      const native = this.#native.get(record.name);
      if (native) for (const h of native) run(h, record);
      if (this.#unified.size) {
        let unified: UnifiedEvent<UnifiedKind>[] = [];
        try {
          unified = this.#toUnified(record);
        } catch (e) {
          // A mapping that throws fails this event like a handler would: 500 handler_failed, dedupe claim released.
          errors.push(e);
        }
        for (const event of unified) {
          const list = this.#unified.get(event.kind);
          if (list) for (const h of list) run(h, event);
        }
      }
    }
    for (const h of this.#any) run(h, record);
    return pending.length ? Promise.all(pending).then(() => errors) : errors;
  }

  #toUnified(record: EventRecord): UnifiedEvent<UnifiedKind>[] {
    const definition = this.provider.events.get(record.name)!.definition;
    if (!definition.unified) return [];
    const init = definition.unified(record.payload, { name: record.name, meta: record.meta as M, index: record.index });
    if (!init) return [];
    const inits: readonly UnifiedEventInit[] = Array.isArray(init) ? init : [init as UnifiedEventInit];
    return inits.map((u) => ({
      ...u,
      occurredAt: toDate(u.occurredAt),
      source: record.source,
      nativeEvent: record.name,
      deliveryId: record.deliveryId,
      raw: record.payload,
      meta: record.meta,
    })) as UnifiedEvent<UnifiedKind>[];
  }

  #report(error: WebhookError, context: ErrorContext): void {
    for (const listener of this.#error) {
      try {
        const result = listener(error, context);
        if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(undefined, () => {});
      } catch {
        // An error listener that throws must not change the answer to the sender.
      }
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function toDate(value: string | Date | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
