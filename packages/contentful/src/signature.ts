import {
  ConfigurationError,
  hmacMatcher,
  outsideReplayWindow,
  replayToleranceMs,
  UnauthorizedError,
  type Authenticator,
  type HeaderReader,
  type SecretOption,
  type SecretValue,
  type TenantCacheOptions,
} from "@cmshooks/core";
import { CONTENTFUL_SIGNATURE_HEADERS, contentfulSignedBytes } from "./canonical-request.js";

/**
 * 30 seconds: how old a signed request may be by default, the TTL of
 * `verifyRequest` in Contentful's node-apps-toolkit.
 *
 * @example
 * ```ts
 * contentful({ secret, toleranceMs: 4 * CONTENTFUL_DEFAULT_TOLERANCE_MS }); // two minutes
 * ```
 */
export const CONTENTFUL_DEFAULT_TOLERANCE_MS = 30_000;

// Contentful's constraints on a webhook signing secret.
const SECRET = /^[0-9a-zA-Z+/=_-]{64}$/;
const HEX_64 = /^[0-9a-fA-F]{64}$/;
const DIGITS = /^\d{1,16}$/;

/** Options of {@link contentfulSignature}. */
export interface ContentfulSignatureOptions {
  /**
   * The space's webhook signing secret (64 characters), or a list while rotating; or, for one endpoint
   * serving many spaces, a function of the delivery that returns the tenant's. A tenant's secret that is not
   * in Contentful's form answers 503 (`credentials_unavailable`), with the reason reported.
   */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /** How far the signed timestamp may be from now, in milliseconds (default 30 s, the toolkit's TTL). */
  toleranceMs?: number;
}

/** Every header of the request the signature may name, by lower-case name. */
function headerRecord(headers: HeaderReader, names: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    const value = name ? headers.get(name) : undefined;
    if (value !== undefined) record[name] = value;
  }
  return record;
}

/** The secrets as a list, each checked against Contentful's form (a tenant's unknown: `undefined`). */
function contentfulSecrets(value: SecretValue | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const secrets = typeof value === "string" || value instanceof Uint8Array ? [value] : [...value];
  return secrets.map((secret, i) => {
    if (typeof secret !== "string" || !SECRET.test(secret)) {
      throw new ConfigurationError(`contentful: signing secret #${i + 1} must be 64 characters of 0-9, a-z, A-Z, +, /, =, _ or - (as Contentful generates it)`);
    }
    return secret;
  });
}

/**
 * Checks Contentful's request verification: `x-contentful-signature` is hex
 * HMAC-SHA256, under the signing secret, of the canonical request (method,
 * path, the headers `x-contentful-signed-headers` lists, raw body), compared
 * in constant time, with `x-contentful-timestamp` within the replay window.
 * Needs the request target, which every cmshooks adapter passes.
 *
 * @example
 * ```ts
 * const auth = contentfulSignature({ secret: process.env.CONTENTFUL_SIGNING_SECRET! });
 * ```
 */
export function contentfulSignature(options: ContentfulSignatureOptions): Authenticator {
  const given = options?.secret;
  const secret: SecretOption =
    typeof given === "function"
      ? (context) => {
          const answer = given(context);
          return answer instanceof Promise ? answer.then(contentfulSecrets) : contentfulSecrets(answer);
        }
      : (contentfulSecrets(given) ?? []);
  const matches = hmacMatcher({ secret, encoding: "hex", what: "contentful", ...(options?.cache ? { cache: options.cache } : {}) });
  const toleranceMs = replayToleranceMs(options?.toleranceMs, CONTENTFUL_DEFAULT_TOLERANCE_MS, "contentful");
  const { signature: SIGNATURE, signedHeaders: SIGNED_HEADERS, timestamp: TIMESTAMP } = CONTENTFUL_SIGNATURE_HEADERS;
  const mismatch = () => new UnauthorizedError("signature_mismatch", `${SIGNATURE} does not match the request`);
  return {
    kind: "hmac",
    needsBody: true,
    perTenant: matches.perTenant,
    verify({ headers, body, url, tenant }) {
      const signature = headers.get(SIGNATURE)?.trim();
      if (!signature) return new UnauthorizedError("signature_missing", `Missing ${SIGNATURE} header`);
      const listed = headers.get(SIGNED_HEADERS);
      const timestamp = headers.get(TIMESTAMP)?.trim();
      if (!listed || timestamp === undefined || !DIGITS.test(timestamp)) {
        return new UnauthorizedError("signature_mismatch", `${SIGNATURE} needs ${SIGNED_HEADERS} and a numeric ${TIMESTAMP}`);
      }
      if (!HEX_64.test(signature)) return mismatch();
      if (url === undefined) return new UnauthorizedError("signature_mismatch", `${SIGNATURE} covers the request path, which the adapter did not pass`);
      const names = listed.split(",");
      const ms = Number(timestamp);
      const bytes = contentfulSignedBytes({ method: "POST", path: url, headers: headerRecord(headers, names), body }, names, ms);
      const check = (ok: boolean) => (ok ? outsideReplayWindow(ms, toleranceMs, TIMESTAMP) : mismatch());
      const matched = matches(bytes, signature, tenant);
      return typeof matched === "boolean" ? check(matched) : matched.then(check);
    },
  };
}
