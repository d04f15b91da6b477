import { ConfigurationError, type DedupeStore, type ReceiverOptions } from "@cmshooks/core";
import { Cluster, Redis } from "ioredis";
import { describe, expect, expectTypeOf, it } from "vitest";
import { dedupeKeyBuilder, failFastRedisOptions, redisDedupeStore, type RedisDedupeClient } from "./index.js";

// Behaviour against a real Redis lives in test/dedupe-redis-*.test.ts; here: types, keys and configuration.
describe("redisDedupeStore types", () => {
  it("accepts an ioredis Redis or Cluster client and is a core DedupeStore", () => {
    expectTypeOf<Redis>().toExtend<RedisDedupeClient>();
    expectTypeOf<Cluster>().toExtend<RedisDedupeClient>();
    expectTypeOf(redisDedupeStore).returns.toExtend<DedupeStore>();
    // The store plugs straight into core's `dedupe` option.
    expectTypeOf(redisDedupeStore({ client: new Redis({ lazyConnect: true, ...failFastRedisOptions }) })).toExtend<
      NonNullable<ReceiverOptions["dedupe"]>
    >();
    // @ts-expect-error — a client is required
    expect(() => redisDedupeStore({})).toThrow(ConfigurationError);
  });

  it("returns the three states of core's DedupeState from claim", () => {
    const store = redisDedupeStore({ client: new Redis({ lazyConnect: true }) });
    expectTypeOf(store.claim).returns.resolves.toEqualTypeOf<"new" | "processing" | "done">();
  });
});

describe("dedupe keys", () => {
  it("puts the default prefix before the id", () => {
    expect(dedupeKeyBuilder()("abc:editorial.update_asset")).toBe("cmshooks:dedupe:abc:editorial.update_asset");
  });

  it("uses a custom prefix", () => {
    expect(dedupeKeyBuilder({ prefix: "shop:" })("id-1")).toBe("shop:id-1");
  });

  it("wraps the id in a Cluster hash tag on request, so the slot depends on the id alone", () => {
    expect(dedupeKeyBuilder({ prefix: "shop:", hashTag: true })("id-1")).toBe("shop:{id-1}");
  });

  it("refuses a prefix with braces, which would put every id in one Cluster slot", () => {
    expect(() => dedupeKeyBuilder({ prefix: "{hooks}:" })).toThrow(/one slot/);
  });

  it("refuses a negative timeout", () => {
    expect(() => redisDedupeStore({ client: new Redis({ lazyConnect: true }), timeoutMs: -1 })).toThrow(ConfigurationError);
  });
});
