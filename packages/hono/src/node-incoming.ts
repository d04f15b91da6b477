import type { ByteStreamSource } from "@cmshooks/core";
import type { Context } from "hono";

interface IncomingLike extends ByteStreamSource {
  /** null while nothing has read the stream: no 'data' listener, resume() or pipe yet. */
  readonly readableFlowing: boolean | null;
}

/**
 * On @hono/node-server, the Node request behind `c.req.raw` (`c.env.incoming`)
 * when nothing has touched its body yet, so that it can be read straight from
 * the socket. Reading it through `c.req.raw` instead builds a web
 * `ReadableStream` over it (`Readable.toWeb`), which costs several times the
 * whole delivery. A middleware that read the body (`c.req.json()`, a
 * validator) has set the stream flowing, and `undefined` is returned; so are
 * other runtimes, whose `c.env` holds no such request.
 *
 * @example
 * ```ts
 * const incoming = untouchedIncoming(c);
 * if (incoming) body = await readStreamBody(incoming, limit, 30_000);
 * ```
 */
export function untouchedIncoming(c: Context): ByteStreamSource | undefined {
  const env = c.env as { incoming?: Partial<IncomingLike> } | undefined;
  const incoming = env !== null && typeof env === "object" ? env.incoming : undefined;
  if (!incoming || typeof incoming.on !== "function" || typeof incoming.headers !== "object") return undefined;
  return incoming.readableFlowing === null && incoming.readable === true ? (incoming as IncomingLike) : undefined;
}
