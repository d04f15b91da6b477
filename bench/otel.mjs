// What OpenTelemetry costs a delivery: without an SDK (the API's global lookups only) and with the SDK
// registered (a span per delivery, an in-memory exporter, a counter and a histogram), in one run.
// Run: node bench/otel.mjs [--quick]   (after `npm run build`)
import { createHmac } from "node:crypto";
import { context, metrics, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { createReceiver } from "@cmshooks/core";
import { blox, bloxSamples } from "@cmshooks/blox";
import { cliFlags, fmt, median, rotatedRounds, spread, table } from "./lib.mjs";

const { quick } = cliFlags();
const SECRET = "bench-secret-0123456789abcdef";
const base = bloxSamples["editorial.update_asset"];
const body = Buffer.from(JSON.stringify({ ...base, data: { ...base.data, body: "x".repeat(1500) } }));
const headers = { "content-type": "application/json", "x-hook-signature": createHmac("sha256", SECRET).update(body).digest("base64") };
const receiver = createReceiver({ provider: blox({ secret: SECRET }), log: false });
let handled = 0;
receiver.onContentUpdate(() => void handled++);
const deliver = async () => {
  const r = await receiver.handle({ method: "POST", headers, body });
  if (r.status !== 200) throw new Error(r.body);
};
const options = { rounds: quick ? 3 : 7, iterations: quick ? 1_000 : 4_000, warmup: 1_000 };

// 1. No SDK: what the receiver does per delivery to find that out, next to the delivery itself.
const noSdk = await rotatedRounds(
  { delivery: deliver, "the no-SDK check alone": () => void (trace.getTracerProvider(), metrics.getMeterProvider()) },
  options,
);

// 2. The SDK registered: a span per delivery into memory, a counter and a histogram.
const exporter = new InMemorySpanExporter();
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
class Reader extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [new Reader()] }));
const withSdk = await rotatedRounds({ "delivery, SDK registered": async () => (await deliver(), exporter.reset()) }, options);
if (handled === 0) throw new Error("no handler ran: the benchmark measured nothing");

const bare = median(noSdk.delivery);
const check = median(noSdk["the no-SDK check alone"]);
const traced = median(withSdk["delivery, SDK registered"]);
const rows = [
  ["delivery, no SDK", fmt(bare / 1000), `±${fmt(spread(noSdk.delivery), 0)}%`, "1.00×"],
  ["the no-SDK check alone", fmt(check / 1000, 3), `±${fmt(spread(noSdk["the no-SDK check alone"]), 0)}%`, `${fmt((100 * check) / bare, 2)}% of a delivery`],
  ["delivery, SDK registered (span + counter + histogram, in-memory exporter)", fmt(traced / 1000), `±${fmt(spread(withSdk["delivery, SDK registered"]), 0)}%`, `${fmt(traced / bare)}×`],
];
console.log(
  [
    "### OpenTelemetry cost per delivery (2 KiB BLOX delivery, unified handler; median µs)",
    "",
    table(["case", "µs", "spread", "vs no SDK"], rows),
    "",
    `Goal: without an SDK the receiver's telemetry costs ≤ 2% of a delivery: ${fmt((100 * check) / bare, 2)}% ${check / bare <= 0.02 ? "met" : "not met"}.`,
    "With the SDK, the figure includes what any app with OpenTelemetry on Node 20 pays: the AsyncLocalStorage context manager's promise hooks run on every promise, the receiver's own awaits included.",
  ].join("\n"),
);
