import { fastifyReceiver } from "@cmshooks/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { createReceivers, type EventLog } from "../../shared/receivers.js";

/**
 * The example app: every vendor's receiver registered as a plugin at
 * `/hooks/<vendor>`. The plugin answers before any content-type parser, so
 * the receivers read the exact bytes that were signed, while the rest of the
 * app (here `POST /echo`) keeps Fastify's JSON parsing.
 */
export async function createApp(log?: EventLog): Promise<FastifyInstance> {
  const app = Fastify();
  const receivers = createReceivers(log);
  for (const [vendor, receiver] of Object.entries(receivers)) await app.register(fastifyReceiver(receiver), { prefix: `/hooks/${vendor}` });
  app.get("/", async () => ({ hooks: Object.keys(receivers).map((vendor) => `/hooks/${vendor}`) }));
  app.post("/echo", async (request) => ({ parsed: request.body }));
  return app;
}
