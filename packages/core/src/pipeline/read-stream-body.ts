import { InvalidBodyError, PayloadTooLargeError, RequestTimeoutError, type WebhookError } from "../errors.js";

/**
 * The part of a Node `IncomingMessage` (any readable byte stream with events)
 * that {@link readStreamBody} uses. Typed by shape, so core imports nothing
 * of Node's.
 */
export interface ByteStreamSource {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** False once the stream ended or was destroyed. */
  readonly readable: boolean;
  /** Set by `setEncoding`: the chunks would then be text, not the bytes. */
  readonly readableEncoding: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's overloads take (...args: any[]) listeners
  on(event: "data" | "end" | "aborted" | "close" | "error", listener: (...args: any[]) => void): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: "data" | "end" | "aborted" | "close" | "error", listener: (...args: any[]) => void): unknown;
  pause(): unknown;
}

/** The declared Content-Length, when it is the one that frames the body. */
function declaredLength(headers: ByteStreamSource["headers"]): number | undefined {
  const declared = headers["content-length"];
  if (typeof declared !== "string" || headers["transfer-encoding"] !== undefined) return undefined;
  // Past the safe integers it still counts: it is over any limit, so it gets 413 before any reading.
  const length = Number(declared);
  return Number.isFinite(length) && length >= 0 ? length : undefined;
}

/**
 * Reads a Node request stream's body as bytes, never more than `limit`: it
 * stops reading as soon as the limit is passed, whether Content-Length is
 * absent or lies, and answers 413. A body that has not arrived after
 * `timeoutMs` (0: no timeout) answers 408; a client that goes away, or a body
 * shorter than its Content-Length, answers 400 `body_incomplete`.
 *
 * One promise, five listeners and one timer per request, all removed when it
 * settles. Chunks are kept as they arrive and joined once at the end (a single
 * chunk is returned as it is): nothing is allocated from the declared length,
 * so a client cannot make the server reserve memory it never sends.
 *
 * @example
 * ```ts
 * const body = await readStreamBody(req, receiver.maxBodyBytes, 30_000);
 * ```
 */
export function readStreamBody(stream: ByteStreamSource, limit: number, timeoutMs: number): Promise<Uint8Array> {
  const length = declaredLength(stream.headers);
  if (length !== undefined && length > limit) return Promise.reject(new PayloadTooLargeError(limit));
  if (stream.readableEncoding !== null) {
    return Promise.reject(new InvalidBodyError("body_incomplete", "The body could not be read: the stream has an encoding set, so its bytes are gone"));
  }
  if (!stream.readable) return Promise.reject(new InvalidBodyError("body_incomplete", "The body could not be read: stream is not readable"));
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let received = 0;
    const fail = (error: WebhookError) => {
      cleanup();
      stream.pause();
      reject(error);
    };
    const onData = (chunk: Uint8Array) => {
      received += chunk.byteLength;
      if (received > limit) fail(new PayloadTooLargeError(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      if (length !== undefined && received !== length) reject(new InvalidBodyError("body_incomplete", "The body's length does not match Content-Length"));
      else resolve(chunks.length === 1 ? chunks[0]! : joinChunks(chunks, received));
    };
    const onAborted = () => fail(new InvalidBodyError("body_incomplete", "The client aborted the request before the body was complete"));
    const onError = (error: Error) => fail(new InvalidBodyError("body_incomplete", `The body could not be read: ${error.message}`, error));
    const timer = timeoutMs > 0 ? setTimeout(() => fail(new RequestTimeoutError(timeoutMs)), timeoutMs) : undefined;
    (timer as { unref?: () => void } | undefined)?.unref?.();
    function cleanup() {
      if (timer !== undefined) clearTimeout(timer);
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("aborted", onAborted);
      stream.off("close", onAborted);
      stream.off("error", onError);
    }
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("aborted", onAborted);
    // 'close' before 'end': the connection went away (Node may emit it without 'aborted').
    stream.on("close", onAborted);
    stream.on("error", onError);
  });
}

/** The chunks, in order, in one array of `total` bytes. */
export function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
