import { honoReceiver } from "@cmshooks/hono";
import { Hono } from "hono";
import { createReceivers, type EventLog } from "../../shared/receivers.js";

/**
 * The example app: `POST /hooks/<vendor>` for every vendor. Runs on any
 * runtime Hono runs on; on Node the client address comes from
 * @hono/node-server's `c.env.incoming`.
 */
export function createApp(log?: EventLog): Hono {
  const app = new Hono();
  const receivers = createReceivers(log);
  for (const [vendor, receiver] of Object.entries(receivers)) app.post(`/hooks/${vendor}`, honoReceiver(receiver));
  app.get("/", (c) => c.json({ hooks: Object.keys(receivers).map((vendor) => `/hooks/${vendor}`) }));
  return app;
}
