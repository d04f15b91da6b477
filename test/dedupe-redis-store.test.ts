import net from "node:net";
import { DedupeTimeoutError, redisDedupeStore } from "@cmshooks/redis";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, deleteKeys, requireRedis, uniquePrefix } from "./support/redis.js";

const redisUp = await requireRedis();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!redisUp)("redisDedupeStore against a real Redis", () => {
  const prefix = uniquePrefix("store");
  const clients: Redis[] = [];
  let redis: Redis;
  const store = (options: { hashTag?: boolean } = {}) => redisDedupeStore({ client: redis, prefix, ...options });

  beforeAll(async () => {
    redis = await connectRedis();
    clients.push(redis);
  });

  afterAll(async () => {
    if (redis) await deleteKeys(redis, prefix);
    for (const client of clients) client.disconnect();
  });

  it("claims a new id once: new, then processing, then done after complete", async () => {
    const s = store();
    expect(await s.claim("a", 10_000)).toBe("new");
    expect(await s.claim("a", 10_000)).toBe("processing");
    await s.complete("a", 10_000);
    expect(await s.claim("a", 10_000)).toBe("done");
  });

  it("gives 'new' to exactly one of 200 concurrent claims of one id from four connections and four stores", async () => {
    const more = await Promise.all([1, 2, 3].map(() => connectRedis()));
    clients.push(...more);
    const stores = [redis, ...more].map((client) => redisDedupeStore({ client, prefix }));
    const states = await Promise.all(Array.from({ length: 200 }, (_, i) => stores[i % 4]!.claim("contended", 10_000)));
    expect(states.filter((s) => s === "new")).toHaveLength(1);
    expect(states.filter((s) => s === "processing")).toHaveLength(199);
  });

  it("frees a processing claim after its TTL, so a delivery whose replica crashed is handled on retry", async () => {
    const s = store();
    expect(await s.claim("crashed", 50)).toBe("new");
    await sleep(80);
    expect(await s.claim("crashed", 10_000)).toBe("new");
  });

  it("forgets a done id after the done TTL", async () => {
    const s = store();
    await s.claim("short", 10_000);
    await s.complete("short", 50);
    expect(await s.claim("short", 10_000)).toBe("done");
    await sleep(80);
    expect(await s.claim("short", 10_000)).toBe("new");
  });

  it("lets the next claim run the handlers again after release (handlers failed)", async () => {
    const s = store();
    expect(await s.claim("failed", 10_000)).toBe("new");
    await s.release("failed");
    expect(await s.claim("failed", 10_000)).toBe("new");
  });

  it("does not free a claim another replica took after this replica's own claim expired", async () => {
    const slow = store();
    const other = store();
    expect(await slow.claim("slow", 50)).toBe("new");
    await sleep(80);
    expect(await other.claim("slow", 10_000)).toBe("new");
    await slow.release("slow"); // the slow replica's handler failed after its claim had expired
    expect(await store().claim("slow", 10_000)).toBe("processing");
  });

  it("never forgets a done mark on release", async () => {
    const s = store();
    await s.claim("kept", 10_000);
    await s.complete("kept", 10_000);
    await store().release("kept");
    expect(await s.claim("kept", 10_000)).toBe("done");
  });

  it("keeps one key per id under the prefix, expiring with the TTL it was given", async () => {
    const s = store();
    await s.claim("ttl", 5_000);
    const processing = await redis.pttl(`${prefix}ttl`);
    expect(processing).toBeGreaterThan(4_000);
    expect(processing).toBeLessThanOrEqual(5_000);
    await s.complete("ttl", 86_400_000);
    expect(await redis.get(`${prefix}ttl`)).toBe("d");
    expect(await redis.pttl(`${prefix}ttl`)).toBeGreaterThan(86_000_000);
  });

  it("wraps the id in a Cluster hash tag when asked", async () => {
    const s = store({ hashTag: true });
    expect(s.keyOf("tagged:editorial.update_asset")).toBe(`${prefix}{tagged:editorial.update_asset}`);
    await s.claim("tagged:editorial.update_asset", 5_000);
    expect(await redis.exists(`${prefix}{tagged:editorial.update_asset}`)).toBe(1);
  });

  it("rejects a claim when Redis does not answer within timeoutMs, instead of waiting", async () => {
    // A server that accepts connections and never answers: a hung Redis.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const hung = new Redis({ host: "127.0.0.1", port }); // default options: commands wait in the offline queue
    hung.on("error", () => {});
    try {
      const started = Date.now();
      await expect(redisDedupeStore({ client: hung, prefix, timeoutMs: 200 }).claim("hung", 10_000)).rejects.toBeInstanceOf(DedupeTimeoutError);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      hung.disconnect();
      silent.close();
    }
  });
  it("sends each script's source on a client's first call, so a completion is never overtaken by the next claim", async () => {
    // A server that does not know a script refuses it by SHA, and the source sent after the refusal would run after
    // whatever was sent meanwhile: a completion after the retry's claim, answered 503 instead of as a duplicate.
    const client = await connectRedis();
    clients.push(client);
    const s = redisDedupeStore({ client, prefix });
    const monitor = await connectRedis();
    clients.push(monitor);
    const seen: string[] = [];
    const feed = await monitor.monitor();
    feed.on("monitor", (_time: string, args: string[]) => {
      const command = args[0]!.toLowerCase();
      // MONITOR also shows the commands a script runs; only the calls from the client count.
      if ((command === "eval" || command === "evalsha") && args.some((a) => a.startsWith(`${prefix}first:`))) seen.push(command);
    });
    await sleep(20);
    expect(await s.claim("first:a", 10_000)).toBe("new");
    // The completion is not awaited, as the receiver does not await it before answering; the retry's claim follows.
    const completed = s.complete("first:a", 10_000);
    expect(await s.claim("first:a", 10_000)).toBe("done");
    await completed;
    expect(await s.claim("first:b", 10_000)).toBe("new");
    await s.complete("first:b", 10_000);
    await sleep(50);
    feed.disconnect();
    expect(seen).toEqual(["eval", "eval", "evalsha", "evalsha", "evalsha"]);
  });

  it("sends the claims, and the completions, made in one turn as one script call each (and splits past 256 keys)", async () => {
    const s = store();
    // Load both scripts first, so that no NOSCRIPT retry adds calls to what is counted.
    await s.claim("warm", 10_000);
    await s.complete("warm", 10_000);
    const monitor = await connectRedis();
    clients.push(monitor);
    const seen: string[][] = [];
    const feed = await monitor.monitor();
    feed.on("monitor", (_time: string, args: string[]) => {
      if (args.some((a) => a.startsWith(`${prefix}turn:`))) seen.push(args);
    });
    await sleep(20);
    const ids = Array.from({ length: 300 }, (_, i) => `turn:${i}`);
    const states = await Promise.all(ids.map((id) => s.claim(id, 10_000)));
    expect(new Set(states)).toEqual(new Set(["new"]));
    await Promise.all(ids.map((id) => s.complete(id, 10_000)));
    expect(await Promise.all(ids.slice(0, 3).map((id) => s.claim(id, 10_000)))).toEqual(["done", "done", "done"]);
    await sleep(50);
    feed.disconnect();
    // 300 claims: 256 keys + 44 keys; 300 completions alike; then the three claims of one turn.
    const calls = seen.filter((args) => args[0]?.toLowerCase() === "evalsha" || args[0]?.toLowerCase() === "eval");
    expect(calls.map((args) => Number(args[2]))).toEqual([256, 44, 256, 44, 3]);
  });
});
