import { timestampedHmacSignature, type Authenticator, type SecretOption, type TenantCacheOptions } from "@cmshooks/core";

/**
 * The header Sanity signs deliveries in: `t=<unix ms>,v1=<base64url HMAC-SHA256>`.
 *
 * @example
 * ```ts
 * request.headers.get(SANITY_SIGNATURE_HEADER); // "t=1700000000000,v1=3q2-7w…"
 * ```
 */
export const SANITY_SIGNATURE_HEADER = "sanity-webhook-signature";

/**
 * Five minutes: how old (or how far ahead) a signed timestamp may be by default.
 *
 * @example
 * ```ts
 * sanity({ secret, toleranceMs: 2 * SANITY_DEFAULT_TOLERANCE_MS }); // ten minutes
 * ```
 */
export const SANITY_DEFAULT_TOLERANCE_MS = 5 * 60_000;

// The format @sanity/webhook 4 reads (`t=…` then `v1=…`, separated by commas or spaces).
const HEADER = /^t=(\d{1,16})[, ]+v1=([^, ]+)$/;

/** The two parts of a `sanity-webhook-signature` header. */
export interface SanitySignatureHeader {
  /** When Sanity signed, in Unix milliseconds. */
  readonly timestamp: number;
  /** base64url HMAC-SHA256 of `"<timestamp>.<body>"`, without padding. */
  readonly signature: string;
}

/**
 * Reads a `sanity-webhook-signature` header; `undefined` when it is not in
 * the `t=<ms>,v1=<signature>` form.
 *
 * @example
 * ```ts
 * parseSanitySignatureHeader("t=1700000000000,v1=abc"); // { timestamp: 1700000000000, signature: "abc" }
 * ```
 */
export function parseSanitySignatureHeader(value: string): SanitySignatureHeader | undefined {
  const match = HEADER.exec(value.trim());
  if (!match) return undefined;
  return { timestamp: Number(match[1]), signature: match[2]! };
}

const encoder = new TextEncoder();

/**
 * The bytes Sanity signs: `"<timestamp>."` followed by the raw body.
 *
 * @example
 * ```ts
 * const bytes = sanitySignedBytes(1700000000000, body); // "1700000000000.{…}"
 * ```
 */
export function sanitySignedBytes(timestamp: number, body: Uint8Array): Uint8Array {
  const prefix = encoder.encode(`${timestamp}.`);
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix);
  bytes.set(body, prefix.length);
  return bytes;
}

/** Options of {@link sanitySignature}. */
export interface SanitySignatureOptions {
  /** The webhook's secret, or a list while rotating, or, for one endpoint serving many projects, a function of the delivery that returns the tenant's (`({ tenant }) => secrets.get(tenant)`). */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /** How far the signed timestamp may be from now, in milliseconds (default five minutes). */
  toleranceMs?: number;
}

/**
 * Checks `sanity-webhook-signature` over the raw body: HMAC-SHA256 of
 * `"<t>.<body>"`, base64url, compared in constant time, with `t` within the
 * replay window. `sanity({ secret })` uses it; use it alone to combine checks.
 *
 * @example
 * ```ts
 * const auth = sanitySignature({ secret: process.env.SANITY_WEBHOOK_SECRET!, toleranceMs: 60_000 });
 * ```
 */
export function sanitySignature(options: SanitySignatureOptions): Authenticator {
  return timestampedHmacSignature({
    header: SANITY_SIGNATURE_HEADER,
    secret: options?.secret,
    ...(options?.cache ? { cache: options.cache } : {}),
    encoding: "base64url",
    form: "t=<ms>,v1=<signature>",
    parse: parseSanitySignatureHeader,
    signedBytes: ({ timestamp }, body) => sanitySignedBytes(timestamp, body),
    toleranceMs: options?.toleranceMs,
    defaultToleranceMs: SANITY_DEFAULT_TOLERANCE_MS,
    what: "sanity",
  });
}
