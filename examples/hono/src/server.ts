import { serve } from "@hono/node-server";
import { createApp } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
serve({ fetch: createApp().fetch, port, hostname: "127.0.0.1" }, () =>
  console.log(`Hono example listening on http://127.0.0.1:${port} (GET / lists the hooks)`),
);
