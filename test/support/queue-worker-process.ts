/**
 * A queue worker as its own process: a BLOX receiver (Redis dedupe store)
 * whose handlers run from the BullMQ queue via `createWorker`. The handler
 * counts runs per delivery id in Redis.
 *
 * env: REDIS_URL, PREFIX (keys of this test run), BULL_PREFIX, QUEUE, SECRET, CONCURRENCY,
 * and, to be killed at a known point, KILL_AT (n) with KILL_STAGE:
 *   "handler"        — the n-th handler run stops before its side effect (a crash mid-handler);
 *   "after-complete" — the n-th dedupe completion is written, then the process stops before
 *                      BullMQ marks the job completed (a crash between the two).
 * At that point the process sends { type: "kill-point" } and waits to be SIGKILLed.
 * START=on-message: connect and report ready, but take jobs only after a { type: "start" } message.
 */
import { blox } from "@cmshooks/blox";
import { createReceiver, type DedupeStore } from "@cmshooks/core";
import { createWorker } from "@cmshooks/queue";
import { redisDedupeStore } from "@cmshooks/redis";
import { connectRedis } from "./redis.js";
import { replicaKeys } from "./redis-replica-keys.js";

const env = process.env;
const keys = replicaKeys(env.PREFIX!);
const killAt = Number(env.KILL_AT ?? "0");
const stage = env.KILL_STAGE;
const client = await connectRedis(env.REDIS_URL);

const stopHere = async (deliveryId: string): Promise<never> => {
  process.send!({ type: "kill-point", deliveryId });
  return new Promise<never>(() => {});
};

const redisStore = redisDedupeStore({ client, prefix: keys.dedupe });
let completions = 0;
const store: DedupeStore = {
  claim: (id, ttl) => redisStore.claim(id, ttl),
  release: (id) => redisStore.release(id),
  async complete(id, ttl) {
    await redisStore.complete(id, ttl);
    if (stage === "after-complete" && ++completions === killAt) await stopHere(id);
  },
};

const receiver = createReceiver({
  provider: blox({ secret: env.SECRET! }),
  // A short processing TTL keeps the test fast: a claim left by a killed worker frees itself after 2 s.
  dedupe: { store, processingTtlMs: 2_000, retryAfterSeconds: 1 },
});
let runs = 0;
receiver.on("editorial.update_asset", async ({ deliveryId }) => {
  if (stage === "handler" && ++runs === killAt) await stopHere(deliveryId);
  await client.hincrby(keys.handled, deliveryId, 1);
});

const { hostname, port } = new URL(env.REDIS_URL!);
const worker = createWorker(receiver, {
  connection: { host: hostname, port: Number(port) },
  queueName: env.QUEUE!,
  prefix: env.BULL_PREFIX!,
  concurrency: Number(env.CONCURRENCY ?? "1"),
  // Test timings: a killed worker's job is found stalled within ~2 s instead of BullMQ's 30 s defaults.
  lockDuration: 1_000,
  stalledInterval: 500,
  maxStalledCount: 2,
  autorun: env.START !== "on-message",
});
process.on("message", (message: { type?: string }) => {
  if (message.type === "start") void worker.run();
});
worker.on("error", () => {});
await worker.waitUntilReady();
process.send!({ type: "ready" });

const shutdown = async () => {
  await worker.close();
  client.disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown());
process.on("disconnect", () => void shutdown());
