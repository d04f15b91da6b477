import type { CryptoEngine, DigestEncoding, HmacAlgorithm } from "../crypto/engine.js";
import { ConfigurationError, UnauthorizedError } from "../errors.js";
import type { AuthInput, AuthOutcome, Authenticator } from "./authenticator.js";
import { makeHmacMatcher } from "./hmac-matcher.js";
import type { SecretOption, TenantCacheOptions } from "./tenant-secrets.js";

/** Options of {@link HmacSignatureFactory}. */
export interface HmacSignatureOptions {
  /** Header carrying the signature (case-insensitive); with a list, the first one present is used. */
  header: string | readonly string[];
  /** The shared secret, or a list for rotation (any one may match). Strings are used as their UTF-8 bytes. */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /** How the digest is written in the header. Default `"base64"`; hex is compared case-insensitively. */
  encoding?: DigestEncoding;
  /** Default `"sha256"`. */
  algorithm?: HmacAlgorithm;
  /** A prefix the sender writes before the digest, e.g. `"sha256="`; required when set. */
  prefix?: string;
  /** The bytes that are signed, when a sender signs more than the raw body. Default: the raw body. */
  signedPayload?: (input: AuthInput) => Uint8Array;
  /**
   * A second reading of the signed bytes, tried only when the exact bytes do
   * not match: one more HMAC per secret, on failure only. Return `undefined`
   * (or the same bytes) when there is nothing else to try. For senders whose
   * tools disagree on what was signed (Kontent.ai's helper v4 hashes the body
   * with its line breaks normalised).
   */
  fallbackPayload?: (input: AuthInput) => Uint8Array | undefined;
  /**
   * How the user's own setting is named in configuration errors, e.g.
   * "kontent: `secret`" gives "kontent: `secret` is required". Default: errors
   * name `hmacSignature`.
   */
  setting?: string;
}

/** Builds an HMAC signature check; `@cmshooks/core` picks the fastest engine for the runtime. */
export type HmacSignatureFactory = (options: HmacSignatureOptions) => Authenticator;

const QUOTED = /^"(.*)"$/s;

/** Binds the HMAC check to one crypto engine (Node's or Web Crypto). */
export function makeHmacSignature(engine: CryptoEngine): HmacSignatureFactory {
  const hmacMatcher = makeHmacMatcher(engine);
  return function hmacSignature(options) {
    const headers = (typeof options.header === "string" ? [options.header] : [...options.header]).map((h) => h.toLowerCase());
    if (headers.length === 0 || headers.some((h) => h === "")) throw new ConfigurationError("hmacSignature: `header` is required");
    const encoding = options.encoding ?? "base64";
    if (encoding !== "base64" && encoding !== "hex") throw new ConfigurationError(`hmacSignature: unknown encoding "${String(encoding)}"`);
    // The secrets, their rotation, a tenant's lookup and an unknown tenant's decoy are the matcher's.
    const matches = hmacMatcher({
      secret: options.secret,
      encoding,
      algorithm: options.algorithm ?? "sha256",
      what: "hmacSignature",
      ...(options.setting ? { setting: options.setting } : {}),
      ...(options.cache ? { cache: options.cache } : {}),
    });
    const prefix = options.prefix ?? "";
    const signedPayload = options.signedPayload;
    const fallbackPayload = options.fallbackPayload;

    /** The header the signature is read from: the first of them the delivery carries (the one named in errors). */
    const headerIn = (input: AuthInput): string => headers.find((name) => input.headers.get(name) !== undefined) ?? headers[0]!;

    /** The signature as sent, unquoted and without its prefix, or why there is none. */
    const read = (input: AuthInput): string | UnauthorizedError => {
      let value: string | undefined;
      for (const name of headers) {
        value = input.headers.get(name);
        if (value !== undefined) break;
      }
      const trimmed = value?.trim();
      if (!trimmed) return new UnauthorizedError("signature_missing", `Missing ${headers.join(" or ")} header`);
      // Some proxies quote header values; base64 and hex never contain quotes.
      const received = trimmed.startsWith("\"") ? trimmed.replace(QUOTED, "$1") : trimmed;
      if (!prefix) return received;
      if (!received.startsWith(prefix)) return new UnauthorizedError("signature_mismatch", `${headerIn(input)} does not start with ${prefix}`);
      return received.slice(prefix.length);
    };

    return {
      kind: "hmac",
      needsBody: true,
      perTenant: matches.perTenant,
      verify(input): AuthOutcome | Promise<AuthOutcome> {
        const received = read(input);
        if (typeof received !== "string") return received;
        const data = signedPayload ? signedPayload(input) : input.body;
        const first = matches(data, received, input.tenant);
        if (first === true) return undefined; // the common case, with nothing allocated for the others
        // Only on a mismatch, and only when it differs: the fallback reading of the signed bytes.
        const mismatch = () => new UnauthorizedError("signature_mismatch", `${headerIn(input)} does not match the body`);
        const settle = (matched: boolean): AuthOutcome | Promise<AuthOutcome> => {
          if (matched) return undefined;
          const other = fallbackPayload?.(input);
          if (other === undefined || other === data) return mismatch();
          const again = matches(other, received, input.tenant);
          return typeof again === "boolean" ? (again ? undefined : mismatch()) : again.then((m) => (m ? undefined : mismatch()));
        };
        return typeof first === "boolean" ? settle(first) : first.then(settle);
      },
    };
  };
}
