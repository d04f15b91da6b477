import { cryptoEngine } from "@cmshooks/core";

const encoder = new TextEncoder();

/**
 * Signs a body the way BLOX does, for tests and local tools:
 * base64(HMAC-SHA256(body, secret)).
 *
 * @example
 * ```ts
 * const body = JSON.stringify(bloxSamples["editorial.update_asset"]);
 * await fetch(url, { method: "POST", body, headers: { "x-hook-signature": await signBlox(body, secret) } });
 * ```
 */
export async function signBlox(body: string | Uint8Array, secret: string): Promise<string> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  return cryptoEngine.hmac("sha256", encoder.encode(secret))(bytes, "base64");
}
