import type { IncomingMessage } from "node:http";
import { readStreamBody } from "@cmshooks/core";

/** Options of {@link readBodyWithLimit}. */
export interface ReadBodyOptions {
  /** Give up (408) when the whole body has not arrived after this many ms. Default 30 000; 0 disables. */
  timeoutMs?: number;
}

/**
 * Reads a Node request body as bytes, never more than `limit`: it stops
 * reading as soon as the limit is passed, whether Content-Length is absent or
 * lies, and answers 413. A body that stops arriving answers 408; a client that
 * goes away, or a body shorter than its Content-Length, answers 400
 * `body_incomplete`. (Core's `readStreamBody`, with a 30 s default timeout.)
 *
 * @example
 * ```ts
 * const body = await readBodyWithLimit(req, receiver.maxBodyBytes);
 * ```
 */
export function readBodyWithLimit(req: IncomingMessage, limit: number, options: ReadBodyOptions = {}): Promise<Uint8Array> {
  return readStreamBody(req, limit, options.timeoutMs ?? 30_000);
}
