import type { IncomingMessage } from "node:http";
import { InvalidBodyError, PayloadTooLargeError, RequestTimeoutError, type WebhookError } from "@cmshooks/core";

/** Options of {@link readBodyWithLimit}. */
export interface ReadBodyOptions {
  /** Give up (408) when the whole body has not arrived after this many ms. Default 30 000; 0 disables. */
  timeoutMs?: number;
}

/** The declared Content-Length, when it is the one that frames the body. */
function declaredLength(req: IncomingMessage): number | undefined {
  const declared = req.headers["content-length"];
  if (declared === undefined || req.headers["transfer-encoding"] !== undefined) return undefined;
  const length = Number(declared);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/**
 * Reads a Node request body as bytes, never more than `limit`: it stops
 * reading as soon as the limit is passed, whether Content-Length is absent or
 * lies, and answers 413. A body that stops arriving answers 408; a client that
 * goes away, or a body shorter than its Content-Length, answers 400
 * `body_incomplete`.
 *
 * One promise, five listeners and one timer per request, all removed when it
 * settles. Chunks are kept as they arrive and joined once at the end (a single
 * chunk is returned as it is): nothing is allocated from the declared length,
 * so a client cannot make the server reserve memory it never sends.
 *
 * @example
 * ```ts
 * const body = await readBodyWithLimit(req, receiver.maxBodyBytes);
 * ```
 */
export function readBodyWithLimit(req: IncomingMessage, limit: number, options: ReadBodyOptions = {}): Promise<Uint8Array> {
  const length = declaredLength(req);
  if (length !== undefined && length > limit) return Promise.reject(new PayloadTooLargeError(limit));
  if (req.readableEncoding !== null) {
    return Promise.reject(new InvalidBodyError("body_incomplete", "The body could not be read: the stream has an encoding set, so its bytes are gone"));
  }
  if (!req.readable) return Promise.reject(new InvalidBodyError("body_incomplete", "The body could not be read: stream is not readable"));
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const fail = (error: WebhookError) => {
      cleanup();
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) fail(new PayloadTooLargeError(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      if (length !== undefined && received !== length) {
        reject(new InvalidBodyError("body_incomplete", "The body's length does not match Content-Length"));
      } else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received));
    };
    const onAborted = () => fail(new InvalidBodyError("body_incomplete", "The client aborted the request before the body was complete"));
    const onError = (error: Error) => fail(new InvalidBodyError("body_incomplete", `The body could not be read: ${error.message}`, error));
    const timer = timeoutMs > 0 ? setTimeout(() => fail(new RequestTimeoutError(timeoutMs)), timeoutMs) : undefined;
    timer?.unref();
    function cleanup() {
      if (timer) clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("aborted", onAborted);
      req.off("close", onAborted);
      req.off("error", onError);
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("aborted", onAborted);
    // 'close' before 'end': the connection went away (Node may emit it without 'aborted').
    req.on("close", onAborted);
    req.on("error", onError);
  });
}
