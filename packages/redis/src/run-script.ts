import type { DedupeScript } from "./dedupe-scripts.js";
import type { RedisDedupeClient } from "./redis-dedupe-client.js";

/**
 * Runs a one-key script by its SHA (the usual case: one short command), and
 * sends the source once when the server does not know it yet (`NOSCRIPT`:
 * first call, restarted server, failover to a replica that never saw it).
 */
export function runScript(client: RedisDedupeClient, script: DedupeScript, key: string, ...args: string[]): Promise<unknown> {
  return runScriptOnKeys(client, script, [key], args);
}

/** {@link runScript} for a script of several keys. */
export function runScriptOnKeys(client: RedisDedupeClient, script: DedupeScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
  return client.evalsha(script.sha, keys.length, ...keys, ...args).catch((error: unknown) => {
    if (error instanceof Error && error.message.startsWith("NOSCRIPT")) return client.eval(script.lua, keys.length, ...keys, ...args);
    throw error;
  });
}
