/**
 * The few commands the dedupe store sends. An ioredis `Redis` or `Cluster`
 * client satisfies it (so does any client with the same signatures).
 */
export interface RedisDedupeClient {
  evalsha(sha1: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  set(key: string, value: string, millisecondsToken: "PX", milliseconds: number): Promise<unknown>;
  /** ioredis: the client's options, read to see whether it already bounds every command in time. */
  readonly options?: object;
  /** ioredis: true on a `Cluster`. */
  readonly isCluster?: boolean;
}

interface TimeoutOptions {
  commandTimeout?: unknown;
  enableOfflineQueue?: unknown;
  redisOptions?: { commandTimeout?: unknown };
}

/**
 * Whether the client itself rejects every command within `ms`, so the store
 * needs no timer of its own. ioredis starts `commandTimeout` when a command is
 * issued, even one waiting in its offline queue; a Cluster only hands a
 * command to a node (where `redisOptions.commandTimeout` applies) once it is
 * ready, so it also needs its offline queue off.
 *
 * @example
 * ```ts
 * clientBoundsCommands(new Redis({ commandTimeout: 1_000 }), 2_000); // true
 * ```
 */
export function clientBoundsCommands(client: RedisDedupeClient, ms: number): boolean {
  const options = client.options as TimeoutOptions | undefined;
  const within = (timeout: unknown) => typeof timeout === "number" && timeout > 0 && timeout <= ms;
  if (!options) return false;
  if (client.isCluster) return options.enableOfflineQueue === false && within(options.redisOptions?.commandTimeout);
  return within(options.commandTimeout);
}
