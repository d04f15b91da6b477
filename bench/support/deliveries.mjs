// One contestant of the in-process suite, run for a fixed count under a instruction counter:
// `node deliveries.mjs <floor|native|unified> <kib> <count>` warms up (30 000 deliveries), then runs `count` more.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createReceiver } from "@cmshooks/core";
import { blox, bloxSamples } from "@cmshooks/blox";

const [name, kib, count] = process.argv.slice(2);
const SECRET = "bench-secret-0123456789abcdef";
const base = bloxSamples["editorial.update_asset"];
const empty = JSON.stringify({ ...base, data: { ...base.data, body: "" } }).length;
const body = Buffer.from(JSON.stringify({ ...base, data: { ...base.data, body: "x".repeat(Math.max(0, Number(kib) * 1024 - empty)) } }));
const signature = createHmac("sha256", SECRET).update(body).digest("base64");
const headers = { "content-type": "application/json", "x-hook-signature": signature, "content-length": String(body.length) };
const expected = Buffer.from(signature);
let handled = 0;
const native = createReceiver({ provider: blox({ secret: SECRET }) });
native.on("editorial.update_asset", () => void handled++);
const unified = createReceiver({ provider: blox({ secret: SECRET }) });
unified.onContentUpdate((event) => void (handled += event.items.length));
const contestants = {
  // The in-process suite's floor: HMAC, timingSafeEqual, JSON.parse, one handler call.
  floor: () => {
    const digest = Buffer.from(createHmac("sha256", SECRET).update(body).digest("base64"));
    if (!timingSafeEqual(digest, expected)) throw new Error("bad");
    const payload = JSON.parse(body.toString("utf8"));
    if (payload.event === "update_asset") handled++;
  },
  native: async () => {
    const r = await native.handle({ method: "POST", headers, body });
    if (r.status !== 200) throw new Error(r.body);
  },
  unified: async () => {
    const r = await unified.handle({ method: "POST", headers, body });
    if (r.status !== 200) throw new Error(r.body);
  },
};
const deliver = contestants[name];
for (let i = 0; i < 30_000; i++) await deliver();
for (let i = 0; i < Number(count); i++) await deliver();
if (handled === 0) throw new Error("no handler ran");
