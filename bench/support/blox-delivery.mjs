// The delivery the benchmarks send, and the hand-written floor they compare with.
import { createHmac, timingSafeEqual } from "node:crypto";
import { bloxSamples } from "@cmshooks/blox";

/** A BLOX update delivery's JSON, padded to about `bytes` (the padding is an extra field, passed through). */
export function paddedBloxBody(bytes) {
  const base = bloxSamples["editorial.update_asset"];
  const empty = JSON.stringify({ ...base, data: { ...base.data, body: "" } }).length;
  return JSON.stringify({ ...base, data: { ...base.data, body: "x".repeat(Math.max(0, bytes - empty)) } });
}

/**
 * What a careful hand-written receiver does with one delivery: HMAC-SHA256 of the raw body under `secret`
 * (base64), compared in constant time with the `signature` the delivery carries (a length check first, since
 * `timingSafeEqual` throws on unequal lengths), then the JSON parsed. The payload, or undefined when the
 * signature does not match. The HTTP suite's floor servers and the in-process floor both call this.
 */
export function verifyAndParseByHand(secret, body, signature) {
  if (typeof signature !== "string") return undefined;
  const expected = Buffer.from(createHmac("sha256", secret).update(body).digest("base64"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return JSON.parse(body.toString("utf8"));
}

/**
 * The in-process floor: one delivery (`headers`, `body`) verified and parsed by hand as above, and one handler
 * call (`handled` when the event is the expected one). It reads the signature from the delivery's headers, as
 * our receiver must; before 2026-12-02 it compared with a digest computed once up front and never read the header.
 */
export function handWrittenFloor(secret, headers, body, handled) {
  return () => {
    const payload = verifyAndParseByHand(secret, body, headers["x-hook-signature"]);
    if (payload === undefined) throw new Error("the floor rejected the delivery");
    if (payload.event === "update_asset") handled();
  };
}
