import type { DeliveryLogOptions, DeliveryRecord } from "@cmshooks/core";
import { readRedisDeliveryLog, redisDeliveryLog, type RedisDeliveryLogClient } from "@cmshooks/redis";
import { Cluster, type Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { connectRedis, deleteKeys, requireRedis, uniquePrefix } from "./support/redis.js";

const hasRedis = await requireRedis();
const prefix = uniquePrefix("delivery-log");
let redis: Redis;

beforeAll(async () => {
  if (hasRedis) redis = await connectRedis();
});
afterAll(async () => {
  if (!redis) return;
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const record = (n: number, receivedAt = new Date().toISOString()): DeliveryRecord => ({
  receivedAt,
  method: "POST",
  path: `/hooks/blox?n=${n}`,
  headers: { "content-type": "application/json" },
  body: new TextEncoder().encode(`{"n":${n}}`),
  status: 500,
  error: "handler_failed",
});

describe("redisDeliveryLog types", () => {
  it("takes an ioredis Redis or Cluster client and plugs into the deliveryLog option", () => {
    expectTypeOf<Redis>().toExtend<RedisDeliveryLogClient>();
    expectTypeOf<Cluster>().toExtend<RedisDeliveryLogClient>();
    expectTypeOf(redisDeliveryLog).returns.toExtend<DeliveryLogOptions["store"]>();
  });
});

describe.skipIf(!hasRedis)("redisDeliveryLog on a real Redis", () => {
  it("appends one entry per record and reads them back oldest first, across pages", async () => {
    const stream = `${prefix}paged`;
    const log = redisDeliveryLog({ client: redis, stream });
    for (let n = 0; n < 20; n++) await log.append(record(n));
    const read: number[] = [];
    for await (const entry of readRedisDeliveryLog({ client: redis, stream, count: 7 })) {
      read.push(JSON.parse(new TextDecoder().decode(entry.record!.body)).n);
    }
    expect(read).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it("caps the stream near maxLen with MAXLEN ~, dropping the oldest", async () => {
    const stream = `${prefix}capped`;
    const log = redisDeliveryLog({ client: redis, stream, maxLen: 100 });
    for (let n = 0; n < 600; n++) await log.append(record(n));
    const length = await redis.xlen(stream);
    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThan(600);
    const [[, fields]] = (await redis.xrange(stream, "-", "+", "COUNT", 1)) as [[string, string[]]];
    expect(JSON.parse(fields[1]!).path).not.toBe("/hooks/blox?n=0");
  });

  it("reads only entries stored since a time", async () => {
    const stream = `${prefix}since`;
    const log = redisDeliveryLog({ client: redis, stream });
    await log.append(record(1));
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date();
    await new Promise((r) => setTimeout(r, 5));
    await log.append(record(2));
    const paths: string[] = [];
    for await (const entry of readRedisDeliveryLog({ client: redis, stream, since })) paths.push(entry.record!.path);
    expect(paths).toEqual(["/hooks/blox?n=2"]);
  });

  it("rejects the append when Redis refuses it (the receiver reports it through onError)", async () => {
    const key = `${prefix}not-a-stream`;
    await redis.set(key, "a string");
    await expect(redisDeliveryLog({ client: redis, stream: key }).append(record(1))).rejects.toThrow(/WRONGTYPE/);
  });
});
