/**
 * OpenTelemetry for receivers, through `@opentelemetry/api` only: the app
 * registers an SDK (or not). Without one, each delivery costs one lookup of
 * the global providers and nothing else.
 *
 * - One span per delivery (`cmshooks.delivery`), a child of the active
 *   context, so it nests under an instrumented HTTP server's span; handlers
 *   run inside it, so their own spans nest under it.
 * - A counter `cmshooks.deliveries` and a histogram `cmshooks.delivery.duration`
 *   (seconds) on the global meter.
 */
import {
  context,
  metrics,
  propagation,
  ProxyTracerProvider,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Counter,
  type Histogram,
  type MeterProvider,
  type Span,
  type TracerProvider,
} from "@opentelemetry/api";

const SCOPE = "@cmshooks/core";

/** Attribute and instrument names, as documented in the core README. */
export const TELEMETRY = {
  span: "cmshooks.delivery",
  deliveries: "cmshooks.deliveries",
  duration: "cmshooks.delivery.duration",
  vendor: "cmshooks.vendor",
  event: "cmshooks.event",
  events: "cmshooks.events",
  deliveryId: "cmshooks.delivery_id",
  outcome: "cmshooks.outcome",
  status: "http.response.status_code",
  client: "client.address",
} as const;

/** The parts of one delivery the telemetry needs, told as the pipeline learns them. */
export interface DeliveryObservation {
  /** The span's context, for running handlers inside it (`undefined` when not tracing). */
  readonly context: Context | undefined;
  /** The first warning's code (`unknown_event`, `invalid_event`), the outcome of a delivery acknowledged with one. */
  readonly warning: string | undefined;
  /** The native events of the delivery, once validated, and the warnings about them. */
  events(records: readonly { readonly name: string; readonly deliveryId: string }[], warnings: readonly { readonly code: string; readonly event?: string }[]): void;
  /** Ends the span and records the metrics. */
  end(status: number, outcome: string, ip: string | undefined, failure?: unknown): void;
}

/** The API's no-op provider, which its global proxy delegates to until an SDK registers one. */
const noopTracerProvider: TracerProvider = new ProxyTracerProvider().getDelegate();

/** Whether an SDK's tracer provider is registered. */
function tracingRegistered(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegate() !== noopTracerProvider;
}

const noopMeterProvider = metrics.getMeterProvider();

/**
 * The receiver's telemetry: begins an observation per delivery when an SDK is
 * registered, or returns `undefined` at the cost of two global lookups.
 *
 * @example
 * ```ts
 * const telemetry = new ReceiverTelemetry("blox");
 * const observation = telemetry.begin(); // undefined without an OpenTelemetry SDK
 * ```
 */
export class ReceiverTelemetry {
  readonly #vendor: string;
  #meterProvider: MeterProvider = noopMeterProvider;
  #counter: Counter | undefined;
  #histogram: Histogram | undefined;

  constructor(vendor: string) {
    this.#vendor = vendor;
  }

  /** Starts observing one delivery (or, in a worker, one dispatch: `spanName` "cmshooks.dispatch"). */
  begin(spanName: string = TELEMETRY.span): DeliveryObservation | undefined {
    const meterProvider = metrics.getMeterProvider();
    const measuring = meterProvider !== noopMeterProvider;
    const tracing = tracingRegistered();
    if (!measuring && !tracing) return undefined;
    if (measuring && meterProvider !== this.#meterProvider) {
      const meter = meterProvider.getMeter(SCOPE);
      this.#counter = meter.createCounter(TELEMETRY.deliveries, { description: "Webhook deliveries received, by vendor, event, status and outcome" });
      this.#histogram = meter.createHistogram(TELEMETRY.duration, { description: "Time to process one webhook delivery", unit: "s" });
      this.#meterProvider = meterProvider;
    }
    const span = tracing
      ? trace.getTracer(SCOPE).startSpan(spanName, { kind: SpanKind.INTERNAL, attributes: { [TELEMETRY.vendor]: this.#vendor } }, context.active())
      : undefined;
    return new Observation(this.#vendor, span, measuring ? this.#counter : undefined, measuring ? this.#histogram : undefined);
  }
}

class Observation implements DeliveryObservation {
  readonly context: Context | undefined;
  readonly #started = performance.now();
  #event: string | undefined;
  warning: string | undefined;

  constructor(
    private readonly vendor: string,
    private readonly span: Span | undefined,
    private readonly counter: Counter | undefined,
    private readonly histogram: Histogram | undefined,
  ) {
    this.context = span ? trace.setSpan(context.active(), span) : undefined;
  }

  events(records: readonly { readonly name: string; readonly deliveryId: string }[], warnings: readonly { readonly code: string; readonly event?: string }[]): void {
    this.warning = warnings[0]?.code;
    const names = records.map((r) => r.name);
    for (const w of warnings) if (w.code === "invalid_event" && w.event !== undefined) names.push(w.event);
    if (names.length === 0) return;
    // One name per delivery keeps the metric's cardinality that of the vendor's event table.
    this.#event = names.every((n) => n === names[0]) ? names[0] : "(batch)";
    const span = this.span;
    if (!span) return;
    span.setAttribute(TELEMETRY.event, names[0]!);
    if (names.length > 1) span.setAttribute(TELEMETRY.events, names);
    const first = records[0];
    if (first) span.setAttribute(TELEMETRY.deliveryId, first.deliveryId);
  }

  end(status: number, outcome: string, ip: string | undefined, failure?: unknown): void {
    const seconds = (performance.now() - this.#started) / 1000;
    const attributes: Attributes = { [TELEMETRY.vendor]: this.vendor, [TELEMETRY.status]: status, [TELEMETRY.outcome]: outcome };
    if (this.#event !== undefined) attributes[TELEMETRY.event] = this.#event;
    this.counter?.add(1, attributes);
    this.histogram?.record(seconds, attributes);
    const span = this.span;
    if (!span) return;
    span.setAttribute(TELEMETRY.outcome, outcome);
    span.setAttribute(TELEMETRY.status, status);
    if (ip !== undefined) span.setAttribute(TELEMETRY.client, ip);
    if (failure !== undefined) span.recordException(failure instanceof Error ? failure : String(failure));
    // As for HTTP servers: only 5xx is an error of ours; a 4xx is the client's.
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    span.end();
  }
}

/**
 * The active trace context as W3C headers (`traceparent`, `tracestate`), for
 * work handed to a queue; empty without an SDK.
 *
 * @example
 * ```ts
 * const carrier = injectTraceContext(); // { traceparent: "00-…" } inside a traced delivery
 * ```
 */
export function injectTraceContext(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier;
}

/**
 * Runs `fn` in the trace context carried by `carrier` (see
 * {@link injectTraceContext}), so spans started inside continue that trace.
 *
 * @example
 * ```ts
 * await withTraceContext(job.data.traceContext, () => receiver.dispatch(job.data.events));
 * ```
 */
export function withTraceContext<T>(carrier: Readonly<Record<string, string>> | undefined, fn: () => T): T {
  if (!carrier || Object.keys(carrier).length === 0) return fn();
  return context.with(propagation.extract(context.active(), carrier), fn);
}

/** Runs `fn` inside `ctx` when there is one. */
export function runInContext<T>(ctx: Context | undefined, fn: () => T): T {
  return ctx ? context.with(ctx, fn) : fn();
}
