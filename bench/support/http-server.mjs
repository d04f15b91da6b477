// One HTTP server for the HTTP benchmark, in its own process: `node http-server.mjs <framework> <bare|cmshooks>`.
// "bare" reads the body and answers 200, as the lightest route a user could write (Fastify's also verifies and
// parses: see fastifyServer); "cmshooks" is our full
// receiver (verify + parse + validate + dispatch). Reports { port } and, on "cpu", its CPU time in µs.
import http from "node:http";
import { createReceiver } from "@cmshooks/core";
import { blox } from "@cmshooks/blox";

const [framework, mode] = process.argv.slice(2);
const SECRET = process.env.BENCH_SECRET ?? "bench-secret";
const receiver = createReceiver({ provider: blox({ secret: SECRET }) });
let handled = 0;
receiver.on("editorial.update_asset", () => void handled++);

async function nodeServer() {
  if (mode === "bare") {
    return http.createServer((req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        Buffer.concat(chunks);
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      });
    });
  }
  const { toNodeHandler } = await import("@cmshooks/node");
  const handler = toNodeHandler(receiver);
  return http.createServer((req, res) => void handler(req, res));
}

async function expressServer() {
  const { default: express } = await import("express");
  const app = express();
  if (mode === "bare") app.post("/hooks/blox", express.raw({ type: () => true, limit: "1mb" }), (req, res) => void res.json({ ok: true }));
  else {
    const { expressReceiver } = await import("@cmshooks/express");
    app.post("/hooks/blox", expressReceiver(receiver));
  }
  return http.createServer(app);
}

async function koaServer() {
  const { default: Koa } = await import("koa");
  const app = new Koa();
  if (mode === "bare") {
    const { default: getRawBody } = await import("raw-body");
    app.use(async (ctx) => {
      await getRawBody(ctx.req, { limit: "1mb" });
      ctx.body = { ok: true };
    });
  } else {
    const { koaReceiver } = await import("@cmshooks/koa");
    const middleware = koaReceiver(receiver);
    app.use(middleware);
  }
  return http.createServer(app.callback());
}

async function honoServer() {
  const { Hono } = await import("hono");
  const { getRequestListener } = await import("@hono/node-server");
  const app = new Hono();
  if (mode === "bare") app.post("/hooks/blox", async (c) => (await c.req.arrayBuffer(), c.json({ ok: true })));
  else {
    const { honoReceiver } = await import("@cmshooks/hono");
    app.post("/hooks/blox", honoReceiver(receiver));
  }
  return http.createServer(getRequestListener(app.fetch));
}

// Fastify's bare route is the hand-written floor of a correct receiver: the raw body, HMAC, timingSafeEqual,
// JSON.parse, 200 (its parseAs "buffer" parser reads the body, under Fastify's bodyLimit).
async function fastifyServer() {
  const { default: Fastify } = await import("fastify");
  const app = Fastify();
  if (mode === "bare") {
    const { createHmac, timingSafeEqual } = await import("node:crypto");
    app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, raw, done) => done(null, raw));
    app.post("/hooks/blox", async (request, reply) => {
      const expected = createHmac("sha256", SECRET).update(request.body).digest();
      const received = Buffer.from(String(request.headers["x-hook-signature"] ?? ""), "base64");
      if (received.length !== expected.length || !timingSafeEqual(received, expected)) return reply.code(401).send({ error: "signature_mismatch" });
      JSON.parse(request.body.toString("utf8"));
      return { ok: true };
    });
  } else {
    const { fastifyReceiver } = await import("@cmshooks/fastify");
    await app.register(fastifyReceiver(receiver), { prefix: "/hooks/blox" });
  }
  await app.ready();
  return app.server;
}

const servers = { node: nodeServer, express: expressServer, koa: koaServer, hono: honoServer, fastify: fastifyServer };
const server = await servers[framework]();
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("message", (msg) => {
  if (msg === "cpu") {
    const { user, system } = process.cpuUsage();
    process.send({ cpu: user + system, handled });
  }
});
