/**
 * `@cmshooks/core` for Node (the `node` export condition): signatures are
 * checked with synchronous `node:crypto` and a prepared KeyObject, ~27x
 * cheaper than awaiting Web Crypto on Node. Same API as `./index.ts`.
 */
import { makeHmacMatcher } from "./auth/hmac-matcher.js";
import { makeHmacSignature } from "./auth/hmac-signature.js";
import { makeTimestampedHmacSignature } from "./auth/timestamped-hmac-signature.js";
import { makeCreateReceiver } from "./create-receiver.js";
import { makeParseDelivery } from "./standalone/parse-delivery.js";
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
 * An HMAC check for senders that sign a timestamp with the body and put both
 * in one header (Sanity, Hygraph): the vendor package says how to read the
 * header and which bytes were signed; this checks the digest in constant
 * time, against every secret of a rotation list, and refuses a timestamp
 * outside the replay window (401).
 *
 * @example
 * ```ts
 * timestampedHmacSignature({
 *   header: "sanity-webhook-signature", secret, encoding: "base64url", form: "t=<ms>,v1=<signature>",
 *   parse: parseSanitySignatureHeader, signedBytes: ({ timestamp }, body) => concat(`${timestamp}.`, body),
 *   defaultToleranceMs: 300_000, what: "sanity",
 * });
 * ```
 */
export const timestampedHmacSignature = makeTimestampedHmacSignature(nodeCryptoEngine);

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

/**
 * Verifies, parses and validates one delivery without a receiver (serverless
 * functions, queues): resolves with the typed events, or rejects with the
 * receiver's typed error (`UnauthorizedError` 401, `InvalidBodyError` 400,
 * `ValidationError` 422).
 *
 * @example
 * ```ts
 * const { events } = await parseDelivery(blox({ secret }), { headers: request.headers, body: rawBytes });
 * for (const event of events) if (event.name === "editorial.update_asset") purge(event.payload.data.url);
 * ```
 */
export const parseDelivery = makeParseDelivery(nodeCryptoEngine);
