import { createHash } from "node:crypto";

/** A Lua script and its SHA-1, for `EVALSHA` with an `EVAL` fallback. */
export interface DedupeScript {
  readonly lua: string;
  readonly sha: string;
}

function script(lua: string): DedupeScript {
  return { lua, sha: createHash("sha1").update(lua).digest("hex") };
}

/**
 * KEYS[1] = the id's key, ARGV[1] = "p:<token>", ARGV[2] = processing TTL (ms).
 * Returns nil when the claim was taken (the id is new), else the stored value:
 * "d" (done) or "p:<someone's token>" (processing). Read and write happen in
 * one script, so of two concurrent claims exactly one sees nil.
 */
export const claimScript = script(`local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`);

/**
 * KEYS[1] = the id's key, ARGV[1] = "p:<token>" of the claim to give back, or
 * "" when this process holds no token for it. Deletes the key only while it
 * still holds that claim (or, without a token, any processing claim): a slow
 * replica whose claim expired must not free the claim another replica took
 * since, and a "done" mark is never forgotten.
 */
export const releaseScript = script(`local v = redis.call('GET', KEYS[1])
if not v then return 0 end
if v == ARGV[1] or (ARGV[1] == '' and string.sub(v, 1, 2) == 'p:') then
  return redis.call('DEL', KEYS[1])
end
return 0`);

/**
 * The claim of many keys at once (KEYS = the keys; ARGV = token, TTL for each
 * key in turn): for each, the value already stored, or false when it was free
 * and is now claimed. Used for the claims gathered in one turn of the event loop.
 */
export const claimManyScript = script(`local out = {}
for i, key in ipairs(KEYS) do
  local v = redis.call('GET', key)
  if v then
    out[i] = v
  else
    redis.call('SET', key, ARGV[2 * i - 1], 'PX', ARGV[2 * i])
    out[i] = false
  end
end
return out`);

/** Marks many keys done at once (KEYS = the keys; ARGV = the done TTL of each); one 1 per key. */
export const completeManyScript = script(`local out = {}
for i, key in ipairs(KEYS) do
  redis.call('SET', key, 'd', 'PX', ARGV[i])
  out[i] = 1
end
return out`);
