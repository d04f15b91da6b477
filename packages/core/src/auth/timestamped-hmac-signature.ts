import type { CryptoEngine, HmacAlgorithm } from "../crypto/engine.js";
import { UnauthorizedError } from "../errors.js";
import type { Authenticator } from "./authenticator.js";
import { makeHmacMatcher, type SignatureEncoding } from "./hmac-matcher.js";
import type { SecretOption, TenantCacheOptions } from "./tenant-secrets.js";
import { outsideReplayWindow, replayToleranceMs } from "./replay-window.js";

/** What a timestamped signature header says: at least when it was signed and the digest. */
export interface SignedTimestamp {
  /** When the sender signed, in Unix milliseconds. */
  readonly timestamp: number;
  /** The digest, as written in the header. */
  readonly signature: string;
}

/** Options of {@link TimestampedHmacSignatureFactory}. */
export interface TimestampedHmacSignatureOptions<H extends SignedTimestamp> {
  /** The header carrying timestamp and signature (lower case). */
  header: string;
  /** The secret, a rotation list, or a function of the delivery that returns the tenant's. */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant. */
  cache?: TenantCacheOptions;
  /** How the digest is written. */
  encoding: SignatureEncoding;
  /** Default `"sha256"`. */
  algorithm?: HmacAlgorithm;
  /** The header's form, for the 401 message, e.g. `"t=<ms>,v1=<signature>"`. */
  form: string;
  /** Reads the header value; `undefined` when it is not in `form`. */
  parse(value: string): H | undefined;
  /** The exact bytes the sender signed, from the header's parts and the raw body. */
  signedBytes(header: H, body: Uint8Array): Uint8Array;
  /** How far the timestamp may be from now, in milliseconds. */
  toleranceMs?: number;
  /** The replay window when `toleranceMs` is not given. */
  defaultToleranceMs: number;
  /** Who asks, for configuration errors, e.g. `"sanity"`. */
  what: string;
}

/** Builds the check; `@cmshooks/core` binds it to the runtime's crypto engine. */
export type TimestampedHmacSignatureFactory = <H extends SignedTimestamp>(options: TimestampedHmacSignatureOptions<H>) => Authenticator;

/** Binds the timestamped check to one crypto engine (Node's or Web Crypto). */
export function makeTimestampedHmacSignature(engine: CryptoEngine): TimestampedHmacSignatureFactory {
  const hmacMatcher = makeHmacMatcher(engine);
  return function timestampedHmacSignature(options) {
    const { header, form, parse, signedBytes, what } = options;
    const matches = hmacMatcher({
      secret: options.secret,
      encoding: options.encoding,
      algorithm: options.algorithm ?? "sha256",
      what,
      ...(options.cache ? { cache: options.cache } : {}),
    });
    const toleranceMs = replayToleranceMs(options.toleranceMs, options.defaultToleranceMs, what);
    const mismatch = () => new UnauthorizedError("signature_mismatch", `${header} does not match the body`);
    return {
      kind: "hmac",
      needsBody: true,
      perTenant: matches.perTenant,
      verify({ headers, body, tenant }) {
        const value = headers.get(header);
        if (value === undefined || value.trim() === "") return new UnauthorizedError("signature_missing", `Missing ${header} header`);
        const parsed = parse(value);
        if (!parsed) return new UnauthorizedError("signature_mismatch", `${header} is not in the form ${form}`);
        // The window is checked once the signature holds, so a forged timestamp reads as a forgery.
        const check = (ok: boolean) => (ok ? outsideReplayWindow(parsed.timestamp, toleranceMs, header) : mismatch());
        const matched = matches(signedBytes(parsed, body), parsed.signature, tenant);
        return typeof matched === "boolean" ? check(matched) : matched.then(check);
      },
    };
  };
}
