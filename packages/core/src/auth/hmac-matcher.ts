import type { CryptoEngine, DigestEncoding, HmacAlgorithm, HmacSigner } from "../crypto/engine.js";
import { toBytes } from "../crypto/encoding.js";
import { ConfigurationError } from "../errors.js";
import { constantTimeEqual } from "./constant-time.js";
import { secretList } from "./secret-list.js";

/** How a digest is written: the engine's encodings, plus base64url without padding (RFC 4648 §5). */
export type SignatureEncoding = DigestEncoding | "base64url";

/** Options of {@link HmacMatcherFactory}. */
export interface HmacMatcherOptions {
  /** The shared secret, or a list for rotation (any one may match). Strings are used as their UTF-8 bytes. */
  secret: string | Uint8Array | readonly (string | Uint8Array)[];
  /** Default `"sha256"`. */
  algorithm?: HmacAlgorithm;
  /** Default `"base64"`; hex is compared case-insensitively. */
  encoding?: SignatureEncoding;
  /** Who asks, for configuration errors, e.g. `"sanity"`. */
  what?: string;
}

/**
 * Whether a received digest is the HMAC of `data` under any of the secrets:
 * a boolean where the engine is synchronous (Node), else a promise.
 */
export type HmacMatcher = (data: Uint8Array, received: string) => boolean | Promise<boolean>;

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
    const signers: readonly HmacSigner[] = secretList(options.secret, what).map((s) => engine.hmac(algorithm, toBytes(s)));
    const digestEncoding: DigestEncoding = encoding === "hex" ? "hex" : "base64";
    const normalise = encoding === "base64url" ? toBase64Url : (digest: string) => digest;
    const receivedForm = encoding === "hex" ? (value: string) => value.toLowerCase() : (value: string) => value;

    return (data, received) => {
      const given = receivedForm(received);
      let matched = false;
      let pending: Promise<string>[] | undefined;
      // Every secret is tried, so the time taken does not reveal which one matched.
      for (const sign of signers) {
        const expected = sign(data, digestEncoding);
        if (typeof expected === "string") matched = constantTimeEqual(given, normalise(expected)) || matched;
        else (pending ??= []).push(expected);
      }
      if (!pending) return matched;
      return Promise.all(pending).then((digests) => {
        for (const expected of digests) matched = constantTimeEqual(given, normalise(expected)) || matched;
        return matched;
      });
    };
  };
}
