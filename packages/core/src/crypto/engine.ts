/** HMAC digest algorithms the verification primitives accept. */
export type HmacAlgorithm = "sha256" | "sha1" | "sha512";

/** Text encodings a signature can be sent in. */
export type DigestEncoding = "base64" | "hex";

/** A prepared HMAC key: signs bytes and returns the encoded digest. */
export type HmacSigner = (data: Uint8Array, encoding: DigestEncoding) => string | Promise<string>;

/**
 * The cryptography a receiver needs, behind one small interface so that
 * Node gets synchronous `node:crypto` and every other runtime gets Web Crypto.
 */
export interface CryptoEngine {
  /** True when both functions return plain values (Node); false when they return promises (Web Crypto). */
  readonly sync: boolean;
  /** Prepares a key once (at construction) and returns a signer. */
  hmac(algorithm: HmacAlgorithm, secret: Uint8Array): HmacSigner;
  /** SHA-256 of bytes, lower-case hex. */
  sha256Hex(data: Uint8Array): string | Promise<string>;
}
