import type { DeliveryRecord } from "@cmshooks/core";
import { readDeliveryLogFile } from "@cmshooks/node";

/** One entry of a replay source: where it is (for messages), and its record or why it cannot be used. */
export interface ReplayEntry {
  /** `failed.jsonl:12`, or `hooks:failed#1733080000000-0`. */
  readonly where: string;
  readonly record?: DeliveryRecord | undefined;
  readonly reason?: string | undefined;
}

/** A Redis source, `redis://[user:pass@]host:port/<stream>` (or `rediss://`). */
export interface RedisSource {
  readonly url: URL;
  readonly stream: string;
}

/**
 * A `redis://…/<stream>` argument as a Redis source, or `undefined` for a file path.
 *
 * @example
 * ```ts
 * redisSource("redis://127.0.0.1:6379/hooks:failed")?.stream; // "hooks:failed"
 * ```
 */
export function redisSource(source: string): RedisSource | undefined {
  if (!/^rediss?:\/\//i.test(source)) return undefined;
  const url = new URL(source);
  const stream = decodeURIComponent(url.pathname.slice(1));
  if (stream === "") throw new Error(`${source}: name the stream after the address, e.g. redis://127.0.0.1:6379/hooks:failed`);
  return { url, stream };
}

/**
 * Reads the records of one source, oldest first: a JSONL file (from
 * `fileDeliveryLog` or `listen --record`) or a Redis stream (from
 * `redisDeliveryLog`). Unusable lines come back with their reason; a source
 * that cannot be opened rejects.
 *
 * @example
 * ```ts
 * for await (const entry of readReplaySource("failed.jsonl")) if (entry.reason) console.warn(entry.where, entry.reason);
 * ```
 */
export async function* readReplaySource(source: string, options: { since?: Date | undefined } = {}): AsyncGenerator<ReplayEntry> {
  const redis = redisSource(source);
  if (!redis) {
    for await (const entry of readDeliveryLogFile(source)) yield { where: `${source}:${entry.line}`, record: entry.record, reason: entry.reason };
    return;
  }
  const [{ Redis }, { readRedisDeliveryLog }] = await Promise.all([importIoredis(), import("@cmshooks/redis")]);
  const { url, stream } = redis;
  const client = new Redis({
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port === "" ? 6379 : Number(url.port),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === "rediss:" ? { tls: {} } : {}),
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  client.on("error", () => {}); // the failed command rejects with the reason
  try {
    await client.connect();
    for await (const entry of readRedisDeliveryLog({ client, stream, since: options.since })) {
      yield { where: `${stream}#${entry.id}`, record: entry.record, reason: entry.reason };
    }
  } finally {
    client.disconnect();
  }
}

async function importIoredis(): Promise<typeof import("ioredis")> {
  try {
    return await import("ioredis");
  } catch {
    throw new Error("replaying from Redis needs the ioredis package: npm install ioredis");
  }
}
