/** Redis keys the replica processes' handler writes and the tests read, under one run's prefix. */
export const replicaKeys = (prefix: string) => ({
  /** hash: delivery id → handler invocations */
  attempts: `${prefix}attempts`,
  /** hash: delivery id → handler runs that reached their end (the side effect) */
  handled: `${prefix}handled`,
  /** set once per "fail-once" delivery, so its handler fails exactly the first time */
  failed: (id: string) => `${prefix}failed:${id}`,
  /** the replicas' dedupe store prefix */
  dedupe: `${prefix}dedupe:`,
});
