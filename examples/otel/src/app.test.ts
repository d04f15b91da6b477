import type { AddressInfo } from "node:net";
import { signBlox, bloxSamples } from "@cmshooks/blox";
import { AggregationTemporality, InMemoryMetricExporter } from "@opentelemetry/sdk-metrics";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-node";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import { startTelemetry } from "./telemetry.js";

describe("the OpenTelemetry example", () => {
  const spans = new InMemorySpanExporter();
  const measurements = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const telemetry = startTelemetry(spans, measurements, 60_000);
  afterAll(() => telemetry.shutdown());

  it("traces a delivery over real HTTP, with the handler's span under it, and counts it", async () => {
    const server = createApp("example-secret").listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const body = JSON.stringify(bloxSamples["editorial.update_asset"]);
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/blox`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, "example-secret") },
        body,
      });
      expect(res.status).toBe(200);
    } finally {
      server.close();
    }
    const delivery = spans.getFinishedSpans().find((s) => s.name === "cmshooks.delivery")!;
    const purge = spans.getFinishedSpans().find((s) => s.name === "purge-cdn")!;
    expect(delivery.attributes).toMatchObject({ "cmshooks.vendor": "blox", "cmshooks.event": "editorial.update_asset", "cmshooks.outcome": "ok" });
    expect(purge.parentSpanContext?.spanId).toBe(delivery.spanContext().spanId);
    await telemetry.meterProvider.forceFlush();
    const names = measurements.getMetrics().flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.descriptor.name)));
    expect(names).toEqual(expect.arrayContaining(["cmshooks.deliveries", "cmshooks.delivery.duration"]));
  });
});
