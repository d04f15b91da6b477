/** One caller's share of a batch: its key, its arguments, and how to answer it. */
interface BatchedCall {
  readonly key: string;
  readonly args: readonly string[];
  readonly resolve: (reply: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** The most keys one script call carries; more calls in one turn go out as several. */
export const MAX_BATCH_KEYS = 256;

/**
 * Gathers the calls made during one turn of the event loop and sends them as
 * one multi-key script call (`send(keys, args)`, whose reply is one entry per
 * key, in order) once the turn's I/O callbacks have run (`setImmediate`).
 *
 * Under load, many deliveries are claimed or completed in the same turn, and
 * each then costs the receiver a share of one command instead of a command of
 * its own (the client's work per command and a socket write and read each).
 * Alone, a call waits only for the rest of the current turn. A failed script
 * call fails every call it carried.
 *
 * @example
 * ```ts
 * const claim = keyBatches((keys, args) => runScriptOnKeys(client, claimManyScript, keys, args));
 * const stored = await claim(key, [token, ttl]);
 * ```
 */
export function keyBatches(send: (keys: string[], args: string[]) => Promise<unknown>): (key: string, args: readonly string[]) => Promise<unknown> {
  let pending: BatchedCall[] = [];
  const flush = () => {
    const calls = pending;
    pending = [];
    for (let from = 0; from < calls.length; from += MAX_BATCH_KEYS) sendBatch(send, calls.slice(from, from + MAX_BATCH_KEYS));
  };
  return (key, args) =>
    new Promise((resolve, reject) => {
      if (pending.push({ key, args, resolve, reject }) === 1) setImmediate(flush);
    });
}

function sendBatch(send: (keys: string[], args: string[]) => Promise<unknown>, calls: readonly BatchedCall[]): void {
  const keys: string[] = [];
  const args: string[] = [];
  for (const call of calls) {
    keys.push(call.key);
    for (const arg of call.args) args.push(arg);
  }
  send(keys, args).then(
    (replies) => {
      if (!Array.isArray(replies) || replies.length !== calls.length) {
        const error = new Error(`Redis dedupe: expected ${calls.length} replies from one script call, got ${Array.isArray(replies) ? replies.length : typeof replies}`);
        for (const call of calls) call.reject(error);
        return;
      }
      calls.forEach((call, i) => call.resolve(replies[i]));
    },
    (error: unknown) => {
      for (const call of calls) call.reject(error);
    },
  );
}
