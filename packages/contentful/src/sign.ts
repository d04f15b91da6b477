import { cryptoEngine } from "@cmshooks/core";
import { CONTENTFUL_SIGNATURE_HEADERS, contentfulSignedBytes } from "./canonical-request.js";

const encoder = new TextEncoder();

/** What {@link signContentful} signs besides the body. */
export interface ContentfulSignOptions {
  /** The request target the delivery goes to. Default `/hooks/contentful`. */
  path?: string;
  /** Headers to sign as well (e.g. `x-contentful-topic`), by name. Default none. */
  headers?: Readonly<Record<string, string>>;
  /** When it is signed, in Unix milliseconds. Default now. */
  timestamp?: number;
}

/**
 * Signs a POST the way Contentful's request verification does, for tests and
 * local tools; returns the three headers to send (`x-contentful-signature`,
 * `x-contentful-signed-headers`, `x-contentful-timestamp`).
 *
 * @example
 * ```ts
 * const body = JSON.stringify(contentfulSamples["ContentManagement.Entry.publish"]);
 * const topic = { "x-contentful-topic": "ContentManagement.Entry.publish" };
 * const signed = await signContentful(body, secret, { path: "/hooks/contentful", headers: topic });
 * await fetch(url, { method: "POST", body, headers: { ...topic, ...signed } });
 * ```
 */
export async function signContentful(body: string | Uint8Array, secret: string, options: ContentfulSignOptions = {}): Promise<Record<string, string>> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  const timestamp = options.timestamp ?? Date.now();
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const names = Object.keys(headers);
  const { signature, signedHeaders, timestamp: timestampHeader } = CONTENTFUL_SIGNATURE_HEADERS;
  const listed = [...new Set([...names, signedHeaders, timestampHeader])].sort((a, b) => (a > b ? 1 : -1)).join(",");
  const canonical = contentfulSignedBytes({ method: "POST", path: options.path ?? "/hooks/contentful", headers, body: bytes }, names, timestamp);
  return {
    [signature]: await cryptoEngine.hmac("sha256", encoder.encode(secret))(canonical, "hex"),
    [signedHeaders]: listed,
    [timestampHeader]: String(timestamp),
  };
}
