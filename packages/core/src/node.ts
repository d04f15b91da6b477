/**
 * `@cmshooks/core` for Node (the `node` export condition): signatures are
 * checked with synchronous `node:crypto` and a prepared KeyObject, ~27x
 * cheaper than awaiting Web Crypto on Node. Same API as `./index.ts`.
 */
import { makeHmacMatcher } from "./auth/hmac-matcher.js";
import { makeHmacSignature } from "./auth/hmac-signature.js";
import { makeCreateReceiver } from "./create-receiver.js";
import { nodeCryptoEngine } from "./crypto/node-crypto.js";

export * from "./shared-exports.js";

/**
 * Creates a receiver for one sender.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: blox({ secret: env.BLOX_SECRET }) });
 * receiver.onContentPublish((event) => console.log(event.items));
 * export default { fetch: (request: Request) => receiver.fetch(request) };
 * ```
 */
export const createReceiver = makeCreateReceiver(nodeCryptoEngine);

/**
 * An HMAC signature check over the exact raw body: base64 or hex, SHA-256 by
 * default, one secret or a rotation list, compared in constant time.
 *
 * @example
 * ```ts
 * hmacSignature({ header: "x-hook-signature", secret: [newSecret, oldSecret], encoding: "base64" });
 * ```
 */
export const hmacSignature = makeHmacSignature(nodeCryptoEngine);

/**
 * Whether a received digest is the HMAC of some bytes under any of the
 * secrets, compared in constant time: for vendor checks whose signature
 * header carries more than the digest (a timestamp, an environment).
 * base64, base64url (no padding) or hex.
 *
 * @example
 * ```ts
 * const matches = hmacMatcher({ secret: [newSecret, oldSecret], encoding: "base64url" });
 * const ok = await matches(new TextEncoder().encode(`${t}.${body}`), v1);
 * ```
 */
export const hmacMatcher = makeHmacMatcher(nodeCryptoEngine);

/**
 * The crypto engine this entry uses: Web Crypto here, `node:crypto` under the
 * `node` condition. Vendor packages sign test bodies with it.
 *
 * @example
 * ```ts
 * const sign = cryptoEngine.hmac("sha256", new TextEncoder().encode(secret));
 * const signature = await sign(new TextEncoder().encode(body), "base64");
 * ```
 */
export const cryptoEngine = nodeCryptoEngine;
