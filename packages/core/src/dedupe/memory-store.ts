import { ConfigurationError } from "../errors.js";
import type { DedupeState, DedupeStore } from "./dedupe-store.js";

/** Options of {@link memoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /** Most ids kept; the oldest are forgotten first. Default 100 000. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Entry {
  state: Exclude<DedupeState, "new">;
  expiresAt: number;
}

/**
 * A dedupe store in this process's memory: bounded (oldest ids evicted first)
 * and expiring. Right for one instance; use `@cmshooks/redis` for replicas.
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
  // A Map iterates in insertion order: re-inserting on every write keeps the oldest first.
  const entries = new Map<string, Entry>();

  const set = (id: string, entry: Entry) => {
    entries.delete(id);
    entries.set(id, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };

  return {
    get size() {
      return entries.size;
    },
    claim(id, ttlMs) {
      const t = now();
      const entry = entries.get(id);
      if (entry && entry.expiresAt > t) return entry.state;
      set(id, { state: "processing", expiresAt: t + ttlMs });
      return "new";
    },
    complete(id, ttlMs) {
      set(id, { state: "done", expiresAt: now() + ttlMs });
    },
    release(id) {
      entries.delete(id);
    },
  };
}
