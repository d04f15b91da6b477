export { redisDedupeStore, type RedisDedupeStore, type RedisDedupeStoreOptions } from "./redis-dedupe-store.js";
export type { RedisDedupeClient } from "./redis-dedupe-client.js";
export { dedupeKeyBuilder, DEFAULT_DEDUPE_PREFIX, type DedupeKeyOptions } from "./dedupe-key.js";
export { failFastRedisOptions } from "./fail-fast-options.js";
export { DedupeTimeoutError } from "./call-deadlines.js";
export {
  redisDeliveryLog,
  readRedisDeliveryLog,
  DELIVERY_RECORD_FIELD,
  type RedisDeliveryLogClient,
  type RedisDeliveryLogOptions,
  type RedisDeliveryLogEntry,
} from "./redis-delivery-log.js";
