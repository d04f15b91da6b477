import { WebhookError } from "@cmshooks/core";
import type { HonoRequest } from "hono";

const ADVICE =
  "Register the webhook route before app.use() middleware that calls c.req.json() / c.req.parseBody() (or a validator), " +
  "or have that middleware read c.req.arrayBuffer() so the exact bytes are kept.";

/** The rejection for a body some middleware consumed without leaving its exact bytes. */
export const bodyAlreadyRead = (): Promise<never> =>
  Promise.reject(
    new WebhookError(
      500,
      "body_already_read",
      "A middleware read this request's body before the webhook route, so the exact bytes the sender signed are gone. " + ADVICE,
    ),
  );

/** True when something already read (or holds a reader on) the request's body. */
export function bodyConsumed(request: Request): boolean {
  return request.bodyUsed || request.body?.locked === true;
}

/**
 * The exact bytes of a body an earlier middleware read through Hono's body
 * cache: `c.req.arrayBuffer()` kept them as is; `c.req.text()` / `c.req.json()`
 * kept decoded text, used only when it encodes back to as many bytes as
 * Content-Length announced (decoding drops a BOM, replaces invalid UTF-8).
 * Otherwise the reader rejects with `body_already_read`.
 */
export function cachedBody(req: HonoRequest): (limit: number) => Promise<Uint8Array> {
  const cache = req.bodyCache as { arrayBuffer?: Promise<ArrayBuffer>; text?: Promise<string> };
  if (cache.arrayBuffer) {
    const buffer = cache.arrayBuffer;
    return () => buffer.then((b) => new Uint8Array(b));
  }
  const text = cache.text;
  const declared = req.raw.headers.get("content-length");
  if (text && declared !== null) {
    return () =>
      text.then((t) => {
        const bytes = new TextEncoder().encode(t);
        return bytes.byteLength === Number(declared) ? bytes : bodyAlreadyRead();
      });
  }
  return bodyAlreadyRead;
}
