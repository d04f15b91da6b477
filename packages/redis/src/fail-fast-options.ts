/**
 * ioredis options for a client used by the dedupe store (or a hand-off
 * queue): while Redis is unreachable, commands fail at once instead of
 * waiting in ioredis's offline queue, so the receiver answers 503 and the
 * sender retries. Reconnection is ioredis's default (forever, backing off to
 * 2 s), so deliveries flow again as soon as Redis is back.
 *
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 * const client = new Redis(process.env.REDIS_URL!, failFastRedisOptions);
 * ```
 */
export const failFastRedisOptions = Object.freeze({
  /** Reject commands issued while disconnected instead of queueing them. */
  enableOfflineQueue: false,
  /** A command in flight when the connection drops is rejected after one reconnection attempt (default 20). */
  maxRetriesPerRequest: 1,
  /** A connected but stalled server rejects the command after 1 s. */
  commandTimeout: 1_000,
  /**
   * Off: the store already sends the claims (and completions) of one event-loop turn as one script
   * call, and ioredis's auto-pipelining only adds a pipeline per command on top (measured: ~2× the
   * store's CPU per delivery). On a Cluster, where the store sends one command per key, turning it on
   * can pay.
   */
  enableAutoPipelining: false,
} as const);
