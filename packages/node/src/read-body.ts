import type { IncomingMessage } from "node:http";
import { InvalidBodyError, PayloadTooLargeError, RequestTimeoutError, WebhookError } from "@cmshooks/core";
import getRawBody from "raw-body";

/** Options of {@link readBodyWithLimit}. */
export interface ReadBodyOptions {
  /** Give up (408) when the whole body has not arrived after this many ms. Default 30 000; 0 disables. */
  timeoutMs?: number;
}

interface RawBodyError extends Error {
  type?: string;
}

function toWebhookError(error: RawBodyError, limit: number): WebhookError {
  if (error instanceof WebhookError) return error;
  switch (error.type) {
    case "entity.too.large":
      return new PayloadTooLargeError(limit);
    case "request.size.invalid":
      return new InvalidBodyError("body_incomplete", "The body's length does not match Content-Length", error);
    case "request.aborted":
      return new InvalidBodyError("body_incomplete", "The client aborted the request before the body was complete", error);
    default:
      return new InvalidBodyError("body_incomplete", `The body could not be read: ${error.message}`, error);
  }
}

/**
 * Reads a Node request body as bytes with raw-body, never more than `limit`:
 * it stops reading as soon as the limit is passed, whether Content-Length is
 * absent or lies, and answers 413. A body that stops arriving answers 408.
 *
 * @example
 * ```ts
 * const body = await readBodyWithLimit(req, receiver.maxBodyBytes);
 * ```
 */
export function readBodyWithLimit(req: IncomingMessage, limit: number, options: ReadBodyOptions = {}): Promise<Uint8Array> {
  const declared = req.headers["content-length"];
  const length = declared === undefined || req.headers["transfer-encoding"] !== undefined ? undefined : Number(declared);
  if (length !== undefined && length > limit) return Promise.reject(new PayloadTooLargeError(limit));
  const reading = getRawBody(req, { limit, ...(length !== undefined && Number.isSafeInteger(length) ? { length } : {}) }).catch(
    (error: RawBodyError) => {
      throw toWebhookError(error, limit);
    },
  );
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (timeoutMs <= 0) return reading;
  return new Promise<Uint8Array>((resolve, reject) => {
    const timer = setTimeout(() => {
      req.pause();
      reject(new RequestTimeoutError(timeoutMs));
    }, timeoutMs);
    timer.unref?.();
    reading.then(
      (body) => {
        clearTimeout(timer);
        resolve(body);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
