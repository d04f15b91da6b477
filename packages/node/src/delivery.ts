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
export function nodeDelivery(req: IncomingMessage, options: NodeDeliveryOptions = {}): DeliveryInput {
  return {
    method: req.method ?? "GET",
    headers: req.headers,
    body: options.body ?? ((limit: number) => readBodyWithLimit(req, limit, options)),
    ip: socketAddress(req),
    url: options.url ?? req.url,
    params: options.params,
  };
}

/** Options of {@link nodeDelivery}: the body reader's, and what a framework knows better than the request. */
export interface NodeDeliveryOptions extends ReadBodyOptions {
  /** The exact bytes, when a parser already read them, or how to get them (the stream is then not read). */
  body?: DeliveryInput["body"];
  /** The request target, when the framework rewrote `req.url` (Express routers: `req.originalUrl`). */
  url?: string | undefined;
  /** The route's parameters, for receivers that serve many tenants. */
  params?: Readonly<Record<string, string>> | undefined;
}
