import type { CryptoEngine, DigestEncoding, HmacAlgorithm, HmacSigner } from "./engine.js";
import { bytesToBase64, bytesToHex } from "./encoding.js";

const WEB_NAMES: Record<HmacAlgorithm, string> = { sha256: "SHA-256", sha1: "SHA-1", sha512: "SHA-512" };

function encode(digest: ArrayBuffer, encoding: DigestEncoding): string {
  const bytes = new Uint8Array(digest);
  return encoding === "hex" ? bytesToHex(bytes) : bytesToBase64(bytes);
}

/** Web Crypto (`crypto.subtle`): Workers, Deno, Bun, browsers. Keys are imported once, lazily. */
export const webCryptoEngine: CryptoEngine = {
  sync: false,
  hmac(algorithm: HmacAlgorithm, secret: Uint8Array): HmacSigner {
    let key: Promise<CryptoKey> | undefined;
    return async (data, encoding) => {
      key ??= crypto.subtle.importKey("raw", secret as Uint8Array<ArrayBuffer>, { name: "HMAC", hash: WEB_NAMES[algorithm] }, false, ["sign"]);
      return encode(await crypto.subtle.sign("HMAC", await key, data as Uint8Array<ArrayBuffer>), encoding);
    };
  },
  async sha256Hex(data) {
    return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>)));
  },
};
