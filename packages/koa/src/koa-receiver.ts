import type { IncomingMessage, ServerResponse } from "node:http";
import { WebhookError, type WebhookReceiver } from "@cmshooks/core";
import { earlyAnswerHeaders, nodeDelivery, type ReadBodyOptions } from "@cmshooks/node";

/** Options of {@link koaReceiver}. */
export type KoaReceiverOptions = ReadBodyOptions;

/**
 * What the adapter uses of a Koa context (Koa 2 and 3). Typed structurally,
 * so it needs no particular version of `@types/koa`.
 */
export interface KoaContextLike {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Where koa-bodyparser / @koa/bodyparser keep the text they parsed, as `rawBody`. */
  readonly request: object;
  status: number;
  body: unknown;
  set(headers: Record<string, string>): void;
}

/** A Koa middleware. */
export type KoaReceiverMiddleware = (ctx: KoaContextLike, next?: () => Promise<unknown>) => Promise<void>;

const alreadyParsed = (): Promise<never> =>
  Promise.reject(
    new WebhookError(
      500,
      "body_already_parsed",
      "A body parser read this request before the webhook route and kept no complete raw body, so the exact bytes the sender signed are gone. " +
        "Mount the webhook route before the body parser, or use koa-bodyparser / @koa/bodyparser (they keep ctx.request.rawBody).",
    ),
  );

/** The parser's `rawBody` as bytes, when it is the whole body that arrived (same length as Content-Length). */
function parserRawBody(ctx: KoaContextLike): Uint8Array | undefined {
  const raw = (ctx.request as { rawBody?: unknown }).rawBody;
  if (typeof raw !== "string") return undefined;
  const bytes = Buffer.from(raw, "utf8");
  const declared = ctx.req.headers["content-length"];
  return declared === undefined || Number(declared) === bytes.length ? bytes : undefined;
}

/**
 * Mounts a receiver on a Koa 2 or 3 route. The raw body is read here, under
 * the receiver's limit, and the answer (200, 401, 413, 422, …) is set on `ctx`.
 *
 * If koa-bodyparser or @koa/bodyparser ran first, their `ctx.request.rawBody`
 * is verified when it is complete. If a parser consumed the body without
 * keeping it, the delivery is answered 500 `body_already_parsed` (and reported
 * to `onError`) rather than verifying a re-serialised body.
 *
 * @example
 * ```ts
 * const router = new Router();
 * router.post("/hooks/blox", koaReceiver(receiver));
 * app.use(router.routes());
 * ```
 */
export function koaReceiver(receiver: Pick<WebhookReceiver, "handle">, options: KoaReceiverOptions = {}): KoaReceiverMiddleware {
  return async (ctx) => {
    // Route parameters (@koa/router sets ctx.params), for receivers that serve many tenants.
    // An untouched stream is read by nodeDelivery; a parser that ran may have kept the exact bytes.
    const body = ctx.req.readableEnded ? (parserRawBody(ctx) ?? alreadyParsed) : undefined;
    const params = (ctx as { params?: Record<string, string> }).params;
    const response = await receiver.handle(nodeDelivery(ctx.req, { timeoutMs: options.timeoutMs, body, params }));
    // An answer before the body was read (413, 403, …): close without a reset, as the node adapter does.
    ctx.set(earlyAnswerHeaders(ctx.req, ctx.res, response.headers));
    ctx.status = response.status;
    ctx.body = response.body;
  };
}
