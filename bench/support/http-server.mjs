// One HTTP server for the HTTP benchmark, in its own process: `node http-server.mjs <framework> <bare|floor|cmshooks>`.
// "bare" reads the body and answers 200, as the lightest route a user could write; "floor" is what a careful
// developer writes by hand in the same framework (read the body, HMAC, timingSafeEqual, JSON.parse, one handler
// call, answer 200); "cmshooks" is our full receiver (verify + parse + validate + dispatch to a unified handler).
// Reports { port } and, on "cpu", its CPU time in µs.
import http from "node:http";
import { createReceiver } from "@cmshooks/core";
import { blox } from "@cmshooks/blox";
import { verifyAndParseByHand } from "./blox-delivery.mjs";

const [framework, mode] = process.argv.slice(2);
const SECRET = process.env.BENCH_SECRET ?? "bench-secret";
const receiver = createReceiver({ provider: blox({ secret: SECRET }) });
let handled = 0;
receiver.onContentUpdate((event) => void (handled += event.items.length));

/** The hand-written floor (the in-process suite's too): true when the delivery verified and its handler ran. */
function floorHandle(body, signature) {
  const payload = verifyAndParseByHand(SECRET, body, signature);
  if (payload === undefined) return false;
  if (payload.event === "update_asset") handled++;
  return true;
}

async function nodeServer() {
  if (mode === "bare" || mode === "floor") {
    return http.createServer((req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        if (mode === "floor" && !floorHandle(body, req.headers["x-hook-signature"])) return void res.writeHead(401).end();
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
  else if (mode === "floor") {
    app.post("/hooks/blox", express.raw({ type: () => true, limit: "1mb" }), (req, res) => {
      if (!floorHandle(req.body, req.get("x-hook-signature"))) return void res.status(401).end();
      res.json({ ok: true });
    });
  } else {
    const { expressReceiver } = await import("@cmshooks/express");
    app.post("/hooks/blox", expressReceiver(receiver));
  }
  return http.createServer(app);
}

async function koaServer() {
  const { default: Koa } = await import("koa");
  const app = new Koa();
  if (mode === "bare" || mode === "floor") {
    const { default: getRawBody } = await import("raw-body");
    app.use(async (ctx) => {
      const body = await getRawBody(ctx.req, { limit: "1mb" });
      if (mode === "floor" && !floorHandle(body, ctx.get("x-hook-signature"))) return void (ctx.status = 401);
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
  else if (mode === "floor") {
    app.post("/hooks/blox", async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer());
      if (!floorHandle(body, c.req.header("x-hook-signature"))) return c.body(null, 401);
      return c.json({ ok: true });
    });
  } else {
    const { honoReceiver } = await import("@cmshooks/hono");
    app.post("/hooks/blox", honoReceiver(receiver));
  }
  return http.createServer(getRequestListener(app.fetch));
}

async function fastifyServer() {
  const { default: Fastify } = await import("fastify");
  const app = Fastify();
  if (mode === "bare" || mode === "floor") {
    // Fastify's own way to a raw body: a content-type parser that keeps the Buffer.
    app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, raw, done) => done(null, raw));
    app.post("/hooks/blox", async (request, reply) => {
      if (mode === "floor" && !floorHandle(request.body, request.headers["x-hook-signature"])) return reply.code(401).send();
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
process.on("SIGINT", () => process.exit(0));
