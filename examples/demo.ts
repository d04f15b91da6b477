/**
 * `npm run demo`: starts the Express example app in-process on 127.0.0.1
 * (ephemeral port), fires a signed sample delivery at it for every vendor and
 * event the testkit knows, plus one tampered delivery per vendor, and prints
 * what the handlers saw and the status each delivery got. Exits 1 if any
 * status was not the expected one.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { testkit, type VendorTestkit } from "@cmshooks/testkit";
import { createApp } from "./express/src/app.js";
import { demoCredentials, type DemoCredentials, type SeenEvent } from "./shared/receivers.js";

interface Outgoing {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

const seen: SeenEvent[] = [];
const server = createApp((event) => seen.push(event)).listen(0, "127.0.0.1");
await once(server, "listening");
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let sent = 0;
let unexpected = 0;

/** Sends one delivery and prints its status, then what the handlers saw while it was handled. */
async function send(label: string, delivery: Outgoing, expected: number): Promise<void> {
  seen.length = 0;
  const body = typeof delivery.body === "string" ? delivery.body : Uint8Array.from(delivery.body);
  const response = await fetch(base + delivery.path, { method: "POST", headers: delivery.headers, body });
  await response.arrayBuffer();
  sent++;
  const ok = response.status === expected;
  if (!ok) unexpected++;
  console.log(`  ${ok ? "✓" : "✗"} ${response.status} ${label}${ok ? "" : ` (expected ${expected})`}`);
  for (const event of seen) console.log(`        ${event.via.padEnd(7)} ${event.name}: ${event.detail}`);
}

/** The same credentials with every secret value replaced. */
function wrong(credentials: DemoCredentials): DemoCredentials {
  const auth = credentials.auth;
  return {
    ...(credentials.secret === undefined ? {} : { secret: `${credentials.secret}-tampered` }),
    ...(auth === undefined
      ? {}
      : {
          auth:
            "basic" in auth
              ? { basic: { ...auth.basic, password: "tampered" } }
              : "header" in auth
                ? { header: { ...auth.header, value: "tampered" } }
                : { query: { ...auth.query, value: "tampered" } },
        }),
  };
}

/** A delivery for `event` the receiver must refuse: the body changed after signing, or (for vendors that sign nothing) wrong credentials. */
async function tampered(kit: VendorTestkit, event: string, credentials: DemoCredentials): Promise<[string, Outgoing]> {
  const delivery = await kit.delivery(event, credentials);
  const changed = delivery.text.replace(/}$/, ' ,"tampered":true}');
  const signsBody = JSON.stringify(await kit.sign(changed, credentials)) !== JSON.stringify(await kit.sign(delivery.body, credentials));
  if (signsBody) return [`tampered ${event}: body changed after signing`, { ...delivery, body: changed }];
  return [`tampered ${event}: wrong credentials`, await kit.delivery(event, wrong(credentials))];
}

console.log(`cmshooks demo: the Express example app on ${base}\n`);
for (const kit of Object.values(testkit) as VendorTestkit[]) {
  console.log(`${kit.vendor} (${kit.events.length} events) -> POST /hooks/${kit.vendor}`);
  const credentials: DemoCredentials | undefined = (demoCredentials as Readonly<Record<string, DemoCredentials>>)[kit.vendor];
  if (!credentials) {
    unexpected++;
    console.log(`  ✗ no receiver for ${kit.vendor}: add it to examples/shared/receivers.ts\n`);
    continue;
  }
  for (const event of kit.events) await send(event, await kit.delivery(event, credentials), 200);
  const [label, delivery] = await tampered(kit, kit.events[0]!, credentials);
  await send(label, delivery, 401);
  console.log();
}

server.closeAllConnections();
server.close();
console.log(unexpected ? `${unexpected} of ${sent} deliveries got an unexpected status` : `All ${sent} deliveries got the expected status.`);
process.exit(unexpected ? 1 : 0);
