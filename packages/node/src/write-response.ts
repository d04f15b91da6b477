import type { IncomingMessage, ServerResponse } from "node:http";
import type { ReceiverResponse } from "@cmshooks/core";

/** How much of an unread body is drained after answering early, before the connection is cut. */
const LINGER_BYTES = 256 * 1024;
const LINGER_MS = 1_000;

/**
 * Writes the receiver's answer to a Node response, with a Content-Length so
 * it goes out in one piece.
 *
 * When the answer comes before the body was read to its end (413, 408, 403,
 * a 401 on header credentials), closing the socket at once would make the
 * kernel reset the connection and many clients would report the reset instead
 * of our status. So the rest of the body is drained for a moment, up to
 * 256 KiB or 1 s, and then the connection is closed; a body that ends within
 * that budget leaves the connection usable.
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
  const { connection: _ignored, ...headers } = response.headers;
  res.writeHead(response.status, { ...headers, "content-length": Buffer.byteLength(response.body) });
  res.end(response.body);
  if (unread) drainThenClose(req);
}

function drainThenClose(req: IncomingMessage): void {
  const socket = req.socket;
  let budget = LINGER_BYTES;
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  req.on("data", (chunk: Buffer) => {
    budget -= chunk.length;
    if (budget < 0) socket.destroy();
  });
  req.once("end", () => clearTimeout(timer));
  req.once("aborted", () => clearTimeout(timer));
  req.resume();
}
