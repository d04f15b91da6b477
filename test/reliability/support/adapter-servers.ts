import http, { type RequestListener, type ServerOptions } from "node:http";
import type { WebhookReceiver } from "@cmshooks/core";
import { expressReceiver } from "@cmshooks/express";
import { fastifyReceiver } from "@cmshooks/fastify";
import { honoReceiver } from "@cmshooks/hono";
import { koaReceiver } from "@cmshooks/koa";
import { toNodeHandler } from "@cmshooks/node";
import Router from "@koa/router";
import { getRequestListener } from "@hono/node-server";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import Koa from "koa";
import { startServer, type RunningServer } from "../../support/http.js";

/** The adapters under test: plain node:http, Express 5, Koa 3, Hono on @hono/node-server, Fastify 5. */
export const ADAPTERS = ["node", "express", "koa", "hono", "fastify"] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/** A receiver mounted at a path (every method, so wrong methods reach it and get 405). */
export interface Mount {
  readonly path: string;
  readonly receiver: Pick<WebhookReceiver, "handle" | "fetch">;
}

/** Options of {@link startAdapter}: Node's server timeouts, and the adapters' own body timeout. */
export interface AdapterServerOptions {
  /** `readBodyWithLimit`'s timeout (node, express, koa, fastify); Hono has none of its own. */
  readonly bodyTimeoutMs?: number;
  /** Passed to `http.createServer`: `headersTimeout`, `requestTimeout`, `connectionsCheckingInterval`, `keepAliveTimeout`, … */
  readonly server?: ServerOptions;
}

/** The request listener of one adapter with the given mounts. */
export function adapterListener(adapter: AdapterName, mounts: readonly Mount[], options: AdapterServerOptions = {}): RequestListener {
  const body = options.bodyTimeoutMs === undefined ? {} : { timeoutMs: options.bodyTimeoutMs };
  switch (adapter) {
    case "node": {
      const handlers = new Map(mounts.map((m) => [m.path, toNodeHandler(m.receiver, body)]));
      return (req, res) => {
        const handler = handlers.get((req.url ?? "/").split("?")[0]!);
        if (handler) return void handler(req, res);
        res.writeHead(404).end();
      };
    }
    case "express": {
      const app = express();
      for (const m of mounts) app.all(m.path, expressReceiver(m.receiver, body));
      return app;
    }
    case "koa": {
      const app = new Koa();
      app.silent = true;
      const router = new Router();
      for (const m of mounts) router.all(m.path, koaReceiver(m.receiver, body));
      app.use(router.routes());
      return app.callback();
    }
    case "hono": {
      const app = new Hono();
      for (const m of mounts) app.all(m.path, honoReceiver(m.receiver));
      return getRequestListener(app.fetch);
    }
    case "fastify": {
      // Fastify routes the requests of this node:http server (with its timeouts) once its plugins are loaded.
      const app = Fastify();
      for (const m of mounts) void app.register(fastifyReceiver(m.receiver, body), { prefix: m.path });
      const ready = app.ready();
      return (req, res) => void ready.then(() => app.routing(req, res));
    }
  }
}

/** Starts an adapter on 127.0.0.1 with an ephemeral port. */
export function startAdapter(adapter: AdapterName, mounts: readonly Mount[], options: AdapterServerOptions = {}): Promise<RunningServer & { port: number }> {
  const server = http.createServer(options.server ?? {}, adapterListener(adapter, mounts, options));
  return startServer(server).then((running) => ({ ...running, port: Number(new URL(running.url).port) }));
}

/** How many connections a server holds open right now. */
export function openConnections(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}
