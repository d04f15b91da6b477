import type { RequestListener } from "node:http";
import { toNodeHandler } from "@cmshooks/node";
import { createReceivers, type EventLog } from "../../shared/receivers.js";

/** The example app on plain node:http: `/hooks/<vendor>` for every vendor, 404 elsewhere. */
export function createApp(log?: EventLog): RequestListener {
  const hooks = new Map(Object.entries(createReceivers(log)).map(([vendor, receiver]) => [`/hooks/${vendor}`, toNodeHandler(receiver)]));
  return (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0]!;
    const hook = hooks.get(path);
    if (hook) return void hook(req, res);
    res.writeHead(path === "/" ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify({ hooks: [...hooks.keys()] }));
  };
}
