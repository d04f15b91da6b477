import { koaReceiver } from "@cmshooks/koa";
import { bodyParser } from "@koa/bodyparser";
import Router from "@koa/router";
import Koa from "koa";
import { createReceivers, type EventLog } from "../../shared/receivers.js";

/**
 * The example app: `POST /hooks/<vendor>` for every vendor, routed before
 * the body parser the rest of the app uses, so the receivers read the exact
 * bytes that were signed. (With @koa/bodyparser or koa-bodyparser first it
 * works too: the adapter verifies their `ctx.request.rawBody`.)
 */
export function createApp(log?: EventLog): Koa {
  const receivers = createReceivers(log);
  const hooks = new Router();
  for (const [vendor, receiver] of Object.entries(receivers)) hooks.post(`/hooks/${vendor}`, koaReceiver(receiver));
  const api = new Router();
  api.get("/", (ctx) => void (ctx.body = { hooks: Object.keys(receivers).map((vendor) => `/hooks/${vendor}`) }));

  const app = new Koa();
  app.use(hooks.routes());
  app.use(bodyParser());
  app.use(api.routes());
  return app;
}
