import { verifyAuthenticity } from "@cmshooks/core";
import { KONTENT_SIGNATURE_HEADER, kontentSignature } from "./signature.js";

/**
 * Checks a Kontent.ai delivery's signature without a receiver, for apps that
 * route deliveries themselves: `true` when the header (`X-Kontent-ai-Signature`,
 * or the legacy `X-KC-Signature`) is the base64 HMAC-SHA256 of the exact raw
 * body under the secret (or any secret of a rotation list), compared in
 * constant time. A missing or empty header is `false`; an empty secret throws.
 *
 * @example
 * ```ts
 * const raw = new Uint8Array(await request.arrayBuffer());
 * const ok = await verifyKontentSignature(raw, request.headers.get("x-kontent-ai-signature"), process.env.KONTENT_SECRET!);
 * ```
 */
export function verifyKontentSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string | readonly string[],
): Promise<boolean> {
  return verifyAuthenticity(kontentSignature({ secret }), { headers: { [KONTENT_SIGNATURE_HEADER]: signatureHeader ?? undefined }, body: rawBody });
}
