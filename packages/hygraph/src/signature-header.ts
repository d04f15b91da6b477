/**
 * The header Hygraph signs deliveries in: `sign=<base64>, env=<environment>, t=<unix ms>`.
 *
 * @example
 * ```ts
 * request.headers.get(HYGRAPH_SIGNATURE_HEADER); // "sign=…, env=master, t=1700000000000"
 * ```
 */
export const HYGRAPH_SIGNATURE_HEADER = "gcms-signature";

/** The three parts of a `gcms-signature` header. */
export interface HygraphSignatureHeader {
  /** base64 HMAC-SHA256 of `JSON.stringify({ Body, EnvironmentName, TimeStamp })`. */
  readonly signature: string;
  /** The environment the webhook belongs to, e.g. `master`. */
  readonly environment: string;
  /** When Hygraph signed, in Unix milliseconds. */
  readonly timestamp: number;
}

const DIGITS = /^\d{1,16}$/;

/**
 * Reads a `gcms-signature` header (parts in any order, separated by commas);
 * `undefined` when `sign`, `env` or `t` is missing or given twice, a part
 * is anything else, or `t` is not a number.
 *
 * @example
 * ```ts
 * parseHygraphSignatureHeader("sign=abc=, env=master, t=1700000000000");
 * // { signature: "abc=", environment: "master", timestamp: 1700000000000 }
 * ```
 */
export function parseHygraphSignatureHeader(value: string): HygraphSignatureHeader | undefined {
  const parts = new Map<string, string>();
  for (const part of value.split(",")) {
    const eq = part.indexOf("=");
    // A part that is no `key=value` (a second header joined to this one, garbage) makes the header unreadable.
    if (eq <= 0) return undefined;
    const key = part.slice(0, eq).trim();
    // A part given twice (two gcms-signature headers joined, or an injected one), or one Hygraph never
    // writes, is ambiguous: refuse it.
    if (parts.has(key) || (key !== "sign" && key !== "env" && key !== "t")) return undefined;
    parts.set(key, part.slice(eq + 1).trim());
  }
  const signature = parts.get("sign");
  const environment = parts.get("env");
  const t = parts.get("t");
  if (!signature || environment === undefined || t === undefined || !DIGITS.test(t)) return undefined;
  return { signature, environment, timestamp: Number(t) };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The bytes Hygraph signs: `JSON.stringify({ Body: <raw body as text>, EnvironmentName, TimeStamp })`.
 *
 * @example
 * ```ts
 * hygraphSignedBytes(body, "master", 1700000000000); // '{"Body":"{\"operation\":…}","EnvironmentName":"master","TimeStamp":1700000000000}'
 * ```
 */
export function hygraphSignedBytes(body: string | Uint8Array, environment: string, timestamp: number): Uint8Array {
  const text = typeof body === "string" ? body : decoder.decode(body);
  return encoder.encode(JSON.stringify({ Body: text, EnvironmentName: environment, TimeStamp: timestamp }));
}
