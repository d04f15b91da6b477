import type { Authenticator } from "../auth/authenticator.js";
import { toBytes } from "../crypto/encoding.js";
import { UnauthorizedError } from "../errors.js";
import { toHeaderReader, type HeadersInput } from "../headers.js";
import { authenticate } from "../pipeline/authenticate.js";

/** One delivery as a standalone check sees it: its headers, raw body and (for URL secrets) request target. */
export interface StandaloneDelivery {
  readonly headers: HeadersInput;
  /** The exact bytes received (a string is taken as its UTF-8 bytes). */
  readonly body: Uint8Array | string;
  /** Request target (path and query), for query-string or path secrets. */
  readonly url?: string | undefined;
}

/**
 * Runs authenticity checks over one delivery outside a receiver, as the
 * receiver does (constant time, every secret of a rotation list compared):
 * `true` when every check passes, `false` when one refuses the delivery.
 *
 * @example
 * ```ts
 * const ok = await verifyAuthenticity(hmacSignature({ header: "x-hook-signature", secret }), { headers: request.headers, body: raw });
 * if (!ok) return new Response(null, { status: 401 });
 * ```
 */
export async function verifyAuthenticity(checks: Authenticator | readonly Authenticator[], delivery: StandaloneDelivery): Promise<boolean> {
  const list = Array.isArray(checks) ? (checks as readonly Authenticator[]) : [checks as Authenticator];
  try {
    await authenticate(list, { headers: toHeaderReader(delivery.headers), body: toBytes(delivery.body), url: delivery.url });
    return true;
  } catch (error) {
    if (error instanceof UnauthorizedError) return false;
    throw error;
  }
}
