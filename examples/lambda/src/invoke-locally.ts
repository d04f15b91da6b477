// Invokes the handler in this process with function URL events, the way Lambda would: a signed sample delivery for
// every vendor (from @cmshooks/testkit, with the demo credentials), with a plain body and with its body
// base64-encoded, as Lambda passes bodies it treats as binary. Exits 1 unless every one is answered 200.
import type { LambdaEventV2 } from "@cmshooks/lambda";
import { testkit, type TestDelivery, type VendorTestkit } from "@cmshooks/testkit";
import { demoCredentials, type DemoCredentials } from "../../shared/receivers.js";
import { handler } from "./handler.js";

function functionUrlEvent(delivery: TestDelivery, body: Uint8Array, isBase64Encoded: boolean): LambdaEventV2 {
  const [rawPath = "/", rawQueryString = ""] = delivery.path.split("?");
  return {
    rawPath,
    rawQueryString,
    headers: { ...delivery.headers },
    body: isBase64Encoded ? Buffer.from(body).toString("base64") : Buffer.from(body).toString("utf8"),
    isBase64Encoded,
    requestContext: { http: { method: delivery.method, sourceIp: "203.0.113.10" } },
  };
}

let unexpected = 0;
for (const [vendor, credentials] of Object.entries(demoCredentials as Readonly<Record<string, DemoCredentials>>)) {
  const kit = (testkit as Readonly<Record<string, VendorTestkit>>)[vendor]!;
  const delivery = await kit.delivery(kit.events[0]!, credentials);
  for (const base64 of [false, true]) {
    const result = await handler(functionUrlEvent(delivery, delivery.body, base64));
    if (result.statusCode !== 200) unexpected++;
    console.log(`${vendor} ${delivery.event} (${base64 ? "base64" : "plain"} body): ${result.statusCode} ${result.body}`);
  }
}
process.exitCode = unexpected ? 1 : 0;
