import { cryptoEngine } from "@cmshooks/core";

const encoder = new TextEncoder();

/**
 * Signs a body the way Kontent.ai does, for tests and local tools:
 * base64(HMAC-SHA256(exact body bytes, UTF-8 bytes of the secret)). Send it
 * as `X-Kontent-ai-Signature` (or `X-KC-Signature` for a legacy body).
 *
 * @example
 * ```ts
 * const body = formatKontentJson({ notifications: [kontentSamples["content_item.published"]] });
 * await fetch(url, { method: "POST", body, headers: { "x-kontent-ai-signature": await signKontent(body, secret) } });
 * ```
 */
export async function signKontent(body: string | Uint8Array, secret: string): Promise<string> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  return cryptoEngine.hmac("sha256", encoder.encode(secret))(bytes, "base64");
}
