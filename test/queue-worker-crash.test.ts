import { bloxSamples, signBlox, blox } from "@cmshooks/blox";
import { createReceiver } from "@cmshooks/core";
import { toNodeHandler } from "@cmshooks/node";
import { queueHandoff } from "@cmshooks/queue";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type HttpResult, type RunningServer } from "./support/http.js";
import { connectRedis, deleteKeys, REDIS_URL, requireRedis, uniquePrefix } from "./support/redis.js";
import { replicaKeys } from "./support/redis-replica-keys.js";
import { spawnTestChild, type TestChild } from "./support/spawn-process.js";

const SECRET = "blox-queue-secret-0123456789";
const DELIVERIES = 1_000;
const redisUp = await requireRedis();

async function delivery(i: number) {
  const sample = bloxSamples["editorial.update_asset"];
  const body = JSON.stringify({ ...sample, data: { ...sample.data, uuid: `uuid-${i}`, title: `Story ${i}` } });
  return { body, headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, SECRET) } };
}

/** Runs `count` tasks with at most `limit` at a time. */
async function pool<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!redisUp)("queue hand-off: 1 000 deliveries, workers SIGKILLed halfway (real Redis, child processes)", () => {
  const prefix = uniquePrefix("queue-crash");
  const bullPrefix = prefix.slice(0, -1);
  const queueName = "deliveries";
  const keys = replicaKeys(prefix);
  let redis: Redis;
  let queue: Queue;
  let server: RunningServer;
  const workers: TestChild[] = [];
  const worker = (env: Record<string, string>) =>
    spawnTestChild("queue-worker-process.ts", { REDIS_URL, PREFIX: prefix, BULL_PREFIX: bullPrefix, QUEUE: queueName, SECRET, ...env }).then(
      (child) => (workers.push(child), child),
    );

  beforeAll(async () => {
    redis = await connectRedis();
    const { hostname, port } = new URL(REDIS_URL);
    queue = new Queue(queueName, { connection: { host: hostname, port: Number(port), enableOfflineQueue: false }, prefix: bullPrefix });
    queue.on("error", () => {});
    await queue.waitUntilReady();
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), handoff: queueHandoff({ queue, status: 202 }) });
    server = await startServer(toNodeHandler(receiver));
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill("SIGKILL")));
    await server?.close();
    await queue?.close();
    if (redis) {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  it("handles every delivery exactly once: none lost, none twice", async () => {
    // Workers B and C start now but take jobs only when told: they are ready the moment they are needed.
    const [a, b, c] = await Promise.all([
      // A stops in the middle of its 300th handler, before the side effect.
      worker({ CONCURRENCY: "1", KILL_AT: "300", KILL_STAGE: "handler" }),
      // B stops after writing its 300th dedupe completion, before BullMQ records the job as completed.
      worker({ CONCURRENCY: "1", KILL_AT: "300", KILL_STAGE: "after-complete", START: "on-message" }),
      // C finishes the rest, including both jobs whose workers died.
      worker({ CONCURRENCY: "8", START: "on-message" }),
    ]);
    const posting = pool(DELIVERIES, 50, async (i) => request(server.url, await delivery(i)));

    const killedMidHandler = (await a.next("kill-point", 30_000)).deliveryId as string;
    await a.kill("SIGKILL");
    b.send({ type: "start" });
    const killedAfterComplete = (await b.next("kill-point", 30_000)).deliveryId as string;
    await b.kill("SIGKILL");
    c.send({ type: "start" });

    const answers: HttpResult[] = await posting;
    expect(answers.filter((r) => r.status === 202)).toHaveLength(DELIVERIES);
    expect(answers[0]!.text).toBe('{"ok":true,"queued":true}');
    await until(async () => (await queue.getJobCounts("completed")).completed === DELIVERIES, 30_000, "every job to complete");

    const handled = await redis.hgetall(keys.handled);
    expect(Object.keys(handled)).toHaveLength(DELIVERIES); // none lost
    expect(Object.entries(handled).filter(([, n]) => n !== "1")).toEqual([]); // none twice
    expect(handled[killedMidHandler]).toBe("1");
    expect(handled[killedAfterComplete]).toBe("1");
    const counts = await queue.getJobCounts("failed", "waiting", "active", "delayed");
    expect(counts).toEqual({ failed: 0, waiting: 0, active: 0, delayed: 0 });
  });
});
