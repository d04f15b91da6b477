import type { CryptoEngine, DigestEncoding, HmacAlgorithm, HmacSigner } from "../crypto/engine.js";
import { toBytes } from "../crypto/encoding.js";
import { ConfigurationError } from "../errors.js";
import { constantTimeMatch } from "./constant-time.js";
import { secretList } from "./secret-list.js";
import { NO_TENANT, TenantSecretCache, type SecretOption, type SecretValue, type TenantCacheOptions, type TenantContext } from "./tenant-secrets.js";

/** How a digest is written: the engine's encodings, plus base64url without padding (RFC 4648 §5). */
export type SignatureEncoding = DigestEncoding | "base64url";

/** Options of {@link HmacMatcherFactory}. */
export interface HmacMatcherOptions {
  /**
   * The shared secret, or a list for rotation (any one may match). Strings are used as their UTF-8 bytes.
   * Or a function of the delivery that returns the tenant's (see {@link TenantContext}); the matcher is then
   * called with the delivery's tenant.
   */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /** Default `"sha256"`. */
  algorithm?: HmacAlgorithm;
  /** Default `"base64"`; hex is compared case-insensitively. */
  encoding?: SignatureEncoding;
  /** Who asks, for configuration errors, e.g. `"sanity"`. */
  what?: string;
  /** How the user's own setting is named in secret errors, e.g. "kontent: `secret`" (see `hmacSignature`). */
  setting?: string;
}

/**
 * Whether a received digest is the HMAC of `data` under any of the secrets:
 * a boolean where the engine is synchronous (Node), else a promise. With a
 * function secret, pass the delivery's `tenant`: an unknown tenant never
 * matches (after the same work against a random key), and a failed lookup
 * throws `CredentialsUnavailableError` (503).
 */
export interface HmacMatcher {
  (data: Uint8Array, received: string, tenant?: TenantContext): boolean | Promise<boolean>;
  /** True when the secret is a function of the delivery, so each call needs the delivery's tenant. */
  readonly perTenant: boolean;
}

/** Builds an {@link HmacMatcher}; `@cmshooks/core` binds it to the runtime's crypto engine. */
export type HmacMatcherFactory = (options: HmacMatcherOptions) => HmacMatcher;

const ENCODINGS: ReadonlySet<string> = new Set(["base64", "hex", "base64url"]);
const ALGORITHMS: ReadonlySet<string> = new Set(["sha256", "sha1", "sha512"]);

function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Binds the matcher to one crypto engine (Node's or Web Crypto). */
export function makeHmacMatcher(engine: CryptoEngine): HmacMatcherFactory {
  return function hmacMatcher(options) {
    const what = options.what ?? "hmacMatcher";
    const encoding = options.encoding ?? "base64";
    if (!ENCODINGS.has(encoding)) throw new ConfigurationError(`${what}: unknown encoding "${String(encoding)}"`);
    const algorithm = options.algorithm ?? "sha256";
    if (!ALGORITHMS.has(algorithm)) throw new ConfigurationError(`${what}: unknown algorithm "${String(algorithm)}"`);
    const prepare = (secrets: readonly (string | Uint8Array)[]) => secrets.map((s) => engine.hmac(algorithm, toBytes(s)));
    const digestEncoding: DigestEncoding = encoding === "hex" ? "hex" : "base64";
    const normalise = encoding === "base64url" ? toBase64Url : (digest: string) => digest;
    const receivedForm = encoding === "hex" ? (value: string) => value.toLowerCase() : (value: string) => value;

    const matchAny = (keys: readonly HmacSigner[], data: Uint8Array, received: string) =>
      matchesAnyKey(keys, data, receivedForm(received), digestEncoding, normalise);

    if (typeof options.secret !== "function") {
      const signers = prepare(secretList(options.secret as SecretValue, what, options.setting));
      return Object.assign((data: Uint8Array, received: string) => matchAny(signers, data, received), { perTenant: false });
    }
    const perTenant = new TenantSecretCache(options.secret, prepare, what, options.cache);
    // An unknown tenant is checked against a random key, so it costs what a known one does and never matches.
    const decoy = [engine.hmac(algorithm, crypto.getRandomValues(new Uint8Array(32)))];
    const known = (keys: readonly HmacSigner[] | undefined, data: Uint8Array, received: string) => {
      const matched = matchAny(keys ?? decoy, data, received);
      if (keys !== undefined) return matched;
      return typeof matched === "boolean" ? false : matched.then(() => false);
    };
    const matcher = (data: Uint8Array, received: string, tenant: TenantContext = NO_TENANT) => {
      const keys = perTenant.get(tenant);
      return keys instanceof Promise ? keys.then((k) => known(k, data, received)) : known(keys, data, received);
    };
    return Object.assign(matcher, { perTenant: true });
  };
}

/**
 * Whether `received` equals the digest of `data` under any of the keys (each
 * digest passed through `normalise`), compared in constant time. Every key is
 * tried, so the time taken does not reveal which one matched: a boolean where
 * the engine is synchronous, else a promise.
 */
function matchesAnyKey(
  keys: readonly HmacSigner[],
  data: Uint8Array,
  received: string,
  encoding: DigestEncoding,
  normalise: (digest: string) => string,
): boolean | Promise<boolean> {
  let matched = 0;
  let pending: Promise<string>[] | undefined;
  for (const sign of keys) {
    const expected = sign(data, encoding);
    if (typeof expected === "string") matched |= constantTimeMatch(received, normalise(expected));
    else (pending ??= []).push(expected);
  }
  if (!pending) return matched === 1;
  return Promise.all(pending).then((digests) => {
    for (const expected of digests) matched |= constantTimeMatch(received, normalise(expected));
    return matched === 1;
  });
}
