import { InvalidBodyError, PayloadTooLargeError } from "@cmshooks/core";

const EMPTY = new Uint8Array(0);
const encoder = new TextEncoder();

/**
 * A reader of an event's body as the exact bytes that arrived, for
 * `receiver.handle`: API Gateway and function URLs hand Lambda a base64
 * string (`isBase64Encoded`) for bodies they treat as binary, and a plain
 * string otherwise. It runs only once the cheap checks passed, and refuses
 * (413) a body over the limit before decoding it.
 *
 * @example
 * ```ts
 * await receiver.handle({ method, headers, body: eventBody(event.body, event.isBase64Encoded), ip });
 * ```
 */
export function eventBody(body: string | null | undefined, isBase64Encoded: boolean): (limit: number) => Promise<Uint8Array> {
  return async (limit) => {
    if (!body) return EMPTY;
    if (!isBase64Encoded) {
      // Each character is at least one UTF-8 byte.
      if (body.length > limit) throw new PayloadTooLargeError(limit);
      return encoder.encode(body);
    }
    // Four base64 characters carry three bytes; at most two of them are padding.
    if (Math.floor((body.length * 3) / 4) - 2 > limit) throw new PayloadTooLargeError(limit);
    return decodeBase64(body);
  };
}

function decodeBase64(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch (cause) {
    throw new InvalidBodyError("body_incomplete", "The event's body is marked base64 (isBase64Encoded) but is not valid base64", cause);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
