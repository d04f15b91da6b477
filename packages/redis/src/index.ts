export { redisDedupeStore, type RedisDedupeStore, type RedisDedupeStoreOptions } from "./redis-dedupe-store.js";
export type { RedisDedupeClient } from "./redis-dedupe-client.js";
export { dedupeKeyBuilder, DEFAULT_DEDUPE_PREFIX, type DedupeKeyOptions } from "./dedupe-key.js";
export { failFastRedisOptions } from "./fail-fast-options.js";
export { DedupeTimeoutError } from "./call-deadlines.js";
