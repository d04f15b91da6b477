import { z } from "zod";
import type { Authenticator } from "./auth/authenticator.js";
import { ConfigurationError, ValidationError, type PayloadIssue } from "./errors.js";
import type { HeaderReader } from "./headers.js";
import type { AnyUnifiedMap, KindsOfResult, UnifiedKind, UnifiedMappingResult } from "./unified-events.js";

/** Native event name → payload type. */
export type EventMap = Record<string, unknown>;

/** What a vendor's mapping and id functions are told about one event. */
export interface EventContext<Meta> {
  readonly name: string;
  readonly meta: Meta;
  /** Position of the event inside a batched delivery (0 otherwise). */
  readonly index: number;
}

/**
 * One native event: its zod schema and how it maps onto the unified
 * vocabulary. Methods (not arrow properties) so tables of different payload
 * types stay assignable to one another. `K` is the unified kinds its mapping
 * can produce (`never` for none), which types the `nativeEvent` and `raw` of
 * unified handlers.
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType, Meta = unknown, K extends UnifiedKind = UnifiedKind> {
  readonly schema: S;
  /** The unified events this native event stands for; runs only when someone listens to unified events. */
  unified?(payload: z.output<S>, context: EventContext<Meta>): UnifiedMappingResult<K>;
  /** A vendor-given delivery id (e.g. Kontent.ai's `message.id`); else the receiver hashes the raw body. */
  deliveryId?(payload: z.output<S>, context: EventContext<Meta>): string | undefined;
  /** Type-level only (never set): the unified kinds `K`, read without comparing schemas. */
  readonly "~kinds"?: K;
}

/** A table of native events, the single source of names, payload types and mappings. */
export type EventTable<Meta = unknown> = Readonly<Record<string, EventDefinition<z.ZodType, Meta>>>;

/** Payload types of an event table. */
export type PayloadsOf<T extends EventTable<never>> = { [K in keyof T & string]: z.output<T[K]["schema"]> };

/** The unified map of an event table: native name → the kinds its mapping can produce. */
export type UnifiedKindsOf<T extends EventTable<never>> = { [K in keyof T & string]: Exclude<T[K]["~kinds"], undefined> };

/** The options of {@link defineEvent}: the mapping's result type `R` gives the event's unified kinds. */
export interface EventOptions<S extends z.ZodType, Meta, R extends UnifiedMappingResult> {
  /** See {@link EventDefinition.unified}. */
  unified?(payload: z.output<S>, context: EventContext<Meta>): R;
  /** See {@link EventDefinition.deliveryId}. */
  deliveryId?(payload: z.output<S>, context: EventContext<Meta>): string | undefined;
}

/**
 * Declares one native event. The unified kinds its mapping returns are kept
 * in the type, so give the mapping precise kinds (`kind: "content.update"`,
 * not a `string` or the whole `UnifiedEventInit`).
 *
 * @example
 * ```ts
 * const events = {
 *   "editorial.update_asset": defineEvent(assetEnvelope, {
 *     unified: (p) => ({ kind: "content.update", items: [{ id: p.data.uuid }] }),
 *   }),
 * };
 * ```
 */
export function defineEvent<S extends z.ZodType, Meta = unknown, R extends UnifiedMappingResult = undefined>(
  schema: S,
  options: EventOptions<S, Meta, R> = {},
): EventDefinition<S, Meta, KindsOfResult<R>> {
  return { schema, ...options } as EventDefinition<S, Meta, KindsOfResult<R>>;
}

/** One event found in a delivery body by the provider's `route`. */
export interface RoutedEvent {
  /** Native event name; a name not in the table is an unknown event (acknowledged, seen by `onAny`). */
  readonly name: string;
  /** The part of the body that the event's schema validates. */
  readonly payload: unknown;
  /** Where `payload` sits inside the body, for error paths (e.g. `["notifications", 2]`). */
  readonly path?: readonly (string | number)[];
  /**
   * For an event the provider could not name (unroutable, or a name outside
   * its table): why, and what to do. Logged with the `unknown_event` warning.
   */
  readonly hint?: string | undefined;
}

/** What `route` is told besides the parsed body. */
export interface RouteContext<Meta> {
  readonly headers: HeaderReader;
  readonly meta: Meta;
  /** Report a warning-level problem (it reaches `onError`, the status is unchanged). */
  warn(message: string): void;
}

/** What a vendor package declares: everything the receiver needs to know about one sender. */
export interface ProviderDefinition<T extends EventTable<Meta>, Meta = undefined> {
  /** Vendor id, e.g. `"blox"`. */
  readonly name: string;
  readonly events: T;
  /** How deliveries prove they are genuine; `undefined`/`[]` means the vendor signs nothing and the user added no check. */
  readonly auth: Authenticator | readonly Authenticator[] | undefined;
  /** Which native events a parsed body carries. Throw {@link ValidationError} (see {@link parseEnvelope}) for a broken envelope. */
  route(body: unknown, context: RouteContext<Meta>): readonly RoutedEvent[];
  /** Typed view of the vendor's header metadata; read once per delivery, before the body. */
  readMeta?(headers: HeaderReader): Meta;
  /** Return false to acknowledge (200) without parsing: a delivery the app asked not to see. Runs after authentication. */
  accept?(meta: Meta, headers: HeaderReader): boolean;
  /** The sender's published source addresses (empty when it publishes none). */
  readonly outboundIps?: readonly string[];
  /** Accepted methods; default `["POST"]`. */
  readonly methods?: readonly string[];
  /**
   * What to pass when the provider has no authenticity check, for the
   * receiver's error (e.g. Kapost, which signs nothing: "auth: basicAuth(),
   * secretPathSegment() or secretQueryParam()"). Default: core's generic list.
   */
  readonly authAdvice?: string;
}

/** A prepared event: its schema compiled once. */
export interface PreparedEvent<Meta = unknown> {
  readonly definition: EventDefinition<z.ZodType, Meta>;
  readonly schema: z.ZodType;
  /**
   * True when the schema's output is its input (no defaults, transforms or
   * coercion): the receiver then only validates and hands handlers the parsed
   * JSON itself, instead of building a copy of it.
   */
  readonly outputIsInput: boolean;
}

/**
 * A vendor, ready for `createReceiver`. `E` maps native names to payload
 * types, `Meta` is the header metadata type and `U` maps native names to the
 * unified kinds they can produce; all flow into handler types.
 */
export interface Provider<E extends EventMap = EventMap, Meta = unknown, U = AnyUnifiedMap<E>> {
  readonly name: string;
  readonly auth: readonly Authenticator[];
  readonly outboundIps: readonly string[];
  readonly methods: readonly string[];
  /** See {@link ProviderDefinition.authAdvice}. */
  readonly authAdvice?: string;
  /** Every native event name the vendor package knows. */
  readonly eventNames: readonly string[];
  readonly events: ReadonlyMap<string, PreparedEvent<Meta>>;
  route(body: unknown, context: RouteContext<Meta>): readonly RoutedEvent[];
  readMeta(headers: HeaderReader): Meta;
  accept?(meta: Meta, headers: HeaderReader): boolean;
  /** Type-level only: the event map, meta type and unified map. */
  readonly "~types"?: { readonly events: E; readonly meta: Meta; readonly unified: U };
}

/**
 * The provider {@link defineProvider} makes of the event table `T` with header
 * metadata `Meta`. Vendor packages name it in their factory's return type
 * (`BloxProvider`), so that declaration files refer to the table instead of
 * spelling it out (smaller, and faster for the compiler to read).
 */
export type ProviderOf<T extends EventTable<never>, Meta = undefined> = Provider<PayloadsOf<T>, Meta, UnifiedKindsOf<T>>;

/** Native events of a provider. */
export type EventsOf<P> = P extends { readonly "~types"?: { readonly events: infer E extends EventMap } } ? E : never;
/** Header metadata type of a provider. */
export type MetaOf<P> = P extends { readonly "~types"?: { readonly meta: infer M } } ? M : never;
/** Unified map of a provider: native name → the unified kinds it can produce. */
export type UnifiedOf<P> = P extends { readonly "~types"?: { readonly unified: infer U } } ? U : never;

const prepared = new WeakMap<object, ReadonlyMap<string, PreparedEvent<never>>>();

function prepareEvents<Meta>(table: EventTable<Meta>): ReadonlyMap<string, PreparedEvent<Meta>> {
  const cached = prepared.get(table);
  if (cached) return cached as ReadonlyMap<string, PreparedEvent<Meta>>;
  const map = new Map<string, PreparedEvent<Meta>>();
  for (const [name, definition] of Object.entries(table)) {
    if (!definition || !(definition.schema instanceof z.ZodType)) {
      throw new ConfigurationError(`Event "${name}" has no zod schema`);
    }
    // z.compile returns a clone with a generated fast path, or the schema itself where it cannot (e.g. no `new Function`).
    map.set(name, { definition, schema: z.compile(definition.schema), outputIsInput: outputIsInput(definition.schema) });
  }
  prepared.set(table, map as ReadonlyMap<string, PreparedEvent<never>>);
  return map;
}

/**
 * Whether a schema passes valid input through unchanged. Decided once, from
 * its JSON Schema: a default, transform or pipe makes the input and output
 * views differ (or the output one impossible to write); anything that cannot
 * be represented counts as changing the data, to be safe.
 */
function outputIsInput(schema: z.ZodType): boolean {
  try {
    return JSON.stringify(z.toJSONSchema(schema, { io: "input" })) === JSON.stringify(z.toJSONSchema(schema, { io: "output" }));
  } catch {
    return false;
  }
}

const noMeta = () => undefined;

/**
 * Turns a vendor's declaration into a {@link Provider}: validates it and
 * compiles every schema once (cached per event table).
 *
 * @example
 * ```ts
 * export const blox = (options: { secret: string | string[] }) =>
 *   defineProvider({
 *     name: "blox",
 *     events: bloxEvents,
 *     auth: hmacSignature({ header: "x-hook-signature", secret: options.secret }),
 *     route: (body) => [{ name: bloxEventName(body), payload: body }],
 *   });
 * ```
 */
export function defineProvider<const T extends EventTable<Meta>, Meta = undefined>(
  definition: ProviderDefinition<T, Meta>,
): ProviderOf<T, Meta> {
  if (!definition.name) throw new ConfigurationError("A provider needs a name");
  const auth = definition.auth === undefined ? [] : Array.isArray(definition.auth) ? [...definition.auth] : [definition.auth as Authenticator];
  for (const a of auth) {
    if (!a || typeof a.verify !== "function") throw new ConfigurationError(`${definition.name}: auth entries must be authenticators`);
  }
  const events = prepareEvents(definition.events);
  return {
    name: definition.name,
    auth,
    outboundIps: definition.outboundIps ?? [],
    methods: (definition.methods ?? ["POST"]).map((m) => m.toUpperCase()),
    eventNames: Object.keys(definition.events),
    events,
    route: definition.route.bind(definition),
    readMeta: definition.readMeta ? definition.readMeta.bind(definition) : (noMeta as () => Meta),
    ...(definition.accept ? { accept: definition.accept.bind(definition) } : {}),
    ...(definition.authAdvice ? { authAdvice: definition.authAdvice } : {}),
  };
}

/**
 * Converts zod issues into payload issues, with an optional path prefix.
 *
 * @example
 * ```ts
 * const result = schema.safeParse(body.data);
 * if (!result.success) throw new ValidationError(toPayloadIssues(result.error, ["data"]), "editorial.update_asset");
 * ```
 */
export function toPayloadIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): PayloadIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    message: issue.message,
    code: issue.code,
  }));
}

/**
 * Validates a delivery's envelope (the part that names the event) and throws
 * the 422 {@link ValidationError} when it does not match.
 *
 * @example
 * ```ts
 * const { application, event } = parseEnvelope(bloxEnvelope, body);
 * ```
 */
export function parseEnvelope<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  let prepared = preparedEnvelopes.get(schema);
  if (!prepared) preparedEnvelopes.set(schema, (prepared = { schema: z.compile(schema), outputIsInput: outputIsInput(schema) }));
  // Envelopes run on every delivery: compiled once, and validated without a copy where the schema allows.
  if (prepared.outputIsInput && prepared.schema.validate(body)) return body as z.output<S>;
  const result = prepared.schema.safeParse(body);
  if (!result.success) throw new ValidationError(toPayloadIssues(result.error));
  return result.data as z.output<S>;
}

const preparedEnvelopes = new WeakMap<z.ZodType, { readonly schema: z.ZodType; readonly outputIsInput: boolean }>();
