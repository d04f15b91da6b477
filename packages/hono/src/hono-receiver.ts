import { readStreamBody, type WebhookReceiver } from "@cmshooks/core";
import type { Context, Env, Handler } from "hono";
import type { ConnInfo } from "hono/conninfo";
import { bodyConsumed, cachedBody } from "./consumed-body.js";
import { untouchedIncoming } from "./node-incoming.js";
import { runtimeAddress } from "./runtime-address.js";

/** Options of {@link honoReceiver}. */
export interface HonoReceiverOptions<E extends Env = Env> {
  /** The client address for this request; wins over `getConnInfo`. */
  ip?: (c: Context<E>) => string | undefined;
  /** A runtime's `getConnInfo` (from `@hono/node-server/conninfo`, `hono/bun`, `hono/deno`, `hono/cloudflare-workers`). */
  getConnInfo?: (c: Context<E>) => ConnInfo;
  /** Answer 408 when the whole body has not arrived after this many ms. Default 30 000, as the Node adapters; 0 disables. */
  timeoutMs?: number;
}

/**
 * A Hono handler for a receiver, on top of `receiver.fetch`. Runs wherever
 * Hono runs. The client address comes from `ip`, else `getConnInfo`, else
 * what the runtime puts in `c.env` (@hono/node-server, Bun, Deno). On
 * @hono/node-server an untouched body is read from the Node request itself,
 * without the web stream `c.req.raw.body` would build.
 *
 * If a middleware already read the body, the exact bytes Hono cached are
 * verified (`c.req.arrayBuffer()`, or `c.req.json()`/`text()` when they encode
 * back to Content-Length bytes); otherwise the delivery is answered 500
 * `body_already_read` with mounting advice (and reported to `onError`).
 *
 * @example
 * ```ts
 * const app = new Hono();
 * app.post("/hooks/blox", honoReceiver(receiver));
 * serve({ fetch: app.fetch, port: 3000 });
 * ```
 */
export function honoReceiver<E extends Env = Env>(receiver: Pick<WebhookReceiver, "fetch" | "handle">, options: HonoReceiverOptions<E> = {}): Handler<E> {
  const { ip, getConnInfo, timeoutMs = 30_000 } = options;
  const addressOf: (c: Context<E>) => string | undefined = ip ?? (getConnInfo ? (c) => getConnInfo(c).remote.address : runtimeAddress);
  return async (c) => {
    const params = c.req.param() as Record<string, string>;
    const incoming = untouchedIncoming(c);
    const request = c.req.raw;
    let body: (limit: number) => Promise<Uint8Array>;
    if (incoming) body = (limit) => readStreamBody(incoming, limit, timeoutMs);
    else if (!bodyConsumed(request)) return receiver.fetch(request, { ip: addressOf(c), timeoutMs, params });
    else body = cachedBody(c.req);
    const headers = incoming ? incoming.headers : request.headers;
    const result = await receiver.handle({ method: request.method, headers, body, ip: addressOf(c), url: request.url, params });
    return new Response(result.body, { status: result.status, headers: { ...result.headers } });
  };
}
