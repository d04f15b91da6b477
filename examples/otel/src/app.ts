import { createReceiver } from "@cmshooks/core";
import { blox } from "@cmshooks/blox";
import { expressReceiver } from "@cmshooks/express";
import { trace } from "@opentelemetry/api";
import express, { type Express } from "express";

/** An Express app with one BLOX receiver whose handler adds a span of its own under the delivery's. */
export function createApp(secret: string): Express {
  const receiver = createReceiver({ provider: blox({ secret }), log: console });
  receiver.onContentUpdate(async (event) => {
    const span = trace.getTracer("example").startSpan("purge-cdn");
    span.setAttribute("items", event.items.length);
    span.end();
  });
  const app = express();
  app.post("/hooks/blox", expressReceiver(receiver));
  return app;
}
