import { createHash } from "node:crypto";
import { bloxSamples, signBlox } from "@cmshooks/blox";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, type HttpResult } from "./support/http.js";
import { connectRedis, deleteKeys, REDIS_URL, requireRedis, uniquePrefix } from "./support/redis.js";
import { replicaKeys } from "./support/redis-replica-keys.js";
import { spawnTestChild, type TestChild } from "./support/spawn-process.js";

const SECRET = "blox-replicas-secret-0123456789";
const redisUp = await requireRedis();

/** A signed BLOX delivery whose body (and so delivery id) is unique to `tag`. */
async function delivery(tag: string, title = `Story ${tag}`) {
  const sample = bloxSamples["editorial.update_asset"];
  const body = JSON.stringify({ ...sample, data: { ...sample.data, uuid: `uuid-${tag}`, title } });
  return { body, headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, SECRET) } };
}

/**
 * A sender like Kontent.ai: re-sends until it gets a 2xx. It honours the
 * presence of Retry-After but waits only 20 ms so the test stays fast; each
 * attempt goes to the next replica, like a round-robin load balancer.
 */
async function sendUntilAccepted(urls: readonly string[], message: { body: string; headers: Record<string, string> }, first = 0) {
  const answers: HttpResult[] = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    const answer = await request(urls[(first + attempt) % urls.length]!, { body: message.body, headers: message.headers });
    answers.push(answer);
    if (answer.status >= 200 && answer.status < 300) return { final: answer, answers };
    if (answer.status < 500) throw new Error(`unexpected ${answer.status}: ${answer.text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the delivery was never accepted");
}

async function inBatches<T>(count: number, size: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => run(start + k)))));
  }
  return results;
}

describe.skipIf(!redisUp)("two replicas sharing the Redis dedupe store (separate processes, real HTTP)", () => {
  const prefix = uniquePrefix("replicas");
  const keys = replicaKeys(prefix);
  let redis: Redis;
  let replicas: TestChild[] = [];
  let urls: string[] = [];

  beforeAll(async () => {
    redis = await connectRedis();
    replicas = await Promise.all(
      [0, 1].map(() => spawnTestChild("dedupe-replica-process.ts", { REDIS_URL, PREFIX: prefix, SECRET, HANDLER_MS: "20" })),
    );
    urls = replicas.map((r) => r.ready.url as string);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill()));
    if (redis) {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  it("runs the handlers exactly once per delivery when both replicas get it at the same moment, 100 times over", async () => {
    const rounds = await inBatches(100, 10, async (i) => {
      const message = await delivery(`same-moment-${i}`);
      // Both replicas receive the same delivery at once; each sender retries its replica's 5xx.
      const [a, b] = await Promise.all([sendUntilAccepted([urls[0]!], message), sendUntilAccepted([urls[1]!], message)]);
      return [a, b];
    });

    const handled = await redis.hgetall(keys.handled);
    const attempts = await redis.hgetall(keys.attempts);
    expect(Object.keys(handled)).toHaveLength(100);
    expect(Object.values(handled).every((n) => n === "1")).toBe(true);
    expect(Object.values(attempts).reduce((sum, n) => sum + Number(n), 0)).toBe(100);

    for (const pair of rounds) {
      // Exactly one replica ran the handlers; the other ended with "already handled".
      expect(pair.map((s) => s.final.text).sort()).toEqual(['{"ok":true,"duplicate":true}', '{"ok":true}']);
    }
    const inProgress = rounds.flat().flatMap((s) => s.answers.filter((a) => a.status === 503));
    // The deliveries really overlapped: the losing replica answered 503 while the winner's handler ran.
    expect(inProgress.length).toBeGreaterThan(0);
    for (const answer of inProgress) {
      expect(answer.json.error).toBe("duplicate_in_progress");
      expect(answer.headers["retry-after"]).toBe("1");
    }
  });

  it("runs a handler that fails once to completion exactly once, after the sender's retry (500, then 200)", async () => {
    const message = await delivery("fail-once-round-robin", "fail-once: upstream timeout");
    const sent = await sendUntilAccepted(urls, message);
    expect(sent.answers.map((a) => a.status)).toEqual([500, 200]);
    expect(sent.answers[0]!.json.error).toBe("handler_failed");
    expect(sent.final.text).toBe('{"ok":true}');

    // The sender re-sends it once more (it missed the answer, say): nothing runs again, on either replica.
    for (const url of urls) expect((await sendUntilAccepted([url], message)).final.text).toBe('{"ok":true,"duplicate":true}');

    const id = bloxDeliveryId(message.body);
    expect(await redis.hget(keys.attempts, id)).toBe("2");
    expect(await redis.hget(keys.handled, id)).toBe("1");
  });

  it("runs a failing-once handler to completion exactly once when both replicas get the delivery at once", async () => {
    const message = await delivery("fail-once-same-moment", "fail-once: disk full");
    const [a, b] = await Promise.all([sendUntilAccepted([urls[0]!], message), sendUntilAccepted([urls[1]!], message)]);
    const statuses = [...a.answers, ...b.answers].map((r) => r.status);
    expect(statuses.filter((s) => s === 500)).toHaveLength(1);
    expect([a.final.text, b.final.text].filter((t) => t === '{"ok":true}')).toHaveLength(1);

    const id = bloxDeliveryId(message.body);
    expect(await redis.hget(keys.attempts, id)).toBe("2");
    expect(await redis.hget(keys.handled, id)).toBe("1");
  });
});

describe.skipIf(!redisUp)("control: two replicas with a memory store each", () => {
  const prefix = uniquePrefix("replicas-memory");
  const keys = replicaKeys(prefix);
  let redis: Redis;
  let replicas: TestChild[] = [];

  beforeAll(async () => {
    redis = await connectRedis();
    replicas = await Promise.all(
      [0, 1].map(() => spawnTestChild("dedupe-replica-process.ts", { REDIS_URL, PREFIX: prefix, SECRET, HANDLER_MS: "20", STORE: "memory" })),
    );
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill()));
    if (redis) {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  it("runs a delivery twice when each replica only knows its own deliveries (why replicas need a shared store)", async () => {
    await inBatches(10, 10, async (i) => {
      const message = await delivery(`memory-${i}`);
      await Promise.all(replicas.map((r) => sendUntilAccepted([r.ready.url as string], message)));
    });
    const handled = Object.values(await redis.hgetall(keys.handled));
    expect(handled).toHaveLength(10);
    expect(handled.every((n) => n === "2")).toBe(true);
  });
});

/** BLOX sends no delivery id, so the receiver's is SHA-256(raw body) + the event name. */
function bloxDeliveryId(body: string): string {
  return `${createHash("sha256").update(body).digest("hex")}:editorial.update_asset`;
}
