import type { IncomingMessage } from "node:http";

/**
 * The address of the peer that opened the socket. `X-Forwarded-For` is not
 * read here: the receiver's `trustProxy` option decides whether to believe it.
 *
 * @example
 * ```ts
 * http.createServer(async (req, res) => {
 *   const result = await receiver.handle({ method: req.method!, headers: req.headers, body: await readBodyWithLimit(req, receiver.maxBodyBytes), ip: socketAddress(req) });
 *   writeNodeResponse(res, result);
 * });
 * ```
 */
export function socketAddress(req: IncomingMessage): string | undefined {
  return req.socket?.remoteAddress;
}
