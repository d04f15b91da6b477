import { hmacSignature, verifyAuthenticity, type Authenticator } from "@cmshooks/core";

/**
 * The header BLOX signs deliveries in.
 *
 * @example
 * ```ts
 * const signature = request.headers.get(BLOX_SIGNATURE_HEADER); // "x-hook-signature"
 * ```
 */
export const BLOX_SIGNATURE_HEADER = "x-hook-signature";

/**
 * The BLOX signature check: base64 HMAC-SHA256 of the raw body in
 * `X-Hook-Signature`, constant-time, any secret of a rotation list may match.
 *
 * @example
 * ```ts
 * defineProvider({ name: "blox", auth: bloxSignature([current, previous]), ... });
 * ```
 */
export function bloxSignature(secret: string | readonly string[]): Authenticator {
  return hmacSignature({ header: BLOX_SIGNATURE_HEADER, secret, encoding: "base64" });
}

/**
 * Checks a BLOX delivery's signature without a receiver, for apps that route
 * deliveries themselves: `true` when `X-Hook-Signature` is the base64
 * HMAC-SHA256 of the exact raw body under the secret (or any secret of a
 * rotation list), compared in constant time. A missing or empty header is
 * `false`; an empty secret throws.
 *
 * @example
 * ```ts
 * const raw = new Uint8Array(await request.arrayBuffer());
 * if (!(await verifyBloxSignature(raw, request.headers.get("x-hook-signature"), process.env.BLOX_SECRET!))) return new Response(null, { status: 401 });
 * ```
 */
export function verifyBloxSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string | readonly string[],
): Promise<boolean> {
  return verifyAuthenticity(bloxSignature(secret), { headers: { [BLOX_SIGNATURE_HEADER]: signatureHeader ?? undefined }, body: rawBody });
}
