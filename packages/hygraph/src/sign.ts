import { cryptoEngine } from "@cmshooks/core";
import { hygraphSignedBytes } from "./signature-header.js";

const encoder = new TextEncoder();

/**
 * Signs a body the way Hygraph does, for tests and local tools: the value of
 * `gcms-signature`, `sign=<base64>, env=<environment>, t=<ms>`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(hygraphSamples.publish);
 * await fetch(url, { method: "POST", body, headers: { "gcms-signature": await signHygraph(body, secret) } });
 * ```
 */
export async function signHygraph(
  body: string | Uint8Array,
  secret: string,
  options: { environment?: string; timestamp?: number } = {},
): Promise<string> {
  const environment = options.environment ?? "master";
  const timestamp = options.timestamp ?? Date.now();
  const signature = await cryptoEngine.hmac("sha256", encoder.encode(secret))(hygraphSignedBytes(body, environment, timestamp), "base64");
  return `sign=${signature}, env=${environment}, t=${timestamp}`;
}
