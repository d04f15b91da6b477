// Every vendor's testkit deliveries, for every native event and credential form, through the Lambda handler in each
// recorded event shape (REST API, HTTP API, function URL; plain and base64 bodies), get the status the same receiver
// answers over real HTTP (toNodeHandler on 127.0.0.1).
import { createReceiver, type WebhookReceiver } from "@cmshooks/core";
import { lambdaReceiver } from "@cmshooks/lambda";
import { toNodeHandler } from "@cmshooks/node";
import { vendorIds, vendors, type TestDelivery, type VendorEntry } from "@cmshooks/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventShapes } from "../packages/lambda/src/aws-sample-events.test-support.js";
import { credentialForms, type CredentialForm } from "./reliability/support/vendor-harness.js";
import { request, startServer, type RunningServer } from "./support/http.js";

interface Variant {
  readonly name: string;
  readonly status: number;
  make(entry: VendorEntry, event: string, form: CredentialForm): Promise<TestDelivery>;
}

const variants: Variant[] = [
  { name: "genuine", status: 200, make: (entry, event, form) => entry.kit.delivery(event, form.credentials) },
  { name: "wrong credentials", status: 401, make: (entry, event, form) => entry.kit.delivery(event, form.wrong) },
  {
    name: "broken JSON, authenticated",
    status: 400,
    async make(entry, event, form) {
      const delivery = await entry.kit.delivery(event, form.credentials);
      const text = delivery.text.slice(0, -1);
      const headers = { ...delivery.headers, ...(await entry.kit.sign(text, form.credentials)) };
      return { ...delivery, headers, text, body: new TextEncoder().encode(text) };
    },
  },
  {
    name: "the wrong method",
    status: 405,
    // PATCH: no vendor sends it (Hygraph also sends PUT and DELETE).
    make: async (entry, event, form) => ({ ...(await entry.kit.delivery(event, form.credentials)), method: "PATCH" }),
  },
];

const cases = vendorIds.flatMap((id) => credentialForms(vendors[id] as VendorEntry).map((form) => ({ id, form, label: form.label })));

describe.each(cases)("$id ($label): every event through each Lambda event shape gets the status it gets over HTTP", ({ id, form }) => {
  const entry = vendors[id] as VendorEntry;
  let receiver: WebhookReceiver;
  let server: RunningServer;
  beforeAll(async () => {
    receiver = createReceiver({ provider: entry.provider(form.credentials) });
    server = await startServer(toNodeHandler(receiver));
  });
  afterAll(() => server.close());

  it.each(variants)("$name", async (variant) => {
    const handler = lambdaReceiver(receiver);
    const outcomes: string[] = [];
    for (const event of entry.kit.events) {
      const delivery = await variant.make(entry, event, form);
      const http = await request(`${server.url}${delivery.path}`, { method: delivery.method, headers: delivery.headers, body: delivery.body });
      expect(http.status, `${event} over HTTP: ${http.text}`).toBe(variant.status);
      for (const shape of eventShapes) {
        for (const base64 of [false, true]) {
          const result = await handler(shape.event({ method: delivery.method, path: delivery.path, headers: delivery.headers, body: delivery.body, base64 }));
          outcomes.push(`${event} ${shape.name}${base64 ? " base64" : ""}: ${result.statusCode} ${JSON.parse(result.body).error ?? ""}`);
          expect(result.statusCode, outcomes.at(-1)).toBe(http.status);
        }
      }
    }
    expect(outcomes.length).toBe(entry.kit.events.length * eventShapes.length * 2);
  });
});
