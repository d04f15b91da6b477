import http from "node:http";

/** One request of a load run. */
export interface LoadRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** What a load run saw, request by request. */
export interface LoadResult {
  /** Status of every request that got an answer, by the id the generator gave it. */
  readonly statuses: Map<string, number>;
  /** Transport failures (resets, timeouts): a receiver under load has none. */
  readonly errors: { readonly id: string; readonly error: Error }[];
  readonly sent: number;
  readonly elapsedMs: number;
}

/** Options of {@link runLoad}. */
export interface LoadOptions {
  readonly origin: string;
  /** Concurrent keep-alive connections, each sending its next request once the last one is answered. */
  readonly connections: number;
  readonly durationMs: number;
  /** The `n`-th request and its id (unique per run). */
  readonly next: (n: number) => Promise<{ id: string; request: LoadRequest }>;
  /** Per-request timeout. Default 10 s. */
  readonly timeoutMs?: number;
}

function send(agent: http.Agent, origin: string, request: LoadRequest, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${request.path}`, {
      method: "POST",
      agent,
      headers: { ...request.headers, "content-length": request.body.length },
      timeout: timeoutMs,
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(request.body);
  });
}

/**
 * A closed-loop load generator with exact accounting (autocannon counts
 * statuses; this keeps the status of each request by id, so every 200 can be
 * matched with what the handlers saw). `connections` loops share one
 * keep-alive agent capped at that many sockets.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const statuses = new Map<string, number>();
  const errors: { id: string; error: Error }[] = [];
  const started = Date.now();
  const stopAt = started + options.durationMs;
  let n = 0;
  const loop = async () => {
    while (Date.now() < stopAt) {
      const { id, request } = await options.next(n++);
      try {
        statuses.set(id, await send(agent, options.origin, request, options.timeoutMs ?? 10_000));
      } catch (error) {
        errors.push({ id, error: error as Error });
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  const elapsedMs = Date.now() - started;
  agent.destroy();
  return { statuses, errors, sent: n, elapsedMs };
}
