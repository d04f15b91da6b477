import type { WebhookReceiver } from "@cmshooks/core";
import type { FastifyPluginAsync } from "fastify";
import { fastifyHandler, type FastifyHandlerOptions } from "./fastify-handler.js";

/** Options of {@link fastifyReceiver}. */
export interface FastifyReceiverOptions extends FastifyHandlerOptions {
  /** The route inside the plugin's `prefix`. Default `"/"` (the prefix itself, with or without a trailing slash). */
  readonly path?: string;
}

/**
 * A Fastify plugin (Fastify 4 and 5) that mounts a receiver at its prefix.
 * Inside the plugin, and only there (Fastify's encapsulation), every
 * content-type parser is replaced by one that leaves the body unread: the
 * receiver reads the raw bytes itself under its limit, after the cheap
 * checks (method, address, declared length, media type, header credentials).
 * The app's other routes keep Fastify's JSON parsing.
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
  const handler = fastifyHandler(receiver, handlerOptions);
  return async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", leaveBodyUnread);
    scope.all(path, handler);
  };
}

/** A content-type parser that reads nothing: the raw stream stays for the receiver. */
function leaveBodyUnread(_request: unknown, _payload: unknown, done: (error: Error | null, body?: undefined) => void): void {
  done(null);
}
