import type { IncomingMessage } from "node:http";

/**
 * The address of the peer that opened the socket. `X-Forwarded-For` is not
 * read here: the receiver's `trustProxy` option decides whether to believe it.
 */
export function socketAddress(req: IncomingMessage): string | undefined {
  return req.socket?.remoteAddress;
}
