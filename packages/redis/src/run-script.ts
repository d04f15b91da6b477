import type { DedupeScript } from "./dedupe-scripts.js";
import type { RedisDedupeClient } from "./redis-dedupe-client.js";

/** The scripts each client has sent the source of. */
const sent = new WeakMap<RedisDedupeClient, Set<string>>();

/**
 * Runs a one-key script by its SHA (the usual case: one short command), and
 * sends the source once when the server does not know it yet (`NOSCRIPT`:
 * first call, restarted server, failover to a replica that never saw it).
 */
export function runScript(client: RedisDedupeClient, script: DedupeScript, key: string, ...args: string[]): Promise<unknown> {
  return runScriptOnKeys(client, script, [key], args);
}

/**
 * {@link runScript} for a script of several keys. A client's first call of
 * each script sends the source: Redis runs it in order with the commands sent
 * after it. Had it gone by SHA to a server that does not know the script yet,
 * the source would follow the refusal, after those commands: a completion would
 * land after the next claim of the same delivery, which would then be answered
 * 503 instead of as a duplicate.
 */
export function runScriptOnKeys(client: RedisDedupeClient, script: DedupeScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
  let scripts = sent.get(client);
  if (scripts === undefined) sent.set(client, (scripts = new Set()));
  if (!scripts.has(script.sha)) {
    scripts.add(script.sha);
    return client.eval(script.lua, keys.length, ...keys, ...args);
  }
  return client.evalsha(script.sha, keys.length, ...keys, ...args).catch((error: unknown) => {
    if (error instanceof Error && error.message.startsWith("NOSCRIPT")) return client.eval(script.lua, keys.length, ...keys, ...args);
    throw error;
  });
}
