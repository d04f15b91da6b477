import { ConfigurationError } from "../errors.js";
import type { DedupeState, DedupeStore } from "./dedupe-store.js";

/** Options of {@link memoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /**
   * Most ids kept. When full, expired and completed ids are forgotten first,
   * oldest first; a claim still in progress is never evicted (its handlers
   * would run twice). A claim that finds only claims in progress fails, and
   * the receiver answers 503 so the sender retries. Default 100 000.
   */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Entry {
  state: Exclude<DedupeState, "new">;
  expiresAt: number;
  /** Write number, to tell a live entry from a stale place in the eviction queue. */
  seq: number;
}

/**
 * A dedupe store in this process's memory: bounded (oldest finished ids
 * evicted first, claims in progress never) and expiring. Right for one instance; use `@cmshooks/redis` for replicas.
 *
 * Eviction order lives in its own queue rather than in the Map's insertion
 * order: deleting the oldest Map entries one by one leaves holes at its front
 * that every later "find the oldest" would have to skip.
 *
 * @example
 * ```ts
 * createReceiver({ provider, dedupe: memoryDedupeStore({ maxEntries: 50_000 }) });
 * ```
 */
export function memoryDedupeStore(options: MemoryDedupeStoreOptions = {}): DedupeStore & { readonly size: number } {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new ConfigurationError("memoryDedupeStore: maxEntries must be a positive integer");
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let queueIds: string[] = [];
  let queueSeqs: number[] = [];
  let head = 0;
  let seq = 0;

  const isLive = (i: number) => entries.get(queueIds[i]!)?.seq === queueSeqs[i];
  /** Drops stale places (ids written again or released) once they are most of the queue. */
  const compact = () => {
    const ids: string[] = [];
    const seqs: number[] = [];
    for (let i = head; i < queueIds.length; i++) {
      if (isLive(i)) {
        ids.push(queueIds[i]!);
        seqs.push(queueSeqs[i]!);
      }
    }
    queueIds = ids;
    queueSeqs = seqs;
    head = 0;
  };

  /**
   * Makes room for one more id: forgets the oldest entry that is done or
   * expired. Live claims met on the way go to the back of the queue (they
   * keep their place in the Map). False when every entry is a live claim.
   */
  const evictOne = (t: number): boolean => {
    for (let seen = 0, live = entries.size; seen < live && head < queueIds.length; ) {
      const i = head++;
      if (!isLive(i)) continue;
      seen++;
      const id = queueIds[i]!;
      const entry = entries.get(id)!;
      if (entry.state === "done" || entry.expiresAt <= t) {
        entries.delete(id);
        return true;
      }
      queueIds.push(id);
      queueSeqs.push(queueSeqs[i]!);
    }
    return false;
  };

  const set = (id: string, state: Entry["state"], expiresAt: number) => {
    const isNew = !entries.has(id);
    if (isNew && entries.size >= maxEntries && !evictOne(now())) {
      throw new Error(`memoryDedupeStore is full: all ${maxEntries} entries are claims in progress; raise maxEntries`);
    }
    entries.set(id, { state, expiresAt, seq: ++seq });
    queueIds.push(id);
    queueSeqs.push(seq);
    if (queueIds.length - head > 2 * entries.size + 1024) compact();
    else if (head > 1024 && head * 2 > queueIds.length) compact();
  };

  return {
    get size() {
      return entries.size;
    },
    claim(id, ttlMs) {
      const t = now();
      const entry = entries.get(id);
      if (entry && entry.expiresAt > t) return entry.state;
      set(id, "processing", t + ttlMs);
      return "new";
    },
    complete(id, ttlMs) {
      set(id, "done", now() + ttlMs);
    },
    release(id) {
      entries.delete(id);
    },
  };
}
