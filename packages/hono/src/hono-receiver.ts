import type { WebhookReceiver } from "@cmshooks/core";
import type { Context, Env, Handler } from "hono";
import type { ConnInfo } from "hono/conninfo";
import { bodyConsumed, cachedBody } from "./consumed-body.js";
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
 * what the runtime puts in `c.env` (@hono/node-server, Bun, Deno).
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
    const request = c.req.raw;
    const params = c.req.param() as Record<string, string>;
    if (!bodyConsumed(request)) return receiver.fetch(request, { ip: addressOf(c), timeoutMs, params });
    const input = { method: request.method, headers: request.headers, body: cachedBody(c.req), ip: addressOf(c), url: request.url, params };
    const result = await receiver.handle(input);
    return new Response(result.body, { status: result.status, headers: { ...result.headers } });
  };
}
