import http from "node:http";
import { createReceiver } from "@cmshooks/core";
import { blox } from "@cmshooks/blox";
import { toNodeHandler } from "@cmshooks/node";
import { send, testkit, toHandleInput, toRequest } from "@cmshooks/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./support/http.js";

const SECRET = "testkit-secret";

function bloxReceiver() {
  const seen: string[] = [];
  const receiver = createReceiver({ provider: blox({ secret: SECRET }) });
  receiver.onAny((event) => void seen.push(`${event.name}:${(event.payload as { data: { uuid?: string } }).data.uuid}`));
  return { receiver, seen };
}

describe("toRequest", () => {
  it("builds a Request with the delivery's method, headers and exact signed bytes", async () => {
    const delivery = await testkit.blox.delivery("editorial.update_asset", { secret: SECRET });
    const request = toRequest(delivery, "http://127.0.0.1:9999/webhooks/in");
    expect(request.method).toBe("POST");
    expect(request.url).toBe("http://127.0.0.1:9999/webhooks/in");
    expect(request.headers.get("x-hook-signature")).toBe(delivery.headers["x-hook-signature"]);
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(new Uint8Array(await request.arrayBuffer())).toEqual(delivery.body);
  });

  it("targets the suggested path when given no URL or a URL without a path", async () => {
    const delivery = await testkit.blox.delivery("user.create_user", { secret: SECRET });
    expect(toRequest(delivery).url).toBe("http://localhost/hooks/blox");
    expect(toRequest(delivery, "http://127.0.0.1:3000").url).toBe("http://127.0.0.1:3000/hooks/blox");
  });

  it("is accepted by receiver.fetch (200) and refused with another secret (401)", async () => {
    const { receiver, seen } = bloxReceiver();
    const good = await testkit.blox.delivery("editorial.create_asset", { secret: SECRET, seed: 3 });
    expect((await receiver.fetch(toRequest(good))).status).toBe(200);
    expect(seen).toEqual([`editorial.create_asset:${good.payload.data.uuid}`]);
    const bad = await testkit.blox.delivery("editorial.create_asset", { secret: "other" });
    const response = await receiver.fetch(toRequest(bad));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "signature_mismatch" });
  });
});

describe("toHandleInput", () => {
  it("gives receiver.handle the plain values of the delivery, with the suggested path as url", async () => {
    const delivery = await testkit.blox.delivery("user.update_user", { secret: SECRET });
    const input = toHandleInput(delivery, { ip: "203.0.113.9" });
    expect(input).toMatchObject({ method: "POST", url: "/hooks/blox", ip: "203.0.113.9", body: delivery.body });
    const { receiver, seen } = bloxReceiver();
    const response = await receiver.handle(input);
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("answers 422 with the failing path for an override that breaks the schema", async () => {
    const delivery = await testkit.blox.delivery("editorial.delete_asset", {
      secret: SECRET,
      overrides: { data: { published: "maybe" as "yes" } },
    });
    const response = await bloxReceiver().receiver.handle(toHandleInput(delivery));
    expect(response.status).toBe(422);
    expect(JSON.parse(response.body).issues[0].path).toEqual(["data", "published"]);
  });
});

describe("send (real HTTP on 127.0.0.1)", () => {
  let server: RunningServer;
  let textServer: RunningServer;
  let ctx: ReturnType<typeof bloxReceiver>;

  beforeAll(async () => {
    ctx = bloxReceiver();
    server = await startServer(toNodeHandler(ctx.receiver));
    textServer = await startServer(
      http.createServer((req, res) => {
        req.resume();
        req.on("end", () => res.writeHead(302, { location: "/elsewhere", "x-path": req.url ?? "" }).end("moved"));
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    await textServer.close();
  });

  it("delivers a signed event and returns the status, headers and parsed JSON (200)", async () => {
    const delivery = await testkit.blox.delivery("editorial.update_asset", { secret: SECRET, seed: 11 });
    const result = await send(delivery, `${server.url}/hooks/blox`);
    expect(result).toMatchObject({ status: 200, ok: true, json: { ok: true }, url: `${server.url}/hooks/blox` });
    expect(result.headers["content-type"]).toMatch(/^application\/json/);
    expect(result.text).toBe('{"ok":true}');
    expect(ctx.seen).toContain(`editorial.update_asset:${delivery.payload.data.uuid}`);
  });

  it("returns a 401 answer (it does not throw) when the secret is wrong", async () => {
    const delivery = await testkit.blox.delivery("editorial.update_asset", { secret: "wrong" });
    const result = await send(delivery, server.url);
    expect(result.status).toBe(401);
    expect(result.ok).toBe(false);
    expect(result.json).toMatchObject({ error: "signature_mismatch" });
  });

  it("does not follow redirects and leaves json undefined for a text answer", async () => {
    const delivery = await testkit.blox.delivery("user.delete_user", { secret: SECRET });
    const result = await send(delivery, textServer.url);
    expect(result.status).toBe(302);
    expect(result.headers["x-path"]).toBe("/hooks/blox");
    expect(result.text).toBe("moved");
    expect(result.json).toBeUndefined();
  });

  it("rejects when nothing listens", async () => {
    const closed = await startServer(() => {});
    await closed.close();
    const delivery = await testkit.blox.delivery("user.delete_user", { secret: SECRET });
    await expect(send(delivery, closed.url, { timeoutMs: 2000 })).rejects.toThrow();
  });
});
