import { randomBytes } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { failFastRedisOptions } from "@cmshooks/redis";
import { skipOutsideCi } from "./ci.js";

/** The shared test Redis (keeps nothing on disk). Override with CMSHOOKS_TEST_REDIS_URL. */
export const REDIS_URL = process.env.CMSHOOKS_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * A connected ioredis client for tests, failing fast while Redis is
 * unreachable (with the offline queue off, commands sent before the
 * connection is ready would fail: connect first).
 */
export async function connectRedis(url = REDIS_URL, options: RedisOptions = {}): Promise<Redis> {
  const client = new Redis(url, { ...failFastRedisOptions, lazyConnect: true, ...options });
  client.on("error", () => {}); // reconnection is ioredis's job; tests assert on command results
  await client.connect();
  return client;
}

/**
 * Whether tests that need Redis can run. In CI (see `isCi`: CI=true, 1, …) an
 * unreachable Redis throws, so those tests FAIL rather than silently skip;
 * locally they skip with a message.
 */
export async function requireRedis(url = REDIS_URL): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch (error) {
    skipOutsideCi(`Redis is not reachable at ${url} (${(error as Error).message})`, 'Start one with: redis-server --port 6379 --save "" --appendonly no');
    return false;
  } finally {
    probe.disconnect();
  }
}

/** A key prefix no other test run uses: concurrent runs on one Redis never collide. */
export function uniquePrefix(name: string): string {
  return `cmshooks-test:${name}:${process.pid}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}:`;
}

/** Deletes every key that starts with `prefix` (SCAN, never KEYS). */
export async function deleteKeys(client: Redis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) deleted += await client.unlink(...keys);
  } while (cursor !== "0");
  return deleted;
}
