/** State of a delivery id in a dedupe store. */
export type DedupeState = "new" | "processing" | "done";

/**
 * Shared memory of which deliveries were handled, so that a retried or
 * duplicated delivery runs its handlers once. `claim` must be atomic: of two
 * concurrent claims of one id, exactly one gets `"new"`.
 *
 * @example
 * ```ts
 * createReceiver({ provider, dedupe: memoryDedupeStore() });
 * ```
 */
export interface DedupeStore {
  /** Marks `id` as being processed for `ttlMs` unless it already is or was done. */
  claim(id: string, ttlMs: number): DedupeState | Promise<DedupeState>;
  /** Marks `id` as done, remembered for `ttlMs`. */
  complete(id: string, ttlMs: number): void | Promise<void>;
  /** Forgets a claim (handlers failed), so the sender's retry runs them again. */
  release(id: string): void | Promise<void>;
}

/** Dedupe settings of a receiver. */
export interface DedupeOptions {
  store: DedupeStore;
  /** How long a claim blocks duplicates while handlers run (a crashed process frees it after this). Default 60 s. */
  processingTtlMs?: number;
  /** How long a handled delivery is remembered. Default 24 h. */
  doneTtlMs?: number;
  /** `Retry-After` seconds sent with the 503 for a delivery that is being handled elsewhere. Default 5. */
  retryAfterSeconds?: number;
}
