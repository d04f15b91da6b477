import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { createReceiver, type WebhookError } from "@cmshooks/core";
import { toNodeHandler } from "@cmshooks/node";
import { redisDedupeStore } from "@cmshooks/redis";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";
import { connectRedis, requireRedis } from "./support/redis.js";
import { startOwnRedisServer, type OwnRedisServer } from "./support/redis-server-process.js";

const SECRET = "blox-outage-secret-0123456789";
// This file starts its own redis-server (never touching the shared one); it needs the binary that CI installs.
const redisUp = await requireRedis();

async function delivery(tag: string) {
  const sample = bloxSamples["editorial.update_asset"];
  const body = JSON.stringify({ ...sample, data: { ...sample.data, uuid: `uuid-${tag}`, title: `Story ${tag}` } });
  return { body, headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, SECRET) } };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(!redisUp)("the receiver while its Redis goes away and comes back (own redis-server)", () => {
  let own: OwnRedisServer;
  let client: Redis;
  let server: RunningServer;
  const ran: string[] = [];
  const errors: WebhookError[] = [];

  beforeAll(async () => {
    own = await startOwnRedisServer();
    client = await connectRedis(own.url);
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), dedupe: redisDedupeStore({ client, prefix: "outage:" }) });
    receiver.on("editorial.update_asset", ({ payload }) => void ran.push(payload.data.uuid));
    receiver.onError((error) => void errors.push(error));
    server = await startServer(toNodeHandler(receiver));
  });

  afterAll(async () => {
    await server?.close();
    client?.disconnect();
    await own?.stop();
  });

  it("handles deliveries while Redis is up (200)", async () => {
    const answer = await request(server.url, await delivery("before"));
    expect(answer.status).toBe(200);
    expect(ran).toEqual(["uuid-before"]);
  });

  it("answers 503 dedupe_unavailable with Retry-After while Redis is down, and runs no handler", async () => {
    await own.stop();
    await until(() => client.status !== "ready");
    const during = await delivery("during");
    for (let attempt = 0; attempt < 5; attempt++) {
      const started = Date.now();
      const answer = await request(server.url, during);
      expect(answer.status).toBe(503);
      expect(answer.json.error).toBe("dedupe_unavailable");
      expect(answer.headers["retry-after"]).toBe("5");
      expect(Date.now() - started).toBeLessThan(1_000); // fails fast: nothing waits in an offline queue
    }
    expect(ran).toEqual(["uuid-before"]);
    expect(errors.some((e) => e.code === "dedupe_unavailable")).toBe(true);
  });

  it("handles the retried delivery exactly once when Redis is back", async () => {
    await own.start();
    await until(() => client.status === "ready");
    const during = await delivery("during");
    const answer = await request(server.url, during);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('{"ok":true}');
    expect((await request(server.url, during)).text).toBe('{"ok":true,"duplicate":true}');
    expect(ran).toEqual(["uuid-before", "uuid-during"]);
  });

  it("still answers 503 within the store's timeout with a client that queues commands offline (ioredis defaults)", async () => {
    const patient = new Redis(own.url, { lazyConnect: true }); // offline queue on, 20 retries per request
    patient.on("error", () => {});
    await patient.connect();
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), dedupe: redisDedupeStore({ client: patient, prefix: "outage:", timeoutMs: 300 }) });
    const handled: string[] = [];
    receiver.on("editorial.update_asset", ({ payload }) => void handled.push(payload.data.uuid));
    const patientServer = await startServer(toNodeHandler(receiver));
    try {
      await own.stop();
      const started = Date.now();
      const answer = await request(patientServer.url, await delivery("patient"));
      expect(answer.status).toBe(503);
      expect(answer.json.error).toBe("dedupe_unavailable");
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(handled).toEqual([]);

      // The queued claim reaches Redis once it is back; the store gives it back, so the retry is handled.
      await own.start();
      await until(() => patient.status === "ready");
      await until(async () => (await request(patientServer.url, await delivery("patient"))).status === 200);
      expect(handled).toEqual(["uuid-patient"]);
    } finally {
      await patientServer.close();
      patient.disconnect();
    }
  });

  it("re-sends the claim script when a restarted Redis no longer knows it (NOSCRIPT)", async () => {
    await until(() => client.status === "ready");
    await client.script("FLUSH");
    const store = redisDedupeStore({ client, prefix: "outage:noscript:" });
    expect(await store.claim("x", 5_000)).toBe("new");
    expect(await store.claim("x", 5_000)).toBe("processing");
  });
});

