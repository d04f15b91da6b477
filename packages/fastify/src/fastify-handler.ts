import type { WebhookReceiver } from "@cmshooks/core";
import { earlyAnswerHeaders, type ReadBodyOptions } from "@cmshooks/node";
import type { FastifyReply, FastifyRequest } from "fastify";
import { fastifyDelivery } from "./fastify-delivery.js";

/** Options of {@link fastifyHandler} and {@link fastifyReceiver}. */
export type FastifyHandlerOptions = ReadBodyOptions;

/** A Fastify route handler (Fastify 4 and 5). */
export type FastifyReceiverHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * A Fastify route handler for a receiver, for a route of your own. Behind a
 * `parseAs: "buffer"` content-type parser its `Buffer` is verified as is;
 * behind Fastify's own JSON parser the signed bytes are gone and the delivery
 * is answered 500 `body_already_parsed`. Fastify's checks before parsing
 * apply (its 415 for a malformed `Content-Type`, its `bodyLimit` for buffer
 * parsers). Prefer {@link fastifyReceiver}, which answers before any parser.
 *
 * The answer (200, 401, 413, 422, …) goes out through `reply`, so Fastify's
 * `onSend` / `onResponse` hooks and its request log see it.
 *
 * @example
 * ```ts
 * app.register(async (scope) => {
 *   scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
 *   scope.post("/hooks/blox", fastifyHandler(receiver));
 * });
 * ```
 */
export function fastifyHandler(receiver: Pick<WebhookReceiver, "handle">, options: FastifyHandlerOptions = {}): FastifyReceiverHandler {
  return async (request, reply) => {
    const response = await receiver.handle(fastifyDelivery(request, options));
    // An answer before the body was read (413, 403, …) ends without a connection reset, as in the node adapter.
    const headers = earlyAnswerHeaders(request.raw, reply.raw, response.headers);
    return reply.code(response.status).headers(headers).send(response.body);
  };
}
