import { ConfigurationError, type DedupeState, type DedupeStore } from "@cmshooks/core";
import { dedupeKeyBuilder, type DedupeKeyOptions } from "./dedupe-key.js";
import { claimManyScript, claimScript, completeManyScript, releaseScript } from "./dedupe-scripts.js";
import { keyBatches } from "./key-batches.js";
import { clientBoundsCommands, type RedisDedupeClient } from "./redis-dedupe-client.js";
import { runScript, runScriptOnKeys } from "./run-script.js";
import { callDeadlines } from "./call-deadlines.js";

/** Options of {@link redisDedupeStore}. */
export interface RedisDedupeStoreOptions extends DedupeKeyOptions {
  /** An ioredis `Redis` or `Cluster` client; create it with `failFastRedisOptions` so claims fail fast while Redis is down. */
  readonly client: RedisDedupeClient;
  /**
   * Longest wait for one Redis call before it counts as a failure (the receiver answers 503). 0 = no limit.
   * Default 2 000. Enforced by the store unless the client's own `commandTimeout` is already this short.
   */
  readonly timeoutMs?: number;
}

/** The Redis dedupe store: core's {@link DedupeStore} plus the key it uses for an id. */
export interface RedisDedupeStore extends DedupeStore {
  /** The Redis key that holds the state of `id`. */
  keyOf(id: string): string;
}

const DONE = "d";
const PROCESSING = "p:";
/** Claims this process holds and has not settled; bounded so a caller that never settles cannot grow it forever. */
const MAX_HELD_CLAIMS = 100_000;

/**
 * A dedupe store on Redis, shared by every replica of a receiver. One key per
 * delivery id: `"p:<token>"` while a replica handles it (expires after the
 * processing TTL, so a crashed replica frees it), `"d"` once handled. A claim
 * reads and writes in one Lua script, so of two replicas that get the same
 * delivery at the same moment exactly one runs the handlers. A failed or
 * slow Redis makes `claim` reject, and the receiver answers 503: it never
 * runs handlers without the dedupe it was configured with.
 *
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 * import { failFastRedisOptions, redisDedupeStore } from "@cmshooks/redis";
 *
 * const client = new Redis(process.env.REDIS_URL!, failFastRedisOptions);
 * const receiver = createReceiver({
 *   provider: blox({ secret: process.env.BLOX_SECRET! }),
 *   dedupe: redisDedupeStore({ client, prefix: "shop:hooks:" }),
 * });
 * ```
 */
export function redisDedupeStore(options: RedisDedupeStoreOptions): RedisDedupeStore {
  const client = options?.client;
  if (!client || typeof client.evalsha !== "function" || typeof client.set !== "function") {
    throw new ConfigurationError("redisDedupeStore: `client` must be an ioredis Redis or Cluster client");
  }
  const timeoutMs = options.timeoutMs ?? 2_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new ConfigurationError("redisDedupeStore: timeoutMs must be 0 or more");
  const keyOf = dedupeKeyBuilder(options);
  // A client created with `failFastRedisOptions` already rejects slow commands; a timer per call would only add cost.
  const within = callDeadlines(timeoutMs > 0 && clientBoundsCommands(client, timeoutMs) ? 0 : timeoutMs);
  // A token per claim lets `release` free only the claim this process took.
  const instance = globalThis.crypto.randomUUID();
  let counter = 0;
  const held = new Map<string, string>();
  const commands = storeCommands(client);

  return {
    keyOf,
    claim(id: string, ttlMs: number): Promise<DedupeState> {
      const token = `${PROCESSING}${instance}.${(counter++).toString(36)}`;
      const key = keyOf(id);
      return within(commands.claim(key, token, String(Math.max(1, Math.ceil(ttlMs)))), "claim").then(
        (stored) => {
          if (stored !== null && stored !== undefined) return String(stored) === DONE ? "done" : "processing";
          held.delete(id);
          held.set(id, token);
          if (held.size > MAX_HELD_CLAIMS) held.delete(held.keys().next().value as string);
          return "new";
        },
        (error: unknown) => {
          // The script may still run after a timeout (a queued command); free what it would take.
          void runScript(client, releaseScript, key, token).catch(() => {});
          throw error;
        },
      );
    },
    async complete(id: string, ttlMs: number): Promise<void> {
      held.delete(id);
      await within(commands.complete(keyOf(id), String(Math.max(1, Math.ceil(ttlMs)))), "complete");
    },
    async release(id: string): Promise<void> {
      const token = held.get(id) ?? "";
      held.delete(id);
      await within(runScript(client, releaseScript, keyOf(id), token), "release");
    },
  };
}

/** How the store sends claims and completions to Redis. */
interface StoreCommands {
  claim(key: string, token: string, ttlMs: string): Promise<unknown>;
  complete(key: string, ttlMs: string): Promise<unknown>;
}

/**
 * On one Redis, the claims (and the completions) made in one turn of the
 * event loop go out as one script call each: under load a delivery costs a
 * share of two commands instead of two. A Cluster would refuse the keys of
 * different slots in one call, so there each key gets its own command.
 */
function storeCommands(client: RedisDedupeClient): StoreCommands {
  if (client.isCluster) {
    return {
      claim: (key, token, ttlMs) => runScript(client, claimScript, key, token, ttlMs),
      complete: (key, ttlMs) => client.set(key, DONE, "PX", Number(ttlMs)),
    };
  }
  const claims = keyBatches((keys, args) => runScriptOnKeys(client, claimManyScript, keys, args));
  const completions = keyBatches((keys, args) => runScriptOnKeys(client, completeManyScript, keys, args));
  return { claim: (key, token, ttlMs) => claims(key, [token, ttlMs]), complete: (key, ttlMs) => completions(key, [ttlMs]) };
}
