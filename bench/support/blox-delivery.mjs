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
 * What a careful hand-written receiver does with `body` signed under `secret` (base64 HMAC-SHA256):
 * HMAC, constant-time compare, parse, one handler call (`handled` when the event is the expected one).
 */
export function handWrittenFloor(secret, body, handled) {
  const expected = Buffer.from(createHmac("sha256", secret).update(body).digest("base64"));
  return () => {
    const digest = Buffer.from(createHmac("sha256", secret).update(body).digest("base64"));
    if (!timingSafeEqual(digest, expected)) throw new Error("bad");
    const payload = JSON.parse(body.toString("utf8"));
    if (payload.event === "update_asset") handled();
  };
}
