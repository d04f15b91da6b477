import { ConfigurationError, deliveryRecordToJson, parseDeliveryRecordJson, type DeliveryLogStore, type DeliveryRecord } from "@cmshooks/core";

/** The stream commands the delivery log uses; an ioredis `Redis` or `Cluster` client has them. */
export interface RedisDeliveryLogClient {
  xadd(key: string, ...args: (string | number)[]): Promise<string | null>;
  xrange(key: string, start: string, end: string, countToken: "COUNT", count: number): Promise<[id: string, fields: string[]][]>;
}

/** Options of {@link redisDeliveryLog}. */
export interface RedisDeliveryLogOptions {
  /** An ioredis client; with `failFastRedisOptions`, a Redis outage fails the append at once instead of queueing records in memory. */
  readonly client: RedisDeliveryLogClient;
  /** The stream's key, e.g. `"shop:hooks:failed"`. */
  readonly stream: string;
  /** About how many records the stream keeps (`XADD … MAXLEN ~`): older ones are trimmed. Default 10 000. */
  readonly maxLen?: number;
}

/**
 * The field of each stream entry that holds the record (one JSON document, as a file line).
 *
 * @example
 * ```ts
 * const [[id, fields]] = await client.xrange("hooks:failed", "-", "+", "COUNT", 1);
 * const json = fields[fields.indexOf(DELIVERY_RECORD_FIELD) + 1];
 * ```
 */
export const DELIVERY_RECORD_FIELD = "record";

/**
 * A delivery log on a Redis Stream, shared by every replica of a receiver:
 * one `XADD <stream> MAXLEN ~ <maxLen> * record <json>` per record, so the
 * stream stays about `maxLen` long. The entry ids are the times Redis stored
 * them. Replay with `cmshooks replay redis://host:6379/<stream> --url …`.
 *
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 * const client = new Redis(process.env.REDIS_URL!, failFastRedisOptions);
 * createReceiver({ provider, deliveryLog: { store: redisDeliveryLog({ client, stream: "hooks:failed" }), when: "failed" } });
 * ```
 */
export function redisDeliveryLog(options: RedisDeliveryLogOptions): DeliveryLogStore {
  const client = options?.client;
  if (!client || typeof client.xadd !== "function") throw new ConfigurationError("redisDeliveryLog: `client` must be an ioredis Redis or Cluster client");
  const stream = options.stream;
  if (typeof stream !== "string" || stream === "") throw new ConfigurationError("redisDeliveryLog: `stream` (the stream's key) is required");
  const maxLen = options.maxLen ?? 10_000;
  if (!Number.isSafeInteger(maxLen) || maxLen < 1) throw new ConfigurationError(`redisDeliveryLog: maxLen must be a positive integer, got ${maxLen}`);
  return {
    async append(record: DeliveryRecord): Promise<void> {
      await client.xadd(stream, "MAXLEN", "~", maxLen, "*", DELIVERY_RECORD_FIELD, deliveryRecordToJson(record));
    },
  };
}

/** One entry of a delivery log stream: its record, or why it cannot be used. */
export type RedisDeliveryLogEntry =
  | { readonly id: string; readonly record: DeliveryRecord; readonly reason?: undefined }
  | { readonly id: string; readonly record?: undefined; readonly reason: string };

/**
 * Reads a stream written by {@link redisDeliveryLog}, oldest first, in pages
 * of `count` (XRANGE). `since` skips entries stored before that time. An entry
 * without a readable record is yielded with its reason.
 *
 * @example
 * ```ts
 * for await (const entry of readRedisDeliveryLog({ client, stream: "hooks:failed", since: new Date(Date.now() - 86_400_000) })) {
 *   if (entry.record) console.log(entry.id, entry.record.status);
 * }
 * ```
 */
export async function* readRedisDeliveryLog(options: {
  readonly client: RedisDeliveryLogClient;
  readonly stream: string;
  readonly since?: Date | undefined;
  readonly count?: number;
}): AsyncGenerator<RedisDeliveryLogEntry> {
  const count = options.count ?? 500;
  let start = options.since === undefined ? "-" : `${Math.max(0, options.since.getTime())}-0`;
  for (;;) {
    const page = await options.client.xrange(options.stream, start, "+", "COUNT", count);
    for (const [id, fields] of page) {
      const at = fields.findIndex((field, i) => i % 2 === 0 && field === DELIVERY_RECORD_FIELD);
      const json = at < 0 ? undefined : fields[at + 1];
      if (json === undefined) {
        yield { id, reason: `no "${DELIVERY_RECORD_FIELD}" field` };
        continue;
      }
      const parsed = parseDeliveryRecordJson(json);
      yield parsed.ok ? { id, record: parsed.record } : { id, reason: parsed.reason };
    }
    if (page.length < count) return;
    start = `(${page[page.length - 1]![0]}`;
  }
}
