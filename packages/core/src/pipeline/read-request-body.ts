import { InvalidBodyError, PayloadTooLargeError, RequestTimeoutError } from "../errors.js";
import { joinChunks } from "./read-stream-body.js";

/**
 * Reads a fetch `Request` body as bytes, stopping (and cancelling the stream)
 * as soon as it passes `limit`, whatever Content-Length claimed, or when the
 * whole body has not arrived after `timeoutMs` (0: no timeout of our own).
 */
export async function readRequestBody(request: Request, limit: number, timeoutMs = 0): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  if (timeoutMs <= 0) return readAll(reader, limit);
  // On time out the stream is cancelled, which ends the pending read; readAll then sees the deadline passed.
  const deadline = { ms: timeoutMs, passed: false };
  const timer = setTimeout(() => {
    deadline.passed = true;
    reader.cancel().catch(() => {});
  }, timeoutMs);
  try {
    return await readAll(reader, limit, deadline);
  } finally {
    clearTimeout(timer);
  }
}

async function readAll(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit: number,
  deadline?: { readonly ms: number; readonly passed: boolean },
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (cause) {
      if (deadline?.passed) throw new RequestTimeoutError(deadline.ms);
      // The client went away, or the runtime gave up on it (e.g. Node's requestTimeout): a client failure, not ours.
      throw new InvalidBodyError("body_incomplete", "The body ended before it was complete", cause);
    }
    if (deadline?.passed) throw new RequestTimeoutError(deadline.ms);
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : joinChunks(chunks, total);
}
