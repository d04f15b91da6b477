/**
 * OpenTelemetry with the real SDK: in-memory span exporter, a metric reader,
 * the AsyncLocalStorage context manager, and BullMQ on the real Redis.
 */
import { context, metrics, propagation, trace, SpanStatusCode, type Span } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { AggregationTemporality, MeterProvider, MetricReader, type DataPoint, type Histogram } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { createReceiver, defineEvent, defineProvider, memoryDedupeStore, type DedupeStore, type HandoffEvent } from "@cmshooks/core";
import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { createWorker, queueHandoff } from "@cmshooks/queue";
import { Queue } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { REDIS_URL, requireRedis, uniquePrefix } from "../support/redis.js";

class TestReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

const exporter = new InMemorySpanExporter();
const reader = new TestReader();
/** A span processor that throws from the end of the next delivery span once armed, as a broken exporter's might. */
const tripwire = {
  armed: false,
  processor: {
    onStart: () => {},
    onEnd: (span: ReadableSpan) => {
      if (!tripwire.armed || span.name !== "cmshooks.delivery") return;
      tripwire.armed = false;
      throw new Error("span processor down");
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  } satisfies SpanProcessor,
};
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter), tripwire.processor] }));
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
});
beforeEach(() => exporter.reset());

const SECRET = "otel-secret-0123456789";
const body = JSON.stringify(bloxSamples["editorial.update_asset"]);
const signed = async (b = body, secret = SECRET) => ({ "content-type": "application/json", "x-hook-signature": await signBlox(b, secret) });
const deliverySpans = () => exporter.getFinishedSpans().filter((s) => s.name === "cmshooks.delivery");

function receiver(options: { dedupe?: DedupeStore; fail?: boolean } = {}) {
  const r = createReceiver({ provider: blox({ secret: SECRET }), log: false, ...(options.dedupe ? { dedupe: options.dedupe } : {}) });
  r.on("editorial.update_asset", () => {
    if (options.fail) throw new Error("boom: database down");
  });
  return r;
}

describe("one span per delivery", () => {
  it.each([
    ["a handled delivery", async () => receiver().handle({ method: "POST", headers: await signed(), body }), 200, "ok"],
    ["a wrong signature", async () => receiver().handle({ method: "POST", headers: await signed(body, "nope"), body }), 401, "signature_mismatch"],
    ["a wrong method", async () => receiver().handle({ method: "GET", headers: {}, body: "" }), 405, "method_not_allowed"],
    ["a body over the limit", async () => receiver().handle({ method: "POST", headers: { "content-length": "99999999" }, body: "" }), 413, "body_too_large"],
    ["a form body", async () => receiver().handle({ method: "POST", headers: { "content-type": "multipart/form-data" }, body }), 415, "unsupported_media_type"],
    ["a body that is not JSON", async () => receiver().handle({ method: "POST", headers: await signed("{nope"), body: "{nope" }), 400, "invalid_json"],
    ["a payload that fails its schema", async () => {
      const bad = JSON.stringify({ ...bloxSamples["editorial.update_asset"], data: { uuid: 7 } });
      return receiver().handle({ method: "POST", headers: await signed(bad), body: bad });
    }, 422, "invalid_payload"],
    ["an unknown event", async () => {
      const unknown = JSON.stringify({ ...bloxSamples["editorial.update_asset"], event: "brand_new" });
      return receiver().handle({ method: "POST", headers: await signed(unknown), body: unknown });
    }, 200, "unknown_event"],
    ["a failing handler", async () => receiver({ fail: true }).handle({ method: "POST", headers: await signed(), body }), 500, "handler_failed"],
    ["an unavailable dedupe store", async () => {
      const broken: DedupeStore = { claim: () => Promise.reject(new Error("store down")), complete: () => {}, release: () => {} };
      return receiver({ dedupe: broken }).handle({ method: "POST", headers: await signed(), body });
    }, 503, "dedupe_unavailable"],
  ])("%s: status, outcome, and ERROR only for 5xx", async (_name, run, status, outcome) => {
    const res = await run();
    expect(res.status).toBe(status);
    const [span] = deliverySpans();
    expect(span).toBeDefined();
    expect(span!.attributes).toMatchObject({ "cmshooks.vendor": "blox", "http.response.status_code": status, "cmshooks.outcome": outcome });
    expect(span!.status.code).toBe(status >= 500 ? SpanStatusCode.ERROR : SpanStatusCode.UNSET);
    const exception = span!.events.find((e) => e.name === "exception");
    if (status === 500) expect(exception?.attributes?.["exception.message"]).toBe("boom: database down");
    if (status === 503) expect(exception?.attributes?.["exception.message"]).toBe("store down");
    if (status < 500) expect(exception).toBeUndefined();
  });

  it("names the event, the delivery id and the client, and answers a duplicate as such", async () => {
    const r = receiver({ dedupe: memoryDedupeStore() });
    await r.handle({ method: "POST", headers: await signed(), body, ip: "198.51.100.7" });
    await r.handle({ method: "POST", headers: await signed(), body, ip: "198.51.100.7" });
    const [first, second] = deliverySpans();
    expect(first!.attributes).toMatchObject({ "cmshooks.event": "editorial.update_asset", "client.address": "198.51.100.7" });
    expect(typeof first!.attributes["cmshooks.delivery_id"]).toBe("string");
    expect(second!.attributes["cmshooks.outcome"]).toBe("duplicate");
  });

  it("is a child of the active span (an instrumented HTTP server's), and handlers' spans are its children", async () => {
    const tracer = trace.getTracer("test");
    let handlerSpan: Span | undefined;
    const r = createReceiver({ provider: blox({ secret: SECRET }), log: false });
    r.on("editorial.update_asset", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      handlerSpan = tracer.startSpan("db.query");
      handlerSpan.end();
    });
    const server = tracer.startSpan("POST /hooks/blox");
    await context.with(trace.setSpan(context.active(), server), async () => r.handle({ method: "POST", headers: await signed(), body }));
    server.end();
    const [delivery] = deliverySpans();
    const db = exporter.getFinishedSpans().find((s) => s.name === "db.query") as ReadableSpan;
    expect(delivery!.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(delivery!.spanContext().traceId).toBe(server.spanContext().traceId);
    expect(db.parentSpanContext?.spanId).toBe(delivery!.spanContext().spanId);
  });
});

describe("metrics on the global meter", () => {
  it("counts deliveries by vendor, event, status and outcome, and records their duration in seconds", async () => {
    const r = receiver();
    await r.handle({ method: "POST", headers: await signed(), body });
    await r.handle({ method: "POST", headers: await signed(), body });
    await r.handle({ method: "POST", headers: await signed(body, "nope"), body });
    const { resourceMetrics } = await reader.collect();
    const all = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
    const counter = all.find((m) => m.descriptor.name === "cmshooks.deliveries")!;
    const point = (outcome: string) => counter.dataPoints.find((p) => p.attributes["cmshooks.outcome"] === outcome && p.attributes["cmshooks.vendor"] === "blox");
    expect(point("ok")?.attributes).toMatchObject({ "cmshooks.event": "editorial.update_asset", "http.response.status_code": 200 });
    expect(point("ok")!.value).toBeGreaterThanOrEqual(2);
    expect(point("signature_mismatch")!.value).toBeGreaterThanOrEqual(1);
    const duration = all.find((m) => m.descriptor.name === "cmshooks.delivery.duration")!;
    expect(duration.descriptor.unit).toBe("s");
    const hist = duration.dataPoints.find((p) => p.attributes["cmshooks.outcome"] === "ok") as DataPoint<Histogram>;
    expect(hist.value.count).toBeGreaterThanOrEqual(2);
    expect(hist.value.sum).toBeGreaterThan(0);
    expect(hist.value.sum).toBeLessThan(10);
  });
});

describe("hand-off and dispatch carry the trace (a queue in memory)", () => {
  async function handedOff(status?: 202) {
    const queued: HandoffEvent[] = [];
    const r = createReceiver({ provider: blox({ secret: SECRET }), log: false, handoff: { enqueue: async (events) => void queued.push(...events), ...(status ? { status } : {}) } });
    const res = await r.handle({ method: "POST", headers: await signed(), body, ip: "198.51.100.7" });
    return { res, queued, delivery: deliverySpans()[0]! };
  }
  const dispatchSpan = () => exporter.getFinishedSpans().find((s) => s.name === "cmshooks.dispatch")!;

  it("queues each event with the delivery span's trace context, and ends the span ok with the hand-off's status", async () => {
    const { res, queued, delivery } = await handedOff(202);
    expect(res.status).toBe(202);
    const { traceId, spanId } = delivery.spanContext();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.traceContext?.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(delivery.attributes).toMatchObject({ "cmshooks.outcome": "ok", "http.response.status_code": 202, "client.address": "198.51.100.7" });
  });

  it("dispatches in a child span of the delivery's: ok, duplicate, a failing handler, a failing store", async () => {
    const { queued, delivery } = await handedOff();
    const worker = createReceiver({ provider: blox({ secret: SECRET }), log: false, dedupe: memoryDedupeStore() });
    let fail = true;
    worker.on("editorial.update_asset", () => {
      if (fail) throw new Error("worker boom");
    });
    await expect(worker.dispatch(queued)).rejects.toThrow("worker boom");
    let span = dispatchSpan();
    expect(span.parentSpanContext?.spanId).toBe(delivery.spanContext().spanId);
    expect(span.spanContext().traceId).toBe(delivery.spanContext().traceId);
    expect(span.attributes).toMatchObject({ "cmshooks.vendor": "blox", "cmshooks.outcome": "handler_failed", "http.response.status_code": 500, "cmshooks.event": "editorial.update_asset" });
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.find((e) => e.name === "exception")?.attributes?.["exception.message"]).toBe("worker boom");
    for (const [outcome] of [["ok"], ["duplicate"]]) {
      exporter.reset();
      fail = false;
      await worker.dispatch(queued);
      span = dispatchSpan();
      expect(span.attributes).toMatchObject({ "cmshooks.outcome": outcome, "http.response.status_code": 200 });
      expect(span.attributes["client.address"]).toBeUndefined();
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    }
    exporter.reset();
    const down = createReceiver({ provider: blox({ secret: SECRET }), log: false, dedupe: { claim: () => Promise.reject(new Error("store down")), complete: () => {}, release: () => {} } });
    await expect(down.dispatch(queued[0]!)).rejects.toMatchObject({ status: 503, code: "dedupe_unavailable" });
    span = dispatchSpan();
    expect(span.attributes).toMatchObject({ "cmshooks.outcome": "dedupe_unavailable", "http.response.status_code": 503 });
    expect(span.events.find((e) => e.name === "exception")?.attributes?.["exception.message"]).toBe("The dedupe store is unavailable; retry later");
  });

  it("ends the dispatch span as internal_error when something other than a webhook error is thrown", async () => {
    const provider = defineProvider({
      name: "broken",
      events: { ping: defineEvent(z.object({}), { unified: () => [null] as never }) },
      auth: undefined,
      route: (payload) => [{ name: "ping", payload }],
    });
    const worker = createReceiver({ provider, allowUnauthenticated: true, log: false });
    worker.onContentPublish(() => {});
    await expect(worker.dispatch({ name: "ping", payload: {}, source: "broken", deliveryId: "x", index: 0, meta: undefined })).rejects.toBeInstanceOf(TypeError);
    expect(dispatchSpan().attributes).toMatchObject({ "cmshooks.outcome": "internal_error", "http.response.status_code": 500 });
  });

  it("dispatches events queued without a trace context in a span of their own", async () => {
    const worker = createReceiver({ provider: blox({ secret: SECRET }), log: false });
    worker.on("editorial.update_asset", () => {});
    const event = { name: "editorial.update_asset", payload: bloxSamples["editorial.update_asset"], source: "blox", deliveryId: "d", index: 0, meta: undefined };
    await worker.dispatch([event]);
    await worker.dispatch({ ...event, traceContext: {} });
    const spans = exporter.getFinishedSpans().filter((s) => s.name === "cmshooks.dispatch");
    expect(spans).toHaveLength(2);
    for (const span of spans) expect(span.parentSpanContext).toBeUndefined();
  });

  it("ends the span of a delivery the provider filtered out as ignored, and of an unheard one as ok", async () => {
    const provider = defineProvider({
      name: "filtering",
      events: { ping: defineEvent(z.object({})) },
      auth: undefined,
      accept: (_meta, headers) => headers.get("x-keep") !== undefined,
      route: (payload) => [{ name: "ping", payload }],
    });
    const r = createReceiver({ provider, allowUnauthenticated: true, log: false });
    expect((await r.handle({ method: "POST", headers: {}, body: "{}" })).body).toBe('{"ok":true,"ignored":true}');
    expect((await r.handle({ method: "POST", headers: { "x-keep": "1" }, body: "{}" })).body).toBe('{"ok":true}');
    expect(deliverySpans().map((s) => [s.attributes["cmshooks.outcome"], s.attributes["http.response.status_code"]])).toEqual([
      ["ignored", 200],
      ["ok", 200],
    ]);
  });
});

describe("a telemetry failure is never silent", () => {
  // The synchronous path and the one that waits on a promise (here an async handler) end the span in different places.
  it.each([
    ["a synchronous handler", (count: () => void) => () => count()],
    ["an async handler", (count: () => void) => async () => count()],
  ])("answers 500 and reports it when ending the span of a delivery handled by %s throws", async (_name, handler) => {
    const r = createReceiver({ provider: blox({ secret: SECRET }), log: false });
    let handled = 0;
    const reports: [string, number, string | undefined][] = [];
    r.on("editorial.update_asset", handler(() => void handled++));
    r.onError((e) => void reports.push([e.code, e.status, (e.cause as Error | undefined)?.message]));
    tripwire.armed = true;
    const res = await r.handle({ method: "POST", headers: await signed(), body });
    expect(tripwire.armed).toBe(false);
    expect([res.status, JSON.parse(res.body).error]).toEqual([500, "internal_error"]);
    expect(handled).toBe(1);
    expect(reports).toEqual([["internal_error", 500, "span processor down"]]);
  });
});

describe("the queue worker continues the trace", () => {
  let ok = false;
  beforeAll(async () => {
    ok = await requireRedis();
  });
  const prefix = uniquePrefix("otel-queue");
  const queueName = `otel-${Date.now().toString(36)}`;
  let queue: Queue | undefined;
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => {});
    await queue?.close();
  });

  it("runs the handlers in a span of the delivery's trace, with the handler's spans under it", async () => {
    if (!ok) return;
    const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
    queue = new Queue(queueName, { connection, prefix });
    const r = createReceiver({ provider: blox({ secret: SECRET }), log: false, handoff: queueHandoff({ queue }) });
    let handled!: () => void;
    const done = new Promise<void>((resolve) => (handled = resolve));
    r.on("editorial.update_asset", () => {
      trace.getTracer("test").startSpan("worker.db").end();
      handled();
    });
    const worker = createWorker(r, { connection, queueName, prefix });
    try {
      const res = await r.handle({ method: "POST", headers: await signed(), body });
      expect(res.status).toBe(200);
      await done;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const delivery = deliverySpans()[0]!;
      const dispatch = exporter.getFinishedSpans().find((s) => s.name === "cmshooks.dispatch")!;
      const db = exporter.getFinishedSpans().find((s) => s.name === "worker.db")!;
      expect(dispatch.spanContext().traceId).toBe(delivery.spanContext().traceId);
      expect(dispatch.parentSpanContext?.spanId).toBe(delivery.spanContext().spanId);
      expect(db.parentSpanContext?.spanId).toBe(dispatch.spanContext().spanId);
    } finally {
      await worker.close();
    }
  });
});
