import { redisDedupeStore } from "@cmshooks/redis";
import { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireRedis } from "./support/redis.js";
import { startOwnRedisCluster, type OwnRedisCluster } from "./support/redis-server-process.js";

// A three-node Redis Cluster of this file's own (the shared server is not a cluster); needs redis-server and redis-cli.
const redisUp = await requireRedis();

describe.skipIf(!redisUp)("redisDedupeStore on a real Redis Cluster (three masters)", () => {
  let cluster: OwnRedisCluster;
  let client: Cluster;

  beforeAll(async () => {
    cluster = await startOwnRedisCluster();
    client = new Cluster([...cluster.nodes], { enableOfflineQueue: true, redisOptions: { commandTimeout: 1_000 } });
    client.on("error", () => {});
  }, 30_000);

  afterAll(async () => {
    client?.disconnect();
    await cluster?.stop();
  });

  const ids = Array.from({ length: 300 }, (_, i) => `${i.toString(16).padStart(64, "0")}:editorial.update_asset`);

  it("claims, completes and releases ids spread over every node's slots", async () => {
    const store = redisDedupeStore({ client, prefix: "hooks:" });
    expect(await Promise.all(ids.map((id) => store.claim(id, 10_000)))).toEqual(ids.map(() => "new"));
    expect(await Promise.all(ids.map((id) => store.claim(id, 10_000)))).toEqual(ids.map(() => "processing"));
    await Promise.all(ids.slice(0, 150).map((id) => store.complete(id, 10_000)));
    await Promise.all(ids.slice(150).map((id) => store.release(id)));
    const states = await Promise.all(ids.map((id) => store.claim(id, 10_000)));
    expect(states.slice(0, 150).every((s) => s === "done")).toBe(true);
    expect(states.slice(150).every((s) => s === "new")).toBe(true);

    // The keys really live on different masters: one key per id, hashed by the id.
    const perNode = await Promise.all(client.nodes("master").map((node) => node.dbsize()));
    expect(perNode.filter((n) => n > 0).length).toBe(3);
  });

  it("hash-tags ids on request and still spreads them over the nodes", async () => {
    const store = redisDedupeStore({ client, prefix: "tagged:", hashTag: true });
    expect(await Promise.all(ids.map((id) => store.claim(id, 10_000)))).toEqual(ids.map(() => "new"));
    const keys = (await Promise.all(client.nodes("master").map((node) => node.keys("tagged:*")))).map((k) => k.length);
    expect(keys.reduce((a, b) => a + b, 0)).toBe(ids.length);
    expect(keys.filter((n) => n > 0).length).toBe(3);
  });

  it("gives 'new' to exactly one of 100 concurrent claims of one id", async () => {
    const store = redisDedupeStore({ client, prefix: "race:" });
    const states = await Promise.all(Array.from({ length: 100 }, () => store.claim("contended", 10_000)));
    expect(states.filter((s) => s === "new")).toHaveLength(1);
  });
});
