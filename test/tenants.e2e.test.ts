/**
 * Many tenants on one endpoint: each customer's CMS signs with its own
 * secret, resolved per delivery from the route (or the body), cached.
 */
import type { AddressInfo } from "node:net";
import { createReceiver, memoryDedupeStore, type WebhookError } from "@cmshooks/core";
import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { expressReceiver } from "@cmshooks/express";
import { fastifyReceiver } from "@cmshooks/fastify";
import { lambdaReceiver } from "@cmshooks/lambda";
import Fastify from "fastify";
import { httpApiEvent } from "../packages/lambda/src/aws-sample-events.test-support.js";
import { honoReceiver } from "@cmshooks/hono";
import { koaReceiver } from "@cmshooks/koa";
import { serve } from "@hono/node-server";
import Router from "@koa/router";
import express from "express";
import { Hono } from "hono";
import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";

const TENANTS = 1_000;
const secretOf = (i: number) => `tenant-${i}-secret-${(i * 7919).toString(36)}`;
const secrets = new Map(Array.from({ length: TENANTS }, (_, i) => [`t${i}`, secretOf(i)]));
const body = JSON.stringify(bloxSamples["editorial.update_asset"]);
const signed = async (secret: string, b = body) => ({ "content-type": "application/json", "x-hook-signature": await signBlox(b, secret) });

describe("one Express route for 1 000 tenants", () => {
  let server: RunningServer;
  let lookups = 0;
  let failLookups = false;
  const handled: (string | undefined)[] = [];
  const errors: WebhookError[] = [];
  beforeAll(async () => {
    const receiver = createReceiver({
      provider: blox({
        secret: async ({ tenant }) => {
          lookups++;
          if (failLookups) throw new Error("secret store down");
          return tenant === undefined ? undefined : secrets.get(tenant);
        },
        cache: { ttlMs: 60_000, maxEntries: 100 },
      }),
      dedupe: memoryDedupeStore(),
      log: false,
    });
    receiver.on("editorial.update_asset", (event) => void handled.push(event.tenant));
    receiver.onError((e) => void errors.push(e));
    const app = express();
    app.post("/hooks/:tenant", expressReceiver(receiver));
    server = await startServer(app);
  });
  afterAll(() => server.close());

  it("accepts each tenant's delivery signed with its own secret, and tells handlers the tenant", async () => {
    for (let i = 0; i < TENANTS; i += 50) {
      const batch = Array.from({ length: Math.min(50, TENANTS - i) }, (_, j) => i + j);
      const results = await Promise.all(batch.map(async (t) => request(`${server.url}/hooks/t${t}`, { method: "POST", headers: await signed(secretOf(t)), body })));
      expect(results.map((r) => r.status)).toEqual(batch.map(() => 200));
    }
    // The same body from every tenant: dedupe keys are per tenant, so none was taken for a duplicate.
    expect(handled).toHaveLength(TENANTS);
    expect(new Set(handled).size).toBe(TENANTS);
    expect(handled).toContain("t0");
    expect(handled).toContain(`t${TENANTS - 1}`);
  });

  it("answers 401 to tenant A's delivery sent to tenant B's route", async () => {
    const res = await request(`${server.url}/hooks/t2`, { method: "POST", headers: await signed(secretOf(1)), body });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe("signature_mismatch");
  });

  it("answers an unknown tenant 401, exactly like a wrong signature (no oracle of which tenants exist)", async () => {
    const unknown = await request(`${server.url}/hooks/nobody`, { method: "POST", headers: await signed("whatever"), body });
    const wrong = await request(`${server.url}/hooks/t3`, { method: "POST", headers: await signed("whatever"), body });
    expect([unknown.status, unknown.text]).toEqual([wrong.status, wrong.text]);
    expect(unknown.status).toBe(401);
  });

  it("keeps the cache bounded: only the most recent tenants are answered without a lookup", async () => {
    const before = lookups;
    await request(`${server.url}/hooks/t${TENANTS - 1}`, { method: "POST", headers: await signed(secretOf(TENANTS - 1)), body: `${body} ` });
    expect(lookups).toBe(before); // still cached
    await request(`${server.url}/hooks/t5`, { method: "POST", headers: await signed(secretOf(5)), body: `${body}  ` });
    expect(lookups).toBe(before + 1); // evicted long ago: looked up again
  });

  it("answers 503 with Retry-After when the secret lookup fails", async () => {
    failLookups = true;
    try {
      const res = await request(`${server.url}/hooks/t7`, { method: "POST", headers: await signed(secretOf(7)), body });
      expect(res.status).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(res.json.error).toBe("credentials_unavailable");
      expect(res.text).not.toContain("secret store down");
      expect(errors.some((e) => e.code === "credentials_unavailable")).toBe(true);
    } finally {
      failLookups = false;
    }
  });
});

describe("route parameters from every adapter", () => {
  const make = () => {
    const seen: (string | undefined)[] = [];
    const receiver = createReceiver({ provider: blox({ secret: ({ tenant }) => secrets.get(tenant ?? "") }), log: false });
    receiver.on("editorial.update_asset", (event) => void seen.push(event.tenant));
    return { receiver, seen };
  };

  it("Koa (@koa/router params)", async () => {
    const { receiver, seen } = make();
    const router = new Router();
    router.post("/hooks/:tenant", koaReceiver(receiver));
    const server = await startServer(new Koa().use(router.routes()).callback());
    try {
      expect((await request(`${server.url}/hooks/t11`, { method: "POST", headers: await signed(secretOf(11)), body })).status).toBe(200);
      expect((await request(`${server.url}/hooks/t12`, { method: "POST", headers: await signed(secretOf(11)), body })).status).toBe(401);
      expect(seen).toEqual(["t11"]);
    } finally {
      await server.close();
    }
  });

  it("Hono (c.req.param())", async () => {
    const { receiver, seen } = make();
    const app = new Hono();
    app.post("/hooks/:tenant", honoReceiver(receiver));
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await request(`${url}/hooks/t21`, { method: "POST", headers: await signed(secretOf(21)), body })).status).toBe(200);
      expect((await request(`${url}/hooks/t22`, { method: "POST", headers: await signed(secretOf(21)), body })).status).toBe(401);
      expect(seen).toEqual(["t21"]);
    } finally {
      server.close();
    }
  });

  it("Fastify (request.params)", async () => {
    const { receiver, seen } = make();
    const app = Fastify();
    await app.register(fastifyReceiver(receiver), { prefix: "/hooks/:tenant" });
    await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      expect((await request(`${url}/hooks/t41`, { method: "POST", headers: await signed(secretOf(41)), body })).status).toBe(200);
      expect((await request(`${url}/hooks/t42`, { method: "POST", headers: await signed(secretOf(41)), body })).status).toBe(401);
      expect(seen).toEqual(["t41"]);
    } finally {
      await app.close();
    }
  });

  it("AWS Lambda (pathParameters)", async () => {
    const { receiver, seen } = make();
    const handler = lambdaReceiver(receiver);
    const requestContext = { ...httpApiEvent.requestContext, http: { ...httpApiEvent.requestContext.http, method: "POST" } };
    const event = (tenant: string, headers: Record<string, string>) => ({ ...httpApiEvent, requestContext, headers, body, isBase64Encoded: false, pathParameters: { tenant } });
    expect((await handler(event("t51", await signed(secretOf(51))))).statusCode).toBe(200);
    expect((await handler(event("t52", await signed(secretOf(51))))).statusCode).toBe(401);
    expect(seen).toEqual(["t51"]);
  });

  it("a tenant named from the (unverified) body, for vendors that put it there", async () => {
    const receiver = createReceiver({
      provider: blox({ secret: ({ tenant }) => secrets.get(tenant ?? "") }),
      tenant: ({ peek }) => (peek() as { data?: { site?: string } } | undefined)?.data?.site,
      log: false,
    });
    const seen: (string | undefined)[] = [];
    receiver.on("editorial.update_asset", (event) => void seen.push(event.tenant));
    const own = JSON.stringify({ ...bloxSamples["editorial.update_asset"], data: { ...bloxSamples["editorial.update_asset"].data, site: "t31" } });
    expect((await receiver.handle({ method: "POST", headers: await signed(secretOf(31), own), body: own })).status).toBe(200);
    // Claiming another site's tenant in the body does not help: the signature must be that tenant's.
    const forged = own.replace('"t31"', '"t32"');
    expect((await receiver.handle({ method: "POST", headers: await signed(secretOf(31), forged), body: forged })).status).toBe(401);
    expect(seen).toEqual(["t31"]);
  });
});
