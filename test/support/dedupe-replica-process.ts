/**
 * One replica of a receiver, as its own process: node:http + toNodeHandler +
 * a BLOX receiver whose dedupe store is Redis. Its handler counts runs in
 * Redis, so the test can add up what every replica did.
 *
 * env: REDIS_URL, PREFIX (keys of this test run), SECRET, HANDLER_MS (time a handler takes),
 * STORE=memory to give this replica a store of its own (the control case).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { blox } from "@cmshooks/blox";
import { createReceiver, memoryDedupeStore } from "@cmshooks/core";
import { toNodeHandler } from "@cmshooks/node";
import { redisDedupeStore } from "@cmshooks/redis";
import { connectRedis } from "./redis.js";
import { replicaKeys } from "./redis-replica-keys.js";

const prefix = process.env.PREFIX!;
const handlerMs = Number(process.env.HANDLER_MS ?? "20");
const client = await connectRedis(process.env.REDIS_URL);

const keys = replicaKeys(prefix);

const receiver = createReceiver({
  provider: blox({ secret: process.env.SECRET! }),
  dedupe: {
    store: process.env.STORE === "memory" ? memoryDedupeStore() : redisDedupeStore({ client, prefix: keys.dedupe }),
    processingTtlMs: 10_000, retryAfterSeconds: 1 },
});
receiver.on("editorial.update_asset", async ({ payload, deliveryId }) => {
  await client.hincrby(keys.attempts, deliveryId, 1);
  if (payload.data.title?.startsWith("fail-once") && (await client.set(keys.failed(deliveryId), "1", "NX")) === "OK") {
    throw new Error("failing the first time on purpose");
  }
  await new Promise((resolve) => setTimeout(resolve, handlerMs));
  await client.hincrby(keys.handled, deliveryId, 1);
});

const server = http.createServer(toNodeHandler(receiver));
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send!({ type: "ready", url: `http://127.0.0.1:${port}` });
});

const shutdown = () => {
  server.closeAllConnections();
  server.close();
  client.disconnect();
  process.exit(0);
};
process.on("SIGTERM", shutdown);
process.on("disconnect", shutdown);
