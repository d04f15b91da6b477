// One contestant of the in-process suite, run for a fixed count under an instruction counter:
// `node deliveries.mjs <floor|native|unified|tenant> <kib> <count>` warms up (30 000 deliveries), then runs `count` more.
import { createHmac } from "node:crypto";
import { createReceiver } from "@cmshooks/core";
import { blox } from "@cmshooks/blox";
import { handWrittenFloor, paddedBloxBody } from "./blox-delivery.mjs";

const [name, kib, count] = process.argv.slice(2);
const SECRET = "bench-secret-0123456789abcdef";
const body = Buffer.from(paddedBloxBody(Number(kib) * 1024));
const headers = { "content-type": "application/json", "x-hook-signature": createHmac("sha256", SECRET).update(body).digest("base64"), "content-length": String(body.length) };
let handled = 0;
const native = createReceiver({ provider: blox({ secret: SECRET }) });
native.on("editorial.update_asset", () => void handled++);
const unified = createReceiver({ provider: blox({ secret: SECRET }) });
unified.onContentUpdate((event) => void (handled += event.items.length));
// As in the in-process suite: one endpoint for many tenants, the secret a function of the `tenant` route parameter (cached).
const tenant = createReceiver({ provider: blox({ secret: ({ tenant }) => (tenant === "acme" ? SECRET : undefined) }) });
tenant.on("editorial.update_asset", () => void handled++);
const TENANT_PARAMS = Object.freeze({ tenant: "acme" });
const contestants = {
  floor: handWrittenFloor(SECRET, headers, body, () => void handled++),
  // As in the in-process suite: the call itself, awaited by the loop as the floor's is; the answers are checked by the count below.
  native: () => native.handle({ method: "POST", headers, body }),
  unified: () => unified.handle({ method: "POST", headers, body }),
  tenant: () => tenant.handle({ method: "POST", headers, body, params: TENANT_PARAMS }),
};
const deliver = contestants[name];
for (let i = 0; i < 30_000; i++) await deliver();
for (let i = 0; i < Number(count); i++) await deliver();
if (handled !== 30_000 + Number(count)) throw new Error(`${30_000 + Number(count) - handled} deliveries ran no handler`);
