import type { WebhookReceiver } from "@cmshooks/core";
import type { FastifyPluginAsync } from "fastify";
import { fastifyHandler, type FastifyHandlerOptions } from "./fastify-handler.js";

/** Options of {@link fastifyReceiver}. */
export interface FastifyReceiverOptions extends FastifyHandlerOptions {
  /** The route inside the plugin's `prefix`. Default `"/"` (the prefix itself, with or without a trailing slash). */
  readonly path?: string;
}

/** Never reached: the route is answered in its `preParsing` hook. */
const answeredBefore = async (): Promise<void> => undefined;

/**
 * A Fastify plugin (Fastify 4 and 5) that mounts a receiver at its prefix.
 *
 * Fastify parses a body after the `preParsing` hooks, with the content-type
 * parsers of the route's scope, and refuses a malformed `Content-Type` with
 * its own 415 before any parser. The plugin's route is answered in its own
 * `preParsing` hook instead (after the app's `onRequest` hooks): no parser,
 * of the app or of a plugin, touches the body; the receiver reads the raw
 * bytes itself, under its limit, after the cheap checks (method, address,
 * declared length, media type, header credentials); and every status comes
 * from the receiver's table. The app's other routes keep Fastify's parsing.
 *
 * The route answers every method, so a wrong one gets 405 with `Allow`.
 *
 * @example
 * ```ts
 * const app = Fastify();
 * await app.register(fastifyReceiver(receiver), { prefix: "/hooks/blox" });
 * app.post("/api/items", async (request) => request.body); // still parsed as JSON
 * await app.listen({ port: 3000, host: "127.0.0.1" });
 * ```
 */
export function fastifyReceiver(receiver: Pick<WebhookReceiver, "handle">, options: FastifyReceiverOptions = {}): FastifyPluginAsync {
  const { path = "/", ...handlerOptions } = options;
  const answer = fastifyHandler(receiver, handlerOptions);
  return async (scope) => {
    scope.all(path, { preParsing: answer }, answeredBefore);
  };
}
