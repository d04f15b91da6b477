/**
 * A throw-away app that installs the packed tarballs the way a user would and
 * uses the public API from plain ESM, plain CommonJS and TypeScript (node16
 * resolution, both module kinds). Written to a folder outside the workspace,
 * so nothing resolves to the monorepo's sources or node_modules.
 */

/** Basic-auth credentials the consumer configures Kapost with. */
const KAPOST_AUTH = { basic: { username: "kapost", password: "pa55:word" } };

/**
 * ESM: imports every packed package by name, then runs real deliveries over
 * 127.0.0.1 through `toNodeHandler` (BLOX, signed) and Express
 * (`expressReceiver`, Kapost with basic auth), built with the testkit; and
 * the BLOX ones as function URL events through `lambdaReceiver`.
 * Prints one JSON line with what it saw.
 */
export const consumerEsm = `
import http from "node:http";
import { createReceiver, basicAuth, cryptoEngine } from "@cmshooks/core";
import { blox } from "@cmshooks/blox";
import { kapost } from "@cmshooks/kapost";
import { toNodeHandler } from "@cmshooks/node";
import { expressReceiver } from "@cmshooks/express";
import { lambdaReceiver } from "@cmshooks/lambda";
import { testkit } from "@cmshooks/testkit";
import express from "express";

const names = JSON.parse(process.argv[2]);
const exportsOf = {};
for (const name of names) exportsOf[name] = Object.keys(await import(name)).length;

async function serve(listener) {
  const server = http.createServer(listener);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: "http://127.0.0.1:" + server.address().port, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}
const post = async (url, delivery, headers = delivery.headers) =>
  (await fetch(url + delivery.path, { method: delivery.method, headers, body: delivery.body })).status;

const secret = "install-check-secret";
const bloxReceiver = createReceiver({ provider: blox({ secret }) });
const seen = [];
bloxReceiver.on("editorial.update_asset", ({ payload }) => void seen.push(payload.data.uuid));
const bloxServer = await serve(toNodeHandler(bloxReceiver));
const signed = await testkit.blox.delivery("editorial.update_asset", { secret });
const forged = await testkit.blox.delivery("editorial.update_asset", { secret: "not-the-secret" });
const blox200 = await post(bloxServer.url, signed);
const blox401 = await post(bloxServer.url, forged);
await bloxServer.close();
const functionUrlEvent = (delivery) => ({
  rawPath: delivery.path,
  rawQueryString: "",
  headers: delivery.headers,
  body: btoa(String.fromCharCode(...delivery.body)),
  isBase64Encoded: true,
  requestContext: { http: { method: "POST", sourceIp: "203.0.113.10" } },
});
const lambda = lambdaReceiver(createReceiver({ provider: blox({ secret }) }));
const lambda200 = (await lambda(functionUrlEvent(signed))).statusCode;
const lambda401 = (await lambda(functionUrlEvent(forged))).statusCode;

const auth = ${JSON.stringify(KAPOST_AUTH)};
const kapostReceiver = createReceiver({ provider: kapost({ auth: basicAuth(auth.basic) }) });
kapostReceiver.onContentPublish((event) => void seen.push(event.kind));
const app = express();
app.post("/hooks/kapost", expressReceiver(kapostReceiver));
const expressServer = await serve(app);
const publish = await testkit.kapost.delivery("content.publish", { auth });
const { authorization, ...anonymous } = publish.headers;
const kapost200 = await post(expressServer.url, publish);
const kapost401 = await post(expressServer.url, publish, anonymous);
await expressServer.close();

console.log(JSON.stringify({ exportsOf, blox200, blox401, kapost200, kapost401, lambda200, lambda401, seen, syncCrypto: cryptoEngine.sync }));
`;

/**
 * CommonJS: requires every packed package by name and runs a BLOX and a
 * Kapost delivery through `receiver.handle` (what the Node adapters call), and
 * the BLOX one through the Fastify plugin (Fastify's `inject`, in process).
 */
export const consumerCjs = `
const { createReceiver, basicAuth, cryptoEngine } = require("@cmshooks/core");
const { blox, signBlox } = require("@cmshooks/blox");
const { kapost } = require("@cmshooks/kapost");
const { testkit, toHandleInput } = require("@cmshooks/testkit");
const { fastifyReceiver } = require("@cmshooks/fastify");
const Fastify = require("fastify");

async function main() {
  const names = JSON.parse(process.argv[2]);
  const exportsOf = {};
  for (const name of names) exportsOf[name] = Object.keys(require(name)).length;

  const secret = "install-check-secret";
  const body = JSON.stringify(testkit.blox.payload("user.create_user"));
  const bloxReceiver = createReceiver({ provider: blox({ secret }) });
  const headers = { "content-type": "application/json", "x-hook-signature": await signBlox(body, secret) };
  const blox200 = (await bloxReceiver.handle({ method: "POST", headers, body })).status;
  const blox401 = (await bloxReceiver.handle({ method: "POST", headers: { ...headers, "x-hook-signature": "AAAA" }, body })).status;
  const app = Fastify();
  await app.register(fastifyReceiver(bloxReceiver), { prefix: "/hooks/blox" });
  const fastify200 = (await app.inject({ method: "POST", url: "/hooks/blox", headers, payload: body })).statusCode;
  await app.close();

  const auth = ${JSON.stringify(KAPOST_AUTH)};
  const kapostReceiver = createReceiver({ provider: kapost({ auth: basicAuth(auth.basic) }) });
  const kapost200 = (await kapostReceiver.handle(toHandleInput(await testkit.kapost.delivery("content.create", { auth })))).status;

  console.log(JSON.stringify({ exportsOf, blox200, blox401, kapost200, fastify200, syncCrypto: cryptoEngine.sync }));
}
main().catch((error) => { console.error(error); process.exit(1); });
`;

/** TypeScript, ESM side (.mts): the public types as an app uses them; checked by `tsc`, never run. */
export const consumerMts = `
import { createServer, type RequestListener } from "node:http";
import { createReceiver, basicAuth, type Receiver, type WebhookError } from "@cmshooks/core";
import { blox, type BloxEventName } from "@cmshooks/blox";
import { kapost } from "@cmshooks/kapost";
import { toNodeHandler } from "@cmshooks/node";
import { expressReceiver, type ExpressReceiverHandler } from "@cmshooks/express";
import { koaReceiver } from "@cmshooks/koa";
import { honoReceiver } from "@cmshooks/hono";
import { fastifyReceiver, fastifyHandler } from "@cmshooks/fastify";
import { lambdaReceiver, type LambdaHttpHandler, type LambdaHttpResult } from "@cmshooks/lambda";
import { testkit, toRequest, type TestDelivery } from "@cmshooks/testkit";
import { Hono } from "hono";
import Fastify from "fastify";

const receiver = createReceiver({ provider: blox({ secret: process.env.BLOX_SECRET ?? "" }) });
receiver.on("editorial.update_asset", ({ name, payload }) => {
  const event: BloxEventName = name;
  const uuid: string = payload.data.uuid;
  const published: "yes" | "no" = payload.data.published;
  void [event, uuid, published];
});
// @ts-expect-error: not a BLOX event
receiver.on("editorial.updte_asset", () => {});
receiver.onContentPublish((event) => void event.items[0]?.id.toUpperCase());
receiver.onError((error: WebhookError) => void error.status.toFixed());

const listener: RequestListener = toNodeHandler(receiver);
createServer(listener);

const kapostReceiver: Receiver<ReturnType<typeof kapost>> = createReceiver({
  provider: kapost({ auth: basicAuth({ username: "kapost", password: process.env.KAPOST_PASSWORD ?? "" }) }),
});
const express: ExpressReceiverHandler = expressReceiver(kapostReceiver);
const koa = koaReceiver(kapostReceiver);
const app = new Hono();
app.post("/hooks/blox", honoReceiver(receiver));

const fastify = Fastify();
await fastify.register(fastifyReceiver(receiver, { timeoutMs: 10_000 }), { prefix: "/hooks/blox" });
fastify.post("/hooks/kapost", fastifyHandler(kapostReceiver));
const lambda: LambdaHttpHandler = lambdaReceiver(receiver);
const result: LambdaHttpResult = await lambda({ rawPath: "/", rawQueryString: "", headers: {}, isBase64Encoded: false, requestContext: { http: { method: "POST", sourceIp: "203.0.113.10" } } });

const delivery: TestDelivery = await testkit.blox.delivery("editorial.update_asset", { secret: "s" });
const response: Response = await receiver.fetch(toRequest(delivery));
void [express, koa, response.status, result.statusCode];
`;

/** TypeScript, CommonJS side (.cts): the same names resolve to the .d.cts types. */
export const consumerCts = `
import { createReceiver, basicAuth } from "@cmshooks/core";
import { kapost } from "@cmshooks/kapost";
import { toNodeHandler } from "@cmshooks/node";
import { testkit, toHandleInput } from "@cmshooks/testkit";

export async function check(): Promise<number> {
  const auth = { basic: { username: "kapost", password: "p" } } as const;
  const receiver = createReceiver({ provider: kapost({ auth: basicAuth(auth.basic) }) });
  receiver.on("content.publish", ({ payload }) => void payload.payload.full_post.id);
  toNodeHandler(receiver);
  const { status } = await receiver.handle(toHandleInput(await testkit.kapost.delivery("content.publish", { auth })));
  return status;
}
`;

/** tsconfig of the consumer: what a strict Node app on node16 resolution compiles with. */
export const consumerTsconfig = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2022", "DOM"],
    types: ["node"],
    strict: true,
    noEmit: true,
    // Library declarations are checked too: a broken .d.ts of ours must fail here.
    skipLibCheck: false,
  },
  files: ["consumer.mts", "consumer.cts"],
};
