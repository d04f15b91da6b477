import { InvalidBodyError, PayloadTooLargeError } from "../errors.js";

/**
 * Reads a fetch `Request` body as bytes, stopping (and cancelling the stream)
 * as soon as it passes `limit`, whatever Content-Length claimed.
 */
export async function readRequestBody(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (cause) {
      // The client went away, or the runtime gave up on it (e.g. Node's requestTimeout): a client failure, not ours.
      throw new InvalidBodyError("body_incomplete", "The body ended before it was complete", cause);
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
