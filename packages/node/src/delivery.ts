import type { IncomingMessage } from "node:http";
import type { DeliveryInput } from "@cmshooks/core";
import { socketAddress } from "./client-ip.js";
import { readBodyWithLimit, type ReadBodyOptions } from "./read-body.js";

/**
 * The plain-values delivery for a Node request: the body is read (under the
 * receiver's limit) only after the method, address, length, media type and
 * header credentials have passed.
 *
 * @example
 * ```ts
 * const response = await receiver.handle(nodeDelivery(req));
 * ```
 */
export function nodeDelivery(req: IncomingMessage, options: ReadBodyOptions & { body?: Uint8Array } = {}): DeliveryInput {
  return {
    method: req.method ?? "GET",
    headers: req.headers,
    body: options.body ?? ((limit: number) => readBodyWithLimit(req, limit, options)),
    ip: socketAddress(req),
    url: req.url,
  };
}
