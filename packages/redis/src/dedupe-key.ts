import { ConfigurationError } from "@cmshooks/core";

/**
 * The key prefix used when none is given.
 *
 * @example
 * ```ts
 * redisDedupeStore({ client }).keyOf("abc"); // `${DEFAULT_DEDUPE_PREFIX}abc` = "cmshooks:dedupe:abc"
 * ```
 */
export const DEFAULT_DEDUPE_PREFIX = "cmshooks:dedupe:";

/** How a delivery id becomes a Redis key. */
export interface DedupeKeyOptions {
  /** Prepended to every key. Default `"cmshooks:dedupe:"`. */
  readonly prefix?: string;
  /** Wrap the id in `{…}` so Redis Cluster hashes the id alone (`prefix{id}`). Default false. */
  readonly hashTag?: boolean;
}

/**
 * Builds the function that maps a delivery id to its one Redis key. Each
 * store operation touches that single key, so it works unchanged on Redis
 * Cluster; a prefix with braces is refused because its hash tag would send
 * every id to the same slot (one hot shard).
 *
 * @example
 * ```ts
 * const keyOf = dedupeKeyBuilder({ prefix: "shop:hooks:", hashTag: true });
 * keyOf("abc"); // "shop:hooks:{abc}"
 * ```
 */
export function dedupeKeyBuilder(options: DedupeKeyOptions = {}): (id: string) => string {
  const prefix = options.prefix ?? DEFAULT_DEDUPE_PREFIX;
  if (typeof prefix !== "string") throw new ConfigurationError("redisDedupeStore: prefix must be a string");
  if (/[{}]/.test(prefix)) {
    throw new ConfigurationError(
      `redisDedupeStore: prefix "${prefix}" contains a brace; on Redis Cluster its hash tag would put every id in one slot. ` +
        "Use hashTag: true to tag each id instead.",
    );
  }
  return options.hashTag ? (id) => `${prefix}{${id}}` : (id) => prefix + id;
}
