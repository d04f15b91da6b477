import { cryptoEngine } from "@cmshooks/core";

const encoder = new TextEncoder();

/**
 * Signs a body the way Storyblok does, for tests and local tools:
 * hex(HMAC-SHA1(body, webhook secret)), sent as `webhook-signature`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(storyblokSamples["story.published"]);
 * await fetch(url, { method: "POST", body, headers: { "webhook-signature": await signStoryblok(body, secret) } });
 * ```
 */
export async function signStoryblok(body: string | Uint8Array, secret: string): Promise<string> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  return cryptoEngine.hmac("sha1", encoder.encode(secret))(bytes, "hex");
}
