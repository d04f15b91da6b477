import type { RequestListener } from "node:http";
import { createReceiver, type WebhookError, type WebhookReceiver } from "@cmshooks/core";
import { blox } from "@cmshooks/blox";
import { expressReceiver } from "@cmshooks/express";
import { koaReceiver } from "@cmshooks/koa";
import { honoReceiver } from "@cmshooks/hono";
import { fastifyHandler, fastifyReceiver } from "@cmshooks/fastify";
import { bodyParser as koaBodyParser6 } from "@koa/bodyparser";
import Router from "@koa/router";
import { getRequestListener } from "@hono/node-server";
import express5 from "express";
import express4 from "express4";
import Fastify5 from "fastify";
import Fastify4 from "fastify4";
import { Hono } from "hono";
import Koa3 from "koa";
import Koa2 from "koa2";
import koaBodyParser4 from "koa-bodyparser";

export const SECRET = "blox-adapter-secret";
/** Small, so oversized deliveries stay cheap to send. */
export const LIMIT = 64 * 1024;

/** A BLOX receiver that records what its handlers saw and what it reported. */
export function makeReceiver(options: { allowIps?: readonly string[] } = {}) {
  const seen: string[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({ provider: blox({ secret: SECRET }), maxBodyBytes: LIMIT, ...options });
  receiver.on("editorial.update_asset", ({ payload }) => {
    seen.push(`native:${payload.data.uuid}`);
    if (payload.data.title === "explode") throw new Error("handler exploded");
  });
  receiver.onContentPublish((event) => void seen.push(`publish:${event.items[0]?.id}`));
  receiver.onError((error) => void errors.push(error));
  return { receiver, seen, errors };
}
export type ReceiverContext = ReturnType<typeof makeReceiver>;
/** What the adapters need of a receiver. */
export type ReceiverEntry = Pick<WebhookReceiver, "handle" | "fetch">;

/** A body parser mounted app-wide, before the webhook route, and what the delivery should get through it. */
export interface ParserCase {
  readonly name: string;
  readonly status: number;
  readonly code?: string;
  /** Bytes put before the default delivery's JSON (signed as sent). */
  readonly prefix?: Uint8Array;
  readonly mount: "express.json" | "express.raw" | "express.json-verify" | "koa-bodyparser" | "@koa/bodyparser" | "rawless-parser" | "fastify-json" | "fastify-buffer" | HonoMiddleware;
}

/**
 * One framework under test: an app with the receiver on every method at
 * `/hooks/blox` (so wrong methods reach it and get 405) and an unrelated
 * `POST /other` route that parses JSON with the framework's own parser.
 */
export interface Framework {
  readonly name: string;
  app(receiver: ReceiverEntry, parser?: ParserCase["mount"]): RequestListener;
  readonly parserCases: readonly ParserCase[];
}

/** What a Hono middleware before the webhook route did with the body. */
type HonoMiddleware = "hono:json" | "hono:arrayBuffer" | "hono:stream";

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const expressParserCases: ParserCase[] = [
  { name: "express.json() first answers 500 body_already_parsed", mount: "express.json", status: 500, code: "body_already_parsed" },
  { name: "express.raw() first verifies its Buffer (200)", mount: "express.raw", status: 200 },
  { name: "express.json({ verify }) keeping req.rawBody first verifies that Buffer (200)", mount: "express.json-verify", status: 200 },
];
const honoParserCases: ParserCase[] = [
  { name: "c.req.json() first verifies the text Hono cached (200)", mount: "hono:json", status: 200 },
  { name: "c.req.arrayBuffer() first verifies the bytes Hono cached (200)", mount: "hono:arrayBuffer", status: 200 },
  { name: "c.req.json() first, with a BOM the text lost, answers 500 body_already_read", mount: "hono:json", status: 500, code: "body_already_read", prefix: BOM },
  { name: "a middleware that read the raw stream answers 500 body_already_read", mount: "hono:stream", status: 500, code: "body_already_read" },
];
const koaParserCases: ParserCase[] = [
  { name: "koa-bodyparser first verifies its rawBody (200)", mount: "koa-bodyparser", status: 200 },
  { name: "@koa/bodyparser first verifies its rawBody (200)", mount: "@koa/bodyparser", status: 200 },
  { name: "a parser that keeps no rawBody answers 500 body_already_parsed", mount: "rawless-parser", status: 500, code: "body_already_parsed" },
  {
    name: "a rawBody shorter than the bytes received (BOM dropped) answers 500 body_already_parsed",
    mount: "koa-bodyparser",
    status: 500,
    code: "body_already_parsed",
    prefix: BOM,
  },
];

const fastifyParserCases: ParserCase[] = [
  {
    name: "the route handler behind Fastify's own JSON parser answers 500 body_already_parsed",
    mount: "fastify-json",
    status: 500,
    code: "body_already_parsed",
  },
  { name: "the route handler behind a parseAs: \"buffer\" parser verifies its Buffer (200)", mount: "fastify-buffer", status: 200 },
];

function expressApp(express: typeof express5) {
  return (receiver: ReceiverEntry, parser?: ParserCase["mount"]): RequestListener => {
    const app = express();
    if (parser === "express.json") app.use(express.json());
    if (parser === "express.raw") app.use(express.raw({ type: "*/*" }));
    if (parser === "express.json-verify") {
      app.use(express.json({ verify: (req, _res, buf) => void ((req as unknown as { rawBody?: Buffer }).rawBody = buf) }));
    }
    app.all("/hooks/blox", expressReceiver(receiver));
    app.post("/other", express.json(), (req, res) => void res.json({ echo: req.body }));
    return app;
  };
}

/** Reads and parses JSON the way many hand-written parsers do: without keeping the bytes. */
const rawlessParser: Koa3.Middleware = async (ctx, next) => {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  ctx.request.body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  await next();
};

function koaApp(Koa: typeof Koa3) {
  return (receiver: ReceiverEntry, parser?: ParserCase["mount"]): RequestListener => {
    const app = new Koa();
    app.silent = true;
    if (parser === "koa-bodyparser") app.use(koaBodyParser4());
    if (parser === "@koa/bodyparser") app.use(koaBodyParser6());
    if (parser === "rawless-parser") app.use(rawlessParser);
    const router = new Router();
    router.all("/hooks/blox", koaReceiver(receiver));
    router.post("/other", koaBodyParser6(), (ctx) => void (ctx.body = { echo: ctx.request.body }));
    app.use(router.routes());
    return app.callback();
  };
}

function honoApp(receiver: ReceiverEntry, parser?: ParserCase["mount"]): RequestListener {
  const app = new Hono();
  if (parser === "hono:json") app.use(async (c, next) => void (await c.req.json(), await next()));
  if (parser === "hono:arrayBuffer") app.use(async (c, next) => void (await c.req.arrayBuffer(), await next()));
  if (parser === "hono:stream") app.use(async (c, next) => void (await new Response(c.req.raw.body).arrayBuffer(), await next()));
  app.all("/hooks/blox", honoReceiver(receiver));
  app.post("/other", async (c) => c.json({ echo: await c.req.json() }));
  return getRequestListener(app.fetch);
}

/**
 * A Fastify app as a request listener: the plugin at `/hooks/blox` (or, with a
 * parser case, the route handler behind that parser), and `POST /other` with
 * Fastify's own JSON parsing. Requests wait until the app is ready.
 */
function fastifyApp(Fastify: typeof Fastify5) {
  return (receiver: ReceiverEntry, parser?: ParserCase["mount"]): RequestListener => {
    const app = Fastify();
    if (parser === "fastify-json") app.all("/hooks/blox", fastifyHandler(receiver));
    else if (parser === "fastify-buffer") {
      void app.register(async (scope) => {
        scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
        scope.all("/hooks/blox", fastifyHandler(receiver));
      });
    } else void app.register(fastifyReceiver(receiver), { prefix: "/hooks/blox" });
    app.post("/other", async (request) => ({ echo: request.body }));
    const ready = app.ready();
    return (req, res) => void ready.then(() => app.routing(req, res));
  };
}

/** The frameworks × versions the adapters support. */
export const frameworks: readonly Framework[] = [
  { name: "Express 5", app: expressApp(express5), parserCases: expressParserCases },
  { name: "Express 4", app: expressApp(express4), parserCases: expressParserCases },
  { name: "Koa 3", app: koaApp(Koa3), parserCases: koaParserCases },
  { name: "Koa 2", app: koaApp(Koa2), parserCases: koaParserCases },
  { name: "Hono (node-server)", app: honoApp, parserCases: honoParserCases },
  { name: "Fastify 5", app: fastifyApp(Fastify5), parserCases: fastifyParserCases },
  // Typed as Fastify 5 here, where both are installed; the adapter is type-checked against Fastify 4 in packages/fastify (tsconfig.fastify4.json).
  { name: "Fastify 4", app: fastifyApp(Fastify4 as unknown as typeof Fastify5), parserCases: fastifyParserCases },
];
