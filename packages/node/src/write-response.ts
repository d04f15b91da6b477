import type { IncomingMessage, ServerResponse } from "node:http";
import type { ReceiverResponse } from "@cmshooks/core";

/** A body declared at most this long is read to its end after an early answer, keeping the connection. */
const SHORT_BODY_BYTES = 1024 * 1024;
/** How long a connection with an unread body stays half-open after an early answer. */
const LINGER_MS = 1_000;

/**
 * Writes the receiver's answer to a Node response, with a Content-Length so
 * it goes out in one piece.
 *
 * When the answer comes before the body was read to its end (413, 408, 403,
 * a 401 on header credentials), closing the socket at once would make the
 * kernel reset the connection, and many clients would report the reset
 * instead of our status. So what the client is still sending is read and
 * dropped (nothing is kept in memory): a body declared short enough is read
 * to its end and the keep-alive connection stays usable; a larger or chunked
 * one gets our side of the connection ended after the answer (the client sees
 * the answer, then end of stream) and is drained until the client stops, for
 * at most 5 s or 32 MiB; then the socket is destroyed.
 *
 * @example
 * ```ts
 * writeNodeResponse(res, await receiver.handle(nodeDelivery(req)));
 * ```
 */
export function writeNodeResponse(res: ServerResponse, response: ReceiverResponse): void {
  if (res.headersSent || res.destroyed) return;
  const req: IncomingMessage | undefined = res.req;
  const unread = req !== undefined && !req.complete;
  // A flat [name, value, …] list: no object copies on the hot path. `connection` is this writer's business.
  const headers: string[] = [];
  for (const name in response.headers) if (name !== "connection") headers.push(name, response.headers[name]!);
  headers.push("content-length", String(Buffer.byteLength(response.body)));
  res.writeHead(response.status, headers);
  res.end(response.body);
  if (unread) closeAfterEarlyAnswer(req, res);
}

/**
 * For adapters whose framework writes the answer itself (Koa): when the
 * answer comes before the body was read, read a short declared body to its
 * end, or half-close after the answer instead of resetting the connection.
 * Call it before the answer is written; the answer must not ask for
 * `Connection: close` (Node would then reset the connection itself).
 *
 * @example
 * ```ts
 * if (!ctx.req.complete) closeAfterEarlyAnswer(ctx.req, ctx.res);
 * ```
 */
export function closeAfterEarlyAnswer(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  if (socket.destroyed || res.destroyed) return; // the client is already gone
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  const declared = Number(req.headers["content-length"]);
  if (req.headers["transfer-encoding"] === undefined && declared <= SHORT_BODY_BYTES) {
    // A short declared body is read to its end and dropped; the keep-alive connection stays usable.
    req.once("end", () => clearTimeout(timer));
    req.resume();
    return;
  }
  // A large or endless body is not read: once the answer is flushed our side is ended (the client reads the
  // answer, then end of stream), the client's upload stalls in the socket buffers instead of being refused
  // with a reset, and the socket is destroyed when the client closes or after LINGER_MS.
  res.once("finish", () => socket.end());
}

/**
 * For adapters whose framework writes the answer itself (Koa, Fastify): the
 * headers to answer with. When the answer comes before the body was read to
 * its end, it arranges {@link closeAfterEarlyAnswer} and leaves out
 * `Connection: close` (Node would then reset the connection itself).
 *
 * @example
 * ```ts
 * const headers = earlyAnswerHeaders(ctx.req, ctx.res, response.headers);
 * ctx.set(headers);
 * ```
 */
export function earlyAnswerHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  headers: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  if (req.complete) return headers;
  closeAfterEarlyAnswer(req, res);
  if (!("connection" in headers)) return headers;
  const copy: Record<string, string> = {};
  for (const name in headers) if (name !== "connection") copy[name] = headers[name]!;
  return copy;
}
