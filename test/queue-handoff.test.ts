import { createHash } from "node:crypto";
import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { createReceiver, memoryDedupeStore, type Handoff, type WebhookError } from "@cmshooks/core";
import { toNodeHandler } from "@cmshooks/node";
import { createWorker, deliveryJobId, queueHandoff } from "@cmshooks/queue";
import { Queue, type Worker } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";
import { connectRedis, deleteKeys, REDIS_URL, requireRedis, uniquePrefix } from "./support/redis.js";

const SECRET = "blox-handoff-secret-0123456789";
const redisUp = await requireRedis();
const { hostname, port } = new URL(REDIS_URL);
const connection = { host: hostname, port: Number(port) };

async function delivery(tag: string, title = `Story ${tag}`) {
  const sample = bloxSamples["editorial.update_asset"];
  const body = JSON.stringify({ ...sample, data: { ...sample.data, uuid: `uuid-${tag}`, title } });
  return { body, headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, SECRET) } };
}
const bloxDeliveryId = (body: string) => `${createHash("sha256").update(body).digest("hex")}:editorial.update_asset`;

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The app's receiver, built once: inline handling or queue hand-off is the
 * `handoff` option alone; the handlers are the same code either way.
 */
function appReceiver(handoff?: Handoff) {
  const ran: string[] = [];
  const errors: WebhookError[] = [];
  const store = memoryDedupeStore();
  const receiver = createReceiver({
    provider: blox({ secret: SECRET }),
    dedupe: { store, retryAfterSeconds: 1 },
    ...(handoff ? { handoff } : {}),
  });
  receiver.on("editorial.update_asset", ({ payload }) => {
    ran.push(payload.data.uuid);
    if (payload.data.title?.startsWith("fail-once") && ran.filter((u) => u === payload.data.uuid).length === 1) {
      throw new Error("first attempt fails");
    }
  });
  receiver.onContentPublish((event) => void ran.push(`publish:${event.items[0]?.id}`));
  receiver.onError((error) => void errors.push(error));
  return { receiver, store, ran, errors };
}

describe.skipIf(!redisUp)("queueHandoff + createWorker on a real Redis", () => {
  const prefix = uniquePrefix("handoff");
  const bullPrefix = prefix.slice(0, -1);
  let redis: Redis;
  let queue: Queue;
  let server: RunningServer;
  let app: ReturnType<typeof appReceiver>;
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    redis = await connectRedis();
    queue = new Queue("hooks", { connection: { ...connection, enableOfflineQueue: false }, prefix: bullPrefix });
    queue.on("error", () => {});
    await queue.waitUntilReady();
    app = appReceiver(queueHandoff({ queue, status: 202, jobOptions: { attempts: 3, backoff: { type: "fixed", delay: 50 } } }));
    server = await startServer(toNodeHandler(app.receiver));
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await server?.close();
    await queue?.close();
    if (redis) {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  it("answers 202 once the delivery is in the queue, as a job whose id is the delivery id, without running handlers", async () => {
    const message = await delivery("queued");
    const answer = await request(server.url, message);
    expect(answer.status).toBe(202);
    expect(answer.text).toBe('{"ok":true,"queued":true}');
    const job = await queue.getJob(deliveryJobId(bloxDeliveryId(message.body)));
    expect(job?.name).toBe("editorial.update_asset");
    expect(job?.data).toMatchObject({ name: "editorial.update_asset", source: "blox", deliveryId: bloxDeliveryId(message.body), index: 0 });
    expect((job?.data.payload as { data: { uuid: string } }).data.uuid).toBe("uuid-queued");
    expect(app.ran).toEqual([]);
  });

  it("does not queue a re-sent delivery twice", async () => {
    const message = await delivery("resent");
    for (let i = 0; i < 3; i++) expect((await request(server.url, message)).status).toBe(202);
    const jobs = await queue.getJobs(["waiting", "prioritized", "delayed"]);
    expect(jobs.filter((j) => j.data.deliveryId === bloxDeliveryId(message.body))).toHaveLength(1);
  });

  it("queues every event of a multi-event delivery together, each as its own job, once", async () => {
    const handoff = queueHandoff({ queue });
    const event = (index: number) => ({ name: "editorial.update_asset", payload: { n: index }, source: "blox", deliveryId: `multi-${index}:x`, index, meta: {} });
    await handoff.enqueue([event(0), event(1), event(2)]);
    await handoff.enqueue([event(0), event(1), event(2)]); // re-sent
    const jobs = (await queue.getJobs(["waiting", "prioritized", "delayed"])).filter((j) => j.data.deliveryId.startsWith("multi-"));
    expect(jobs.map((j) => j.id).sort()).toEqual(["multi-0%3Ax", "multi-1%3Ax", "multi-2%3Ax"]);
    for (const job of jobs) await job.remove();
  });

  it("queues nothing for a delivery with a wrong signature (401)", async () => {
    const message = await delivery("forged");
    const answer = await request(server.url, { ...message, headers: { ...message.headers, "x-hook-signature": await signBlox(message.body, "other") } });
    expect(answer.status).toBe(401);
    expect(await queue.getJob(deliveryJobId(bloxDeliveryId(message.body)))).toBeUndefined();
  });

  it("queues nothing for a payload that fails the schema (422)", async () => {
    const body = JSON.stringify({ application: "editorial", event: "update_asset", data: { uuid: 42 } });
    const answer = await request(server.url, { body, headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, SECRET) } });
    expect(answer.status).toBe(422);
    expect(await queue.getJob(deliveryJobId(bloxDeliveryId(body)))).toBeUndefined();
  });

  it("runs the same typed handlers in the worker, and BullMQ retries a handler that fails once until it completes", async () => {
    const ok = await delivery("worker-ok");
    const flaky = await delivery("worker-flaky", "fail-once: search index busy");
    for (const message of [ok, flaky]) expect((await request(server.url, message)).status).toBe(202);

    const worker: Worker = createWorker(app.receiver, { connection, queueName: "hooks", prefix: bullPrefix });
    worker.on("error", () => {});
    closers.push(() => worker.close());
    const flakyJob = deliveryJobId(bloxDeliveryId(flaky.body));
    await until(async () => (await queue.getJob(flakyJob))?.finishedOn !== undefined);

    const job = await queue.getJob(flakyJob);
    expect(await job?.getState()).toBe("completed");
    expect(job?.attemptsMade).toBe(2);
    expect(app.ran.filter((u) => u === "uuid-worker-flaky")).toEqual(["uuid-worker-flaky", "uuid-worker-flaky"]);
    expect(app.ran).toContain("publish:uuid-worker-ok"); // unified handlers run from the queue too
    expect(app.errors.filter((e) => e.code === "handler_failed")).toHaveLength(1);
  });

  it("runs a job's handlers once when BullMQ delivers the same event again (the worker's dedupe store)", async () => {
    const message = await delivery("redelivered");
    await request(server.url, message);
    const id = deliveryJobId(bloxDeliveryId(message.body));
    await until(async () => (await queue.getJob(id))?.finishedOn !== undefined);
    // Hand the same event to the worker's receiver again, as a redelivery after a crash would.
    await app.receiver.dispatch((await queue.getJob(id))!.data);
    expect(app.ran.filter((u) => u === "uuid-redelivered")).toHaveLength(1);
  });

  it("puts a job back without using an attempt while another worker holds its delivery's claim", async () => {
    const message = await delivery("held-elsewhere");
    const deliveryId = bloxDeliveryId(message.body);
    expect(await app.store.claim(deliveryId, 60_000)).toBe("new"); // another worker is handling it right now
    await request(server.url, message);
    const id = deliveryJobId(deliveryId);
    await until(async () => (await (await queue.getJob(id))?.getState()) === "delayed");
    expect((await queue.getJob(id))?.attemptsMade).toBe(0);

    await app.store.complete(deliveryId, 60_000); // the other worker finished
    await until(async () => (await (await queue.getJob(id))?.getState()) === "completed", 5_000);
    expect(app.ran).not.toContain("uuid-held-elsewhere");
  });
});

describe.skipIf(!redisUp)("inline handling and queue hand-off are one option apart", () => {
  it("runs the handlers before answering 200 without `handoff`", async () => {
    const app = appReceiver();
    const server = await startServer(toNodeHandler(app.receiver));
    try {
      const answer = await request(server.url, await delivery("inline"));
      expect(answer.status).toBe(200);
      expect(app.ran).toEqual(["uuid-inline", "publish:uuid-inline"]);
    } finally {
      await server.close();
    }
  });

  it("answers 200 by default once queued (status 202 is opt-in)", async () => {
    const queue = new Queue("default-status", { connection, prefix: uniquePrefix("handoff-200").slice(0, -1) });
    queue.on("error", () => {});
    const app = appReceiver(queueHandoff({ queue }));
    const server = await startServer(toNodeHandler(app.receiver));
    try {
      const message = await delivery("default-status");
      const answer = await request(server.url, message);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe('{"ok":true}');
      expect(app.ran).toEqual([]);
      // Queued: the job is in Redis, under the delivery's id, with the verified event, waiting for a worker.
      const job = await queue.getJob(deliveryJobId(bloxDeliveryId(message.body)));
      expect(job?.name).toBe("editorial.update_asset");
      expect(job?.data).toMatchObject({ name: "editorial.update_asset", source: "blox", deliveryId: bloxDeliveryId(message.body), payload: { data: { uuid: "uuid-default-status" } } });
      expect(await job?.getState()).toBe("waiting");
    } finally {
      await server.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it("answers 503 handoff_failed with Retry-After when Redis does not take the delivery, so the sender retries", async () => {
    // Nothing listens on this port: the queue can never reach Redis.
    const queue = new Queue("unreachable", { connection: { host: "127.0.0.1", port: 1, enableOfflineQueue: false, retryStrategy: () => 1_000 } });
    queue.on("error", () => {});
    const app = appReceiver(queueHandoff({ queue, timeoutMs: 300 }));
    const server = await startServer(toNodeHandler(app.receiver));
    try {
      const started = Date.now();
      const answer = await request(server.url, await delivery("unreachable"));
      expect(answer.status).toBe(503);
      expect(answer.json.error).toBe("handoff_failed");
      expect(answer.headers["retry-after"]).toBe("5");
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(app.ran).toEqual([]);
    } finally {
      await server.close();
      await queue.close().catch(() => {});
    }
  });
});
