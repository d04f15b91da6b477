import type { CryptoEngine, DigestEncoding, HmacAlgorithm, HmacSigner } from "../crypto/engine.js";
import { toBytes } from "../crypto/encoding.js";
import { ConfigurationError, UnauthorizedError } from "../errors.js";
import type { AuthInput, AuthOutcome, Authenticator } from "./authenticator.js";
import { constantTimeEqual } from "./constant-time.js";
import { secretList } from "./secret-list.js";
import { TenantSecretCache, type SecretOption, type TenantCacheOptions, type TenantContext } from "./tenant-secrets.js";

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
    const signers: readonly HmacSigner[] = perTenant ? [] : prepare(secretList(options.secret as Exclude<SecretOption, (...args: never[]) => unknown>, "hmacSignature"));
    // An unknown tenant is checked against a random key, so it costs what a known one does and answers the same 401.
    const decoy: readonly HmacSigner[] = perTenant ? [engine.hmac(algorithm, crypto.getRandomValues(new Uint8Array(32)))] : [];
    const prefix = options.prefix ?? "";
    const signedPayload = options.signedPayload;
    const name = headers[0]!;

    const read = (input: AuthInput): string | UnauthorizedError => {
      let value: string | undefined;
      for (const header of headers) {
        value = input.headers.get(header);
        if (value !== undefined) break;
      }
      if (value === undefined || value.trim() === "") return new UnauthorizedError("signature_missing", `Missing ${name} header`);
      // Some proxies quote header values; base64 and hex never contain quotes.
      let received = value.trim().replace(QUOTED, "$1");
      if (prefix) {
        if (!received.startsWith(prefix)) return new UnauthorizedError("signature_mismatch", `${name} does not start with ${prefix}`);
        received = received.slice(prefix.length);
      }
      return encoding === "hex" ? received.toLowerCase() : received;
    };
    const mismatch = () => new UnauthorizedError("signature_mismatch", `${name} does not match the body`);

    return {
      kind: "hmac",
      needsBody: true,
      perTenant: perTenant !== undefined,
      verify(input): AuthOutcome | Promise<AuthOutcome> {
        const received = read(input);
        if (typeof received !== "string") return received;
        const data = signedPayload ? signedPayload(input) : input.body;
        if (perTenant) {
          const keys = perTenant.get(input.tenant ?? NO_TENANT);
          if (keys instanceof Promise) return keys.then((k) => check(k ?? decoy, received, data, k !== undefined));
          return check(keys ?? decoy, received, data, keys !== undefined);
        }
        return check(signers, received, data, true);
      },
    };

    /** Compares `received` with each signer's digest in constant time; a decoy check always fails. */
    function check(keys: readonly HmacSigner[], received: string, data: Uint8Array, known: boolean): AuthOutcome | Promise<AuthOutcome> {
      let matched = false;
        let pending: Promise<string>[] | undefined;
      for (const sign of keys) {
        const expected = sign(data, encoding);
        if (typeof expected === "string") matched = constantTimeEqual(received, expected) || matched;
        else (pending ??= []).push(expected);
      }
      if (!pending) return matched && known ? undefined : mismatch();
      return Promise.all(pending).then((digests) => {
        for (const expected of digests) matched = constantTimeEqual(received, expected) || matched;
        return matched && known ? undefined : mismatch();
      });
    }
  };
}

const NO_TENANT: TenantContext = { tenant: undefined, params: {}, headers: { get: () => undefined }, peek: () => undefined };
