import type { CryptoEngine, DigestEncoding, HmacAlgorithm, HmacSigner } from "../crypto/engine.js";
import { toBytes } from "../crypto/encoding.js";
import { ConfigurationError, UnauthorizedError } from "../errors.js";
import type { AuthInput, AuthOutcome, Authenticator } from "./authenticator.js";
import { matchesAnyKey } from "./hmac-matcher.js";
import { secretList } from "./secret-list.js";
import { NO_TENANT, TenantSecretCache, type SecretOption, type TenantCacheOptions } from "./tenant-secrets.js";

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
  return function hmacSignature(options) {
    const headers = (typeof options.header === "string" ? [options.header] : [...options.header]).map((h) => h.toLowerCase());
    if (headers.length === 0 || headers.some((h) => h === "")) throw new ConfigurationError("hmacSignature: `header` is required");
    const encoding = options.encoding ?? "base64";
    if (encoding !== "base64" && encoding !== "hex") throw new ConfigurationError(`hmacSignature: unknown encoding "${String(encoding)}"`);
    const algorithm = options.algorithm ?? "sha256";
    if (!["sha256", "sha1", "sha512"].includes(algorithm)) {
      throw new ConfigurationError(`hmacSignature: unknown algorithm "${String(algorithm)}"`);
    }
    const prepare = (secrets: readonly (string | Uint8Array)[]) => secrets.map((s) => engine.hmac(algorithm, toBytes(s)));
    const perTenant = typeof options.secret === "function" ? new TenantSecretCache(options.secret, prepare, "hmacSignature", options.cache) : undefined;
    const signers: readonly HmacSigner[] = perTenant ? [] : prepare(secretList(options.secret as Exclude<SecretOption, (...args: never[]) => unknown>, "hmacSignature", options.setting));
    // An unknown tenant is checked against a random key, so it costs what a known one does and answers the same 401.
    const decoy: readonly HmacSigner[] = perTenant ? [engine.hmac(algorithm, crypto.getRandomValues(new Uint8Array(32)))] : [];
    const prefix = options.prefix ?? "";
    const signedPayload = options.signedPayload;
    const fallbackPayload = options.fallbackPayload;

    /** The signature and the header it was read from (the one named in errors). */
    const read = (input: AuthInput): { received: string; header: string } | UnauthorizedError => {
      let value: string | undefined;
      let header = headers[0]!;
      for (const name of headers) {
        value = input.headers.get(name);
        header = name;
        if (value !== undefined) break;
      }
      const trimmed = value?.trim();
      if (!trimmed) return new UnauthorizedError("signature_missing", `Missing ${headers.join(" or ")} header`);
      // Some proxies quote header values; base64 and hex never contain quotes.
      let received = trimmed.startsWith("\"") ? trimmed.replace(QUOTED, "$1") : trimmed;
      if (prefix) {
        if (!received.startsWith(prefix)) return new UnauthorizedError("signature_mismatch", `${header} does not start with ${prefix}`);
        received = received.slice(prefix.length);
      }
      return { received: encoding === "hex" ? received.toLowerCase() : received, header };
    };

    return {
      kind: "hmac",
      needsBody: true,
      perTenant: perTenant !== undefined,
      verify(input): AuthOutcome | Promise<AuthOutcome> {
        const signature = read(input);
        if (signature instanceof UnauthorizedError) return signature;
        const data = signedPayload ? signedPayload(input) : input.body;
        if (!perTenant) return check(signers, signature, data, input, true);
        const verifyWith = (keys: readonly HmacSigner[], known: boolean) => check(keys, signature, data, input, known);
        const keys = perTenant.get(input.tenant ?? NO_TENANT);
        if (keys instanceof Promise) return keys.then((k) => verifyWith(k ?? decoy, k !== undefined));
        return verifyWith(keys ?? decoy, keys !== undefined);
      },
    };

    /**
     * Checks the exact bytes, then (only on a mismatch, and only when it
     * differs) the fallback reading; a decoy check always fails.
     */
    function check(
      keys: readonly HmacSigner[],
      { received, header }: { received: string; header: string },
      data: Uint8Array,
      input: AuthInput,
      known: boolean,
    ): AuthOutcome | Promise<AuthOutcome> {
      const first = matchesAnyKey(keys, data, received, encoding);
      if (first === true && known) return undefined; // the common case, with nothing allocated for the others
      const mismatch = () => new UnauthorizedError("signature_mismatch", `${header} does not match the body`);
      const settle = (matched: boolean): AuthOutcome | Promise<AuthOutcome> => {
        if (matched) return known ? undefined : mismatch();
        const other = fallbackPayload?.(input);
        if (other === undefined || other === data) return mismatch();
        const again = matchesAnyKey(keys, other, received, encoding);
        return typeof again === "boolean" ? (again && known ? undefined : mismatch()) : again.then((m) => (m && known ? undefined : mismatch()));
      };
      return typeof first === "boolean" ? settle(first) : first.then(settle);
    }
  };
}
