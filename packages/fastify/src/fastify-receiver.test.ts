import http from "node:http";
import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { createReceiver, type ReceiverOptions } from "@cmshooks/core";
import Fastify5, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import Fastify4 from "fastify4";
import { afterEach, describe, expect, it } from "vitest";
import { fastifyReceiver } from "./index.js";

const SECRET = "fastify-secret";
const sample = bloxSamples["editorial.update_asset"];
/** Pretty-printed: a parser that re-serialised it would change the bytes and break the signature. */
const pretty = JSON.stringify(sample, null, 2);

interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

/** One request with node:http (so any Content-Type, even an empty one, goes out as written). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body ?? "";
    const req = http.request(url, { method: options.method ?? "POST", headers: { "content-length": String(Buffer.byteLength(body)), ...options.headers }, agent: false });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown> }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function signedPost(url: string, body = pretty): Promise<Answer> {
  return send(url, { headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, SECRET) }, body });
}

describe.each([
  ["Fastify 5", Fastify5],
  // Run against Fastify 4 too; its types are checked by tsconfig.fastify4.json.
  ["Fastify 4", Fastify4 as unknown as typeof Fastify5],
])("fastifyReceiver on %s", (_name, Fastify) => {
  let app: FastifyInstance | undefined;
  afterEach(() => app?.close());

  /** An app with the plugin at /hooks/blox and a JSON route at /api/items, listening on 127.0.0.1. */
  async function start(options: { fastify?: FastifyServerOptions; receiver?: Omit<ReceiverOptions, "provider"> } = {}) {
    const seen: string[] = [];
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), ...options.receiver });
    receiver.on("editorial.update_asset", ({ payload }) => void seen.push(payload.data.uuid));
    const responses: number[] = [];
    app = Fastify(options.fastify);
    app.addHook("onResponse", async (_request, reply) => void responses.push(reply.statusCode));
    await app.register(fastifyReceiver(receiver), { prefix: "/hooks/blox" });
    app.post("/api/items", async (request) => ({ type: typeof request.body, echo: request.body }));
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    return { url: address, seen, responses };
  }

  it("verifies the exact bytes that arrived (a pretty-printed body) and runs the handler once", async () => {
    const { url, seen } = await start();
    const answer = await signedPost(`${url}/hooks/blox`);
    expect(answer).toEqual({ status: 200, json: { ok: true } });
    expect(seen).toEqual([sample.data.uuid]);
  });

  it("leaves the app's other routes with Fastify's own JSON parsing", async () => {
    const { url } = await start();
    await signedPost(`${url}/hooks/blox`);
    const other = await send(`${url}/api/items`, { headers: { "content-type": "application/json" }, body: '{"hello":"world"}' });
    expect(other).toEqual({ status: 200, json: { type: "object", echo: { hello: "world" } } });
    const broken = await send(`${url}/api/items`, { headers: { "content-type": "application/json" }, body: "{" });
    expect(broken.status, "Fastify's JSON parser still refuses broken JSON there").toBe(400);
    expect(broken.json, "in Fastify's error shape").toMatchObject({ statusCode: 400, error: "Bad Request" });
  });

  it("answers a malformed Content-Type from the receiver's table, not with Fastify's 415", async () => {
    const { url } = await start();
    const put = await send(`${url}/hooks/blox`, { method: "PUT", headers: { "content-type": "" }, body: "[]" });
    expect(put.status).toBe(405);
    expect(put.json.error).toBe("method_not_allowed");
    const form = await send(`${url}/hooks/blox`, { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(form.status).toBe(415);
    expect(form.json.error).toBe("unsupported_media_type");
  });

  it("reads bodies up to the receiver's limit, whatever Fastify's bodyLimit", async () => {
    const { url, seen } = await start({ fastify: { bodyLimit: 256 } });
    expect(Buffer.byteLength(pretty)).toBeGreaterThan(256);
    expect((await signedPost(`${url}/hooks/blox`)).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("answers 413 over the receiver's limit, before reading the declared body", async () => {
    const { url, seen } = await start({ receiver: { maxBodyBytes: 64 } });
    const answer = await signedPost(`${url}/hooks/blox`);
    expect(answer.status).toBe(413);
    expect(answer.json.error).toBe("body_too_large");
    expect(seen).toEqual([]);
  });

  it("takes the socket address, not request.ip: Fastify's trustProxy does not let X-Forwarded-For through", async () => {
    const { url } = await start({ fastify: { trustProxy: true }, receiver: { allowIps: ["10.0.0.0/8"] } });
    const forwarded = async () =>
      send(`${url}/hooks/blox`, { headers: { "content-type": "application/json", "x-hook-signature": await signBlox(pretty, SECRET), "x-forwarded-for": "10.1.2.3" }, body: pretty });
    const answer = await forwarded();
    expect(answer.status).toBe(403);
    expect(String(answer.json.message)).toContain("127.0.0.1");
  });

  it("believes X-Forwarded-For through the receiver's own trustProxy", async () => {
    const { url } = await start({ receiver: { allowIps: ["10.0.0.0/8"], trustProxy: ["127.0.0.1"] } });
    const answer = await send(`${url}/hooks/blox`, {
      headers: { "content-type": "application/json", "x-hook-signature": await signBlox(pretty, SECRET), "x-forwarded-for": "10.1.2.3" },
      body: pretty,
    });
    expect(answer.status).toBe(200);
  });

  it("answers through reply, so the app's onResponse hooks see every status", async () => {
    const { url, responses } = await start();
    await signedPost(`${url}/hooks/blox`);
    await send(`${url}/hooks/blox`, { headers: { "content-type": "application/json", "x-hook-signature": "bad" }, body: pretty });
    await send(`${url}/hooks/blox`, { method: "GET" });
    expect(responses).toEqual([200, 401, 405]);
  });

  it("mounts at a path inside the prefix", async () => {
    const receiver = createReceiver({ provider: blox({ secret: SECRET }) });
    app = Fastify();
    await app.register(fastifyReceiver(receiver, { path: "/blox" }), { prefix: "/hooks" });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    expect((await signedPost(`${url}/hooks/blox`)).status).toBe(200);
    expect((await signedPost(`${url}/hooks`)).status).toBe(404);
  });
});
