import { expressReceiver } from "@cmshooks/express";
import express, { type Express } from "express";
import { createReceivers, type EventLog } from "../../shared/receivers.js";

/**
 * The example app: `POST /hooks/<vendor>` for every vendor, mounted before
 * `express.json()` so the receivers read the exact bytes that were signed;
 * the rest of the app keeps its JSON parser.
 */
export function createApp(log?: EventLog): Express {
  const app = express();
  const receivers = createReceivers(log);
  for (const [vendor, receiver] of Object.entries(receivers)) app.post(`/hooks/${vendor}`, expressReceiver(receiver));

  app.use(express.json());
  app.get("/", (_req, res) => void res.json({ hooks: Object.keys(receivers).map((vendor) => `/hooks/${vendor}`) }));
  return app;
}
