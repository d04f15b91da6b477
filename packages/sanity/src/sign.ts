import { cryptoEngine } from "@cmshooks/core";
import { sanitySignedBytes } from "./signature.js";

const encoder = new TextEncoder();

/**
 * Signs a body the way Sanity does, for tests and local tools: the value of
 * `sanity-webhook-signature`, `t=<ms>,v1=<base64url HMAC-SHA256 of "<t>.<body>">`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(sanitySamples.update);
 * await fetch(url, { method: "POST", body, headers: { "sanity-webhook-signature": await signSanity(body, secret), "sanity-operation": "update" } });
 * ```
 */
export async function signSanity(body: string | Uint8Array, secret: string, timestamp: number = Date.now()): Promise<string> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  const base64 = await cryptoEngine.hmac("sha256", encoder.encode(secret))(sanitySignedBytes(timestamp, bytes), "base64");
  return `t=${timestamp},v1=${base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}
