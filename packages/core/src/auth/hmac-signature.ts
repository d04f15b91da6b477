import type { CryptoEngine, DigestEncoding, HmacAlgorithm } from "../crypto/engine.js";
import { ConfigurationError, UnauthorizedError } from "../errors.js";
import type { AuthInput, AuthOutcome, Authenticator } from "./authenticator.js";
import { makeHmacMatcher } from "./hmac-matcher.js";

/** Options of {@link HmacSignatureFactory}. */
export interface HmacSignatureOptions {
  /** Header carrying the signature (case-insensitive); with a list, the first one present is used. */
  header: string | readonly string[];
  /** The shared secret, or a list for rotation (any one may match). Strings are used as their UTF-8 bytes. */
  secret: string | Uint8Array | readonly (string | Uint8Array)[];
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
  const hmacMatcher = makeHmacMatcher(engine);
  return function hmacSignature(options) {
    const headers = (typeof options.header === "string" ? [options.header] : [...options.header]).map((h) => h.toLowerCase());
    if (headers.length === 0 || headers.some((h) => h === "")) throw new ConfigurationError("hmacSignature: `header` is required");
    const encoding = options.encoding ?? "base64";
    if (encoding !== "base64" && encoding !== "hex") throw new ConfigurationError(`hmacSignature: unknown encoding "${String(encoding)}"`);
    const matches = hmacMatcher({ secret: options.secret, algorithm: options.algorithm ?? "sha256", encoding, what: "hmacSignature" });
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
      return received;
    };
    const mismatch = () => new UnauthorizedError("signature_mismatch", `${name} does not match the body`);

    return {
      kind: "hmac",
      needsBody: true,
      verify(input): AuthOutcome | Promise<AuthOutcome> {
        const received = read(input);
        if (typeof received !== "string") return received;
        const data = signedPayload ? signedPayload(input) : input.body;
        const matched = matches(data, received);
        if (typeof matched === "boolean") return matched ? undefined : mismatch();
        return matched.then((ok) => (ok ? undefined : mismatch()));
      },
    };
  };
}
