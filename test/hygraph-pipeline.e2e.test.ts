/**
 * Hygraph deliveries through Express 5 over real HTTP, signed by Hygraph's
 * own library (@hygraph/utils `generateWebhookSignature`), as Hygraph would send them.
 */
import { createReceiver, memoryDedupeStore, type AnyUnifiedEvent, type WebhookError } from "@cmshooks/core";
import { expressReceiver } from "@cmshooks/express";
import { hygraph, hygraphEvents, hygraphSamples, type HygraphEventName } from "@cmshooks/hygraph";
import { generateWebhookSignature } from "@hygraph/utils";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";

const SECRET = "hygraph-webhook-secret-19c2";
const OLD_SECRET = "hygraph-webhook-secret-previous";
const EVENTS = Object.keys(hygraphEvents) as HygraphEventName[];

/** The environment and time @hygraph/utils signs with: it always signs "now", so a past or future time is signed by hand the same way. */
function signAt(body: string, secret: string, timestamp: number, environment = "master"): string {
  const real = Date.now;
  Date.now = () => timestamp;
  try {
    return generateWebhookSignature({ rawPayload: body, secret, environmentName: environment });
  } finally {
    Date.now = real;
  }
}

function delivery(payload: unknown, options: { secret?: string; timestamp?: number; environment?: string; method?: string } = {}) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const signature =
    options.timestamp === undefined && options.environment === undefined
      ? generateWebhookSignature({ rawPayload: body, secret: options.secret ?? SECRET })
      : signAt(body, options.secret ?? SECRET, options.timestamp ?? Date.now(), options.environment);
  return { ...(options.method ? { method: options.method } : {}), body, headers: { "content-type": "application/json", "gcms-signature": signature } };
}

let server: RunningServer;
let current = createReceiver({ provider: hygraph({ secret: SECRET }) });

function fresh(options: { secret: string | string[]; toleranceMs?: number } = { secret: [SECRET, OLD_SECRET] }) {
  const receiver = createReceiver({ provider: hygraph(options), dedupe: memoryDedupeStore() });
  const native: string[] = [];
  const unified: { kind: string; id: string | undefined; type: string | undefined; channel: string | undefined; environment: string | undefined }[] = [];
  const unknown: string[] = [];
  const errors: WebhookError[] = [];
  receiver.on(EVENTS, ({ name, payload, meta }) => void native.push(`${name}:${payload.data.__typename}:${payload.data.id}@${meta.environment}`));
  const push = (event: AnyUnifiedEvent<unknown, { environment: string | undefined }>) =>
    void unified.push({ kind: event.kind, id: event.items[0]?.id, type: event.items[0]?.type, channel: "channel" in event ? event.channel : undefined, environment: event.meta.environment });
  receiver.onContentCreate(push).onContentUpdate(push).onContentPublish(push).onContentUnpublish(push).onContentDelete(push);
  receiver.onAny((event) => void (event.known ? undefined : unknown.push(event.name)));
  receiver.onError((error) => void errors.push(error));
  current = receiver;
  return { native, unified, unknown, errors };
}

beforeAll(async () => {
  const app = express();
  app.all("/hooks/hygraph", (req, res, next) => expressReceiver(current)(req, res, next));
  server = await startServer(app);
});
afterAll(() => server.close());

const post = (d: { method?: string; body: string; headers: Record<string, string> }) => request(`${server.url}/hooks/hygraph`, d);

describe("Hygraph end to end through Express, signed by @hygraph/utils", () => {
  const expected: Record<HygraphEventName, [string, string]> = {
    create: ["content.create", "preview"],
    update: ["content.update", "preview"],
    delete: ["content.delete", "preview"],
    publish: ["content.publish", "published"],
    unpublish: ["content.unpublish", "published"],
  };
  for (const event of EVENTS) {
    it(`accepts ${event} (200) and maps it to ${expected[event][0]}`, async () => {
      const { native, unified } = fresh();
      const sample = hygraphSamples[event];
      const result = await post(delivery(sample));
      expect(result.status).toBe(200);
      expect(native).toEqual([`${event}:Post:${sample.data.id}@master`]);
      expect(unified).toEqual([{ kind: expected[event][0], id: sample.data.id, type: "Post", channel: expected[event][1], environment: "master" }]);
    });
  }

  it("accepts a delivery without the entry payload (only __typename, id and stage), as with 'Include payload' off", async () => {
    const { native } = fresh();
    const result = await post(delivery({ operation: "publish", data: { __typename: "Post", id: "clx1", stage: "PUBLISHED" } }));
    expect([result.status, native]).toEqual([200, ["publish:Post:clx1@master"]]);
  });

  it("accepts a PUT delivery, which Hygraph can be set to send (200)", async () => {
    const { native } = fresh();
    expect((await post(delivery(hygraphSamples.update, { method: "PUT" }))).status).toBe(200);
    expect(native).toHaveLength(1);
  });

  it("reads the environment from the signature into meta", async () => {
    const { native } = fresh();
    expect((await post(delivery(hygraphSamples.publish, { environment: "staging" }))).status).toBe(200);
    expect(native).toEqual([`publish:Post:${hygraphSamples.publish.data.id}@staging`]);
  });

  it("accepts the second secret of the rotation list (200)", async () => {
    fresh();
    expect((await post(delivery(hygraphSamples.publish, { secret: OLD_SECRET }))).status).toBe(200);
  });

  it("rejects a body changed after signing (401)", async () => {
    const { native } = fresh();
    const d = delivery(hygraphSamples.publish);
    const result = await post({ ...d, body: d.body.replace("Spring", "Autumn") });
    expect([result.status, result.json.error, native]).toEqual([401, "signature_mismatch", []]);
  });

  it("rejects a signature whose environment was changed after signing (401)", async () => {
    fresh();
    const d = delivery(hygraphSamples.publish);
    const forged = d.headers["gcms-signature"].replace("env=master", "env=production");
    expect((await post({ ...d, headers: { ...d.headers, "gcms-signature": forged } })).status).toBe(401);
  });

  it("rejects a signature made with another secret (401) without echoing the expected one", async () => {
    fresh();
    const d = delivery(hygraphSamples.publish, { secret: "not-the-secret" });
    const result = await post(d);
    expect([result.status, result.json.error]).toEqual([401, "signature_mismatch"]);
    const t = Number(/t=(\d+)/.exec(d.headers["gcms-signature"])![1]);
    const right = /sign=([^,]+)/.exec(signAt(d.body, SECRET, t))![1]!;
    expect(result.text).not.toContain(right);
  });

  it("rejects a stale timestamp, six minutes old, even correctly signed (401)", async () => {
    const { native } = fresh();
    const result = await post(delivery(hygraphSamples.publish, { timestamp: Date.now() - 6 * 60_000 }));
    expect([result.status, result.json.error, native]).toEqual([401, "signature_mismatch", []]);
    expect(result.json.message).toMatch(/360 s old, outside the 300 s replay window/);
  });

  it("takes a wider replay window when configured (200 for a six-minute-old delivery)", async () => {
    fresh({ secret: SECRET, toleranceMs: 10 * 60_000 });
    expect((await post(delivery(hygraphSamples.publish, { timestamp: Date.now() - 6 * 60_000 }))).status).toBe(200);
  });

  it("rejects a delivery without gcms-signature (401)", async () => {
    fresh();
    const result = await post({ body: JSON.stringify(hygraphSamples.publish), headers: { "content-type": "application/json" } });
    expect([result.status, result.json.error]).toEqual([401, "signature_missing"]);
  });

  it("rejects a gcms-signature without a timestamp (401)", async () => {
    fresh();
    const d = delivery(hygraphSamples.publish);
    const noTime = d.headers["gcms-signature"].replace(/, t=\d+/, "");
    const result = await post({ ...d, headers: { ...d.headers, "gcms-signature": noTime } });
    expect([result.status, result.json.message]).toEqual([401, expect.stringMatching(/not in the form/)]);
  });

  it("rejects a signed body that is not JSON (400)", async () => {
    fresh();
    const result = await post(delivery('{"operation":"publish",'));
    expect([result.status, result.json.error]).toEqual([400, "invalid_json"]);
  });

  it("rejects data without a stage (422) and names the path", async () => {
    fresh();
    const { stage: _, ...data } = hygraphSamples.publish.data;
    const result = await post(delivery({ operation: "publish", data }));
    expect([result.status, result.json.error, result.json.issues]).toEqual([422, "invalid_payload", [expect.objectContaining({ path: ["data", "stage"] })]]);
  });

  it("rejects a body without operation (422) and names the path", async () => {
    fresh();
    const result = await post(delivery({ data: hygraphSamples.publish.data }));
    expect([result.status, result.json.issues]).toEqual([422, [expect.objectContaining({ path: ["operation"] })]]);
  });

  it("acknowledges an operation it does not know (200) and shows it to onAny", async () => {
    const { native, unknown } = fresh();
    const result = await post(delivery({ operation: "transitionStep", data: hygraphSamples.update.data }));
    expect([result.status, native, unknown]).toEqual([200, [], ["transitionStep"]]);
  });

  it("runs handlers once for the same delivery sent twice (dedupe on the body)", async () => {
    const { native } = fresh();
    const d = delivery(hygraphSamples.publish);
    const [first, second] = [await post(d), await post(d)];
    expect([first.status, second.status, second.json.duplicate, native.length]).toEqual([200, 200, true, 1]);
  });

  it("rejects GET (405)", async () => {
    fresh();
    const result = await request(`${server.url}/hooks/hygraph`, { method: "GET" });
    expect(result.status).toBe(405);
  });
});

describe("hygraph() options", () => {
  it("refuses an empty secret or a negative replay window at construction", () => {
    expect(() => hygraph({ secret: "" })).toThrow(/hygraph: secret #1 is empty/);
    expect(() => hygraph({ secret: "s", toleranceMs: -1 })).toThrow(/replay window/);
  });
});
