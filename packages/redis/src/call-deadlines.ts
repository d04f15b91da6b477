/**
 * Rejects when a Redis call takes longer than the store's `timeoutMs`. The
 * receiver turns it into 503 `dedupe_unavailable`; the error is its `cause`.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error.cause instanceof DedupeTimeoutError) metrics.increment("redis.slow");
 * });
 * ```
 */
export class DedupeTimeoutError extends Error {
  constructor(operation: string, ms: number) {
    super(`Redis dedupe ${operation} took longer than ${ms} ms`);
    this.name = "DedupeTimeoutError";
  }
}

interface Pending {
  readonly deadline: number;
  readonly operation: string;
  readonly reject: (error: Error) => void;
}

/**
 * Bounds calls to `ms` (0 = no limit) with one timer for all of them instead
 * of one per call: every call gets the same limit, so deadlines expire in the
 * order calls started and only the oldest needs a timer. A call past its
 * deadline rejects with a {@link DedupeTimeoutError}; the command itself is
 * not cancelled (Redis may still run it later, which callers account for).
 *
 * @example
 * ```ts
 * const within = callDeadlines(2_000);
 * await within(client.set(key, "d", "PX", ttl), "complete");
 * ```
 */
export function callDeadlines(ms: number): <T>(promise: Promise<T>, operation: string) => Promise<T> {
  if (ms <= 0) return (promise) => promise;
  const pending = new Set<Pending>(); // insertion order = deadline order
  let timer: ReturnType<typeof setTimeout> | undefined;

  const expire = () => {
    timer = undefined;
    const now = Date.now();
    for (const call of pending) {
      if (call.deadline > now) {
        timer = setTimeout(expire, call.deadline - now);
        break;
      }
      pending.delete(call);
      call.reject(new DedupeTimeoutError(call.operation, ms));
    }
  };

  return <T>(promise: Promise<T>, operation: string) =>
    new Promise<T>((resolve, reject) => {
      const call: Pending = { deadline: Date.now() + ms, operation, reject };
      pending.add(call);
      timer ??= setTimeout(expire, ms);
      promise.then(
        (value) => {
          pending.delete(call);
          resolve(value);
        },
        (error: unknown) => {
          pending.delete(call);
          reject(error);
        },
      );
    });
}
