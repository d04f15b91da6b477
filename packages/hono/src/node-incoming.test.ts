/**
 * The @hono/node-server fast path: an untouched body is read from the Node
 * request itself; once a middleware has read it, or on a runtime without a
 * Node request, the adapter goes through `c.req.raw` as before.
 */
import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { createReceiver } from "@cmshooks/core";
import { getRequestListener } from "@hono/node-server";
import { Hono, type Context } from "hono";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { honoReceiver } from "./hono-receiver.js";
import { untouchedIncoming } from "./node-incoming.js";

const SECRET = "node-incoming-secret";
let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** Serves `app` on @hono/node-server at 127.0.0.1 and POSTs one signed BLOX delivery to `path`. */
async function post(app: Hono, path: string): Promise<{ status: number; text: string }> {
  server = http.createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const body = JSON.stringify(bloxSamples["editorial.update_asset"]);
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, SECRET) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe("untouchedIncoming", () => {
  it("gives the Node request while nothing has read its body, and nothing once a middleware has", async () => {
    const seen: Record<string, boolean> = {};
    const app = new Hono();
    const probe = (name: string) => (c: Context) => ((seen[name] = untouchedIncoming(c) !== undefined), c.text("ok"));
    app.post("/untouched", probe("untouched"));
    app.post("/json-first", async (c, next) => (await c.req.json(), next()), probe("json-first"));
    app.post("/stream-read", async (c, next) => (await c.req.raw.body!.getReader().read(), next()), probe("stream-read"));
    for (const path of ["/untouched", "/json-first", "/stream-read"]) {
      expect((await post(app, path)).status).toBe(200);
      server!.closeAllConnections();
      server!.close();
    }
    expect(seen).toEqual({ untouched: true, "json-first": false, "stream-read": false });
  });

  it("gives nothing where c.env holds no Node request (Workers bindings, Bun, Deno)", async () => {
    const app = new Hono();
    app.post("/", (c) => c.text(String(untouchedIncoming(c) !== undefined)));
    for (const env of [undefined, { BLOX_SECRET: "s" }, { incoming: { socket: {} } }, { requestIP: () => null }]) {
      const response = await app.fetch(new Request("http://localhost/", { method: "POST", body: "{}" }), env);
      expect(await response.text()).toBe("false");
    }
  });
});

describe("honoReceiver on @hono/node-server", () => {
  it("verifies a delivery read straight from the socket, and one a middleware read with c.req.arrayBuffer() first", async () => {
    const receiver = createReceiver({ provider: blox({ secret: SECRET }) });
    const ran: string[] = [];
    receiver.on("editorial.update_asset", ({ payload }) => void ran.push(payload.event));
    const app = new Hono();
    app.post("/direct", honoReceiver(receiver));
    app.post("/cached", async (c, next) => (await c.req.arrayBuffer(), next()), honoReceiver(receiver));
    expect(await post(app, "/direct")).toEqual({ status: 200, text: '{"ok":true}' });
    server!.closeAllConnections();
    server!.close();
    expect(await post(app, "/cached")).toEqual({ status: 200, text: '{"ok":true}' });
    expect(ran).toEqual(["update_asset", "update_asset"]);
  });
});
