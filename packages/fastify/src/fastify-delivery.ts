import { WebhookError, type DeliveryInput } from "@cmshooks/core";
import { nodeDelivery, type ReadBodyOptions } from "@cmshooks/node";
import type { FastifyRequest } from "fastify";

const alreadyParsed = (): Promise<never> =>
  Promise.reject(
    new WebhookError(
      500,
      "body_already_parsed",
      "A content-type parser (e.g. Fastify's own JSON parser) read this request before the webhook route, so the exact bytes the sender signed are gone. " +
        "Register the route with app.register(fastifyReceiver(receiver), { prefix }), which reads the raw body itself, or give it a parseAs: \"buffer\" parser.",
    ),
  );

/**
 * The plain-values delivery for a Fastify request: the raw body is read from
 * the untouched stream under the receiver's limit, or taken from a
 * `parseAs: "buffer"` parser's `Buffer`; a body another parser consumed is
 * answered 500 `body_already_parsed`. The address is the socket's (the
 * receiver's `trustProxy` decides about `X-Forwarded-For`), never
 * `request.ip`, which Fastify's own `trustProxy` rewrites.
 *
 * This is the one place a Fastify request becomes a `DeliveryInput`, route
 * parameters (`request.params`, for receivers that serve many tenants) included.
 *
 * @example
 * ```ts
 * const response = await receiver.handle(fastifyDelivery(request, { timeoutMs: 10_000 }));
 * ```
 */
export function fastifyDelivery(request: FastifyRequest, options: ReadBodyOptions = {}): DeliveryInput {
  const parsed: unknown = request.body;
  const body = parsed instanceof Uint8Array ? parsed : request.raw.readableEnded ? alreadyParsed : undefined;
  return nodeDelivery(request.raw, { timeoutMs: options.timeoutMs, body, params: request.params as Readonly<Record<string, string>> | undefined });
}
