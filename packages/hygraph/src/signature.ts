import { timestampedHmacSignature, type Authenticator, type SecretOption, type TenantCacheOptions } from "@cmshooks/core";
import { HYGRAPH_SIGNATURE_HEADER, hygraphSignedBytes, parseHygraphSignatureHeader } from "./signature-header.js";

/**
 * Five minutes: how old (or how far ahead) a signed timestamp may be by default.
 *
 * @example
 * ```ts
 * hygraph({ secret, toleranceMs: 2 * HYGRAPH_DEFAULT_TOLERANCE_MS }); // ten minutes
 * ```
 */
export const HYGRAPH_DEFAULT_TOLERANCE_MS = 5 * 60_000;

/** Options of {@link hygraphSignature}. */
export interface HygraphSignatureOptions {
  /** The webhook's secret key, or a list while rotating, or, for one endpoint serving many projects, a function of the delivery that returns the tenant's (`({ tenant }) => secrets.get(tenant)`). */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /** How far the signed timestamp may be from now, in milliseconds (default five minutes). */
  toleranceMs?: number;
}

/**
 * Checks `gcms-signature` over the raw body: base64 HMAC-SHA256 of
 * `JSON.stringify({ Body, EnvironmentName, TimeStamp })`, compared in constant
 * time, with `t` within the replay window. `hygraph({ secret })` uses it.
 *
 * @example
 * ```ts
 * const auth = hygraphSignature({ secret: process.env.HYGRAPH_WEBHOOK_SECRET!, toleranceMs: 60_000 });
 * ```
 */
export function hygraphSignature(options: HygraphSignatureOptions): Authenticator {
  return timestampedHmacSignature({
    header: HYGRAPH_SIGNATURE_HEADER,
    secret: options?.secret,
    ...(options?.cache ? { cache: options.cache } : {}),
    encoding: "base64",
    form: "sign=<signature>, env=<environment>, t=<ms>",
    parse: parseHygraphSignatureHeader,
    signedBytes: ({ environment, timestamp }, body) => hygraphSignedBytes(body, environment, timestamp),
    toleranceMs: options?.toleranceMs,
    defaultToleranceMs: HYGRAPH_DEFAULT_TOLERANCE_MS,
    what: "hygraph",
  });
}
