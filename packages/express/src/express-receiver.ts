import type { IncomingMessage, ServerResponse } from "node:http";
import { WebhookError, type WebhookReceiver } from "@cmshooks/core";
import { nodeDelivery, writeNodeResponse, type ReadBodyOptions } from "@cmshooks/node";

/** Options of {@link expressReceiver}. */
export type ExpressReceiverOptions = ReadBodyOptions;

/** What the adapter reads of an Express request: Node's request, plus whatever a body parser left in `body`. */
export type ExpressRequestLike = IncomingMessage & { body?: unknown; rawBody?: unknown; originalUrl?: string; params?: object };

/**
 * An Express request handler (Express 4 and 5). Typed structurally, so it
 * needs no particular version of `@types/express`.
 */
export type ExpressReceiverHandler = (req: ExpressRequestLike, res: ServerResponse, next: (error?: unknown) => void) => void;

const alreadyParsed = (): Promise<never> =>
  Promise.reject(
    new WebhookError(
      500,
      "body_already_parsed",
      "A body parser (e.g. express.json()) read this request before the webhook route, so the exact bytes the sender signed are gone. " +
        "Mount the webhook route before app.use(express.json()), use express.raw({ type: \"*/*\" }) on it, " +
        "or keep the bytes with express.json({ verify: (req, _res, buf) => { req.rawBody = buf; } }).",
    ),
  );

/**
 * Mounts a receiver on an Express 4 or 5 route. The raw body is read here,
 * under the receiver's limit; protocol outcomes (401, 413, 422, …) are
 * answered directly, anything unexpected goes to `next(err)`.
 *
 * If `express.raw()` ran first, its Buffer is verified as is; so is a Buffer
 * a parser's `verify` callback kept in `req.rawBody` (the
 * `express.json({ verify: (req, _res, buf) => { req.rawBody = buf } })` recipe).
 * If another parser (`express.json()`, `express.text()`, …) consumed the body, the
 * delivery is answered 500 `body_already_parsed` (and reported to `onError`)
 * rather than verifying a re-serialised body.
 *
 * @example
 * ```ts
 * const app = express();
 * app.post("/hooks/blox", expressReceiver(receiver)); // before app.use(express.json())
 * app.use(express.json());
 * ```
 */
export function expressReceiver(receiver: Pick<WebhookReceiver, "handle">, options: ExpressReceiverOptions = {}): ExpressReceiverHandler {
  return (req, res, next) => {
    // originalUrl: the whole path even inside a mounted router (path and query secrets live there).
    // An untouched stream is read by nodeDelivery; a Buffer from express.raw() or a verify callback is the exact bytes.
    const kept = req.body instanceof Uint8Array ? req.body : req.readableEnded && req.rawBody instanceof Uint8Array ? req.rawBody : undefined;
    const input = nodeDelivery(req, {
      timeoutMs: options.timeoutMs,
      body: kept ?? (req.readableEnded ? alreadyParsed : undefined),
      url: req.originalUrl,
      params: req.params as Readonly<Record<string, string>> | undefined,
    });
    receiver.handle(input).then((response) => writeNodeResponse(res, response)).catch(next);
  };
}
