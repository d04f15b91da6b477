/**
 * The OpenTelemetry SDK, registered before the app starts: traces and
 * metrics printed to the console. Swap the exporters for OTLP or Prometheus
 * in production; cmshooks only talks to `@opentelemetry/api`.
 */
import { metrics } from "@opentelemetry/api";
import { ConsoleMetricExporter, MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from "@opentelemetry/sdk-metrics";
import { ConsoleSpanExporter, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-node";

export interface Telemetry {
  readonly tracerProvider: NodeTracerProvider;
  readonly meterProvider: MeterProvider;
  shutdown(): Promise<void>;
}

/** Registers a tracer provider (with the AsyncLocalStorage context manager) and a meter provider globally. */
export function startTelemetry(
  spans: SpanExporter = new ConsoleSpanExporter(),
  measurements: PushMetricExporter = new ConsoleMetricExporter(),
  exportIntervalMillis = 10_000,
): Telemetry {
  const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  tracerProvider.register();
  const meterProvider = new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter: measurements, exportIntervalMillis })] });
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    tracerProvider,
    meterProvider,
    async shutdown() {
      await meterProvider.shutdown();
      await tracerProvider.shutdown();
    },
  };
}
