/**
 * Sanity deliveries through Express 5 over real HTTP, signed by Sanity's own
 * library (@sanity/webhook 4, `encodeSignatureHeader`), as Sanity would send them.
 */
import { createReceiver, memoryDedupeStore, type AnyUnifiedEvent, type Receiver, type WebhookError, type WebhookReceiver } from "@cmshooks/core";
import { expressReceiver } from "@cmshooks/express";
import { sanity, sanityEvents, sanitySamples, type SanityEventName, type SanityProvider } from "@cmshooks/sanity";
import { encodeSignatureHeader } from "@sanity/webhook";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { request, startServer, type RunningServer } from "./support/http.js";

const SECRET = "sanity-webhook-secret-7f3a";
const OLD_SECRET = "sanity-webhook-secret-previous";
const EVENTS = Object.keys(sanityEvents) as SanityEventName[];

function headersFor(operation: string, documentId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "content-type": "application/json",
    "sanity-operation": operation,
    "sanity-document-id": documentId,
    "sanity-project-id": "3do82whm",
    "sanity-dataset": "production",
    "sanity-transaction-id": "Vx8hSq3hJ1cYd6nT0fH4rb",
    "sanity-transaction-time": "2026-11-21T14:30:02.123Z",
    "sanity-webhook-id": "hqT2QYk0wXc9Lg1u",
    "idempotency-key": `msg-${operation}-${documentId}`,
    ...extra,
  };
}

/** A delivery as Sanity sends it, signed by @sanity/webhook. */
async function delivery(operation: string, doc: Record<string, unknown>, options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {}) {
  const body = JSON.stringify(doc);
  const signature = await encodeSignatureHeader(body, options.timestamp ?? Date.now(), options.secret ?? SECRET);
  return { body, headers: headersFor(operation, String(doc._id ?? "movie_10"), { "sanity-webhook-signature": signature, ...options.headers }) };
}

function record(receiver: Receiver<SanityProvider>) {
  const native: { name: string; id: string; deliveryId: string }[] = [];
  const unified: { kind: string; id: string | undefined; channel: string | undefined; occurredAt: string | undefined }[] = [];
  const unknown: string[] = [];
  const errors: WebhookError[] = [];
  receiver.on(EVENTS, ({ name, payload, deliveryId }) => void native.push({ name, id: payload._id, deliveryId }));
  const push = (event: AnyUnifiedEvent) =>
    void unified.push({ kind: event.kind, id: event.items[0]?.id, channel: "channel" in event ? event.channel : undefined, occurredAt: event.occurredAt?.toISOString() });
  receiver.onContentCreate(push).onContentUpdate(push).onContentPublish(push).onContentUnpublish(push).onContentDelete(push);
  receiver.onAny((event) => void (event.known ? undefined : unknown.push(event.name)));
  receiver.onError((error) => void errors.push(error));
  return { native, unified, unknown, errors };
}

let server: RunningServer;
let current: Pick<WebhookReceiver, "handle"> = createReceiver({ provider: sanity({ secret: [SECRET, OLD_SECRET] }) });

beforeAll(async () => {
  const app = express();
  // The receiver is swapped per test; the route reads the current one.
  app.post("/hooks/sanity", (req, res, next) => expressReceiver(current)(req, res, next));
  server = await startServer(app);
});
afterAll(() => server.close());

function fresh(options: { secret: string | string[]; toleranceMs?: number } = { secret: [SECRET, OLD_SECRET] }) {
  const receiver = createReceiver({ provider: sanity(options) });
  current = receiver;
  return record(receiver);
}

const post = (d: { body: string; headers: Record<string, string> }) => request(`${server.url}/hooks/sanity`, d);

describe("Sanity end to end through Express, signed by @sanity/webhook", () => {
  const at = "2026-11-21T14:30:02.123Z";
  const cases: [string, SanityEventName, string, [string, string, string][]][] = [
    ["a new draft", "create", "drafts.movie_10", [["content.create", "movie_10", "preview"]]],
    ["a published document created directly", "create", "movie_10", [["content.create", "movie_10", "published"], ["content.publish", "movie_10", "published"]]],
    ["a draft edit", "update", "drafts.movie_10", [["content.update", "movie_10", "preview"]]],
    ["a publish (update of the published document)", "update", "movie_10", [["content.update", "movie_10", "published"], ["content.publish", "movie_10", "published"]]],
    ["a discarded draft", "delete", "drafts.movie_10", [["content.delete", "movie_10", "preview"]]],
    ["an unpublish or delete of the published document", "delete", "movie_10", [["content.unpublish", "movie_10", "published"], ["content.delete", "movie_10", "published"]]],
  ];
  for (const [what, operation, id, expected] of cases) {
    it(`accepts ${what} (${operation} of ${id}, 200) and maps it to ${expected.map((e) => e[0]).join(" + ")}`, async () => {
      const { native, unified } = fresh();
      const result = await post(await delivery(operation, { ...sanitySamples[operation], _id: id }));
      expect(result.status).toBe(200);
      expect(native).toEqual([{ name: operation, id, deliveryId: `msg-${operation}-${id}` }]);
      expect(unified).toEqual(expected.map(([kind, itemId, channel]) => ({ kind, id: itemId, channel, occurredAt: at })));
    });
  }

  it("accepts a delivery signed with the second secret of the rotation list (200)", async () => {
    fresh();
    expect((await post(await delivery("update", sanitySamples.update, { secret: OLD_SECRET }))).status).toBe(200);
  });

  it("accepts the space-separated header form @sanity/webhook also reads (200)", async () => {
    fresh();
    const d = await delivery("update", sanitySamples.update);
    const spaced = d.headers["sanity-webhook-signature"]!.replace(",", ", ");
    expect((await post({ ...d, headers: { ...d.headers, "sanity-webhook-signature": spaced } })).status).toBe(200);
  });

  it("rejects a body changed after signing (401)", async () => {
    const { native } = fresh();
    const d = await delivery("update", sanitySamples.update);
    const result = await post({ ...d, body: d.body.replace("Alien", "Aliens") });
    expect([result.status, result.json.error]).toEqual([401, "signature_mismatch"]);
    expect(native).toEqual([]);
  });

  it("rejects a signature made with another secret (401) without echoing the expected one", async () => {
    fresh();
    const timestamp = Date.now();
    const result = await post(await delivery("update", sanitySamples.update, { secret: "not-the-secret", timestamp }));
    expect([result.status, result.json.error]).toEqual([401, "signature_mismatch"]);
    const expected = (await encodeSignatureHeader(JSON.stringify(sanitySamples.update), timestamp, SECRET)).split("v1=")[1]!;
    expect(result.text).not.toContain(expected);
  });

  it("rejects a stale timestamp, six minutes old, even correctly signed (401)", async () => {
    const { native } = fresh();
    const result = await post(await delivery("update", sanitySamples.update, { timestamp: Date.now() - 6 * 60_000 }));
    expect([result.status, result.json.error]).toEqual([401, "signature_mismatch"]);
    expect(result.json.message).toMatch(/360 s old, outside the 300 s replay window/);
    expect(native).toEqual([]);
  });

  it("rejects a timestamp ten minutes in the future (401)", async () => {
    fresh();
    const result = await post(await delivery("update", sanitySamples.update, { timestamp: Date.now() + 10 * 60_000 }));
    expect([result.status, result.json.message]).toEqual([401, expect.stringMatching(/in the future/)]);
  });

  it("takes a wider replay window when configured (200 for a six-minute-old delivery)", async () => {
    fresh({ secret: SECRET, toleranceMs: 10 * 60_000 });
    expect((await post(await delivery("update", sanitySamples.update, { timestamp: Date.now() - 6 * 60_000 }))).status).toBe(200);
  });

  it("rejects a delivery without sanity-webhook-signature (401)", async () => {
    fresh();
    const d = await delivery("update", sanitySamples.update);
    const { "sanity-webhook-signature": _, ...headers } = d.headers;
    const result = await post({ ...d, headers });
    expect([result.status, result.json.error]).toEqual([401, "signature_missing"]);
  });

  it("rejects a signature header in another form (401)", async () => {
    fresh();
    const d = await delivery("update", sanitySamples.update);
    const result = await post({ ...d, headers: { ...d.headers, "sanity-webhook-signature": "sha256=abc" } });
    expect([result.status, result.json.error]).toEqual([401, "signature_mismatch"]);
  });

  it("rejects a signed body that is not JSON (400)", async () => {
    fresh();
    const body = '{"_id":"movie_10",';
    const headers = headersFor("update", "movie_10", { "sanity-webhook-signature": await encodeSignatureHeader(body, Date.now(), SECRET) });
    const result = await post({ body, headers });
    expect([result.status, result.json.error]).toEqual([400, "invalid_json"]);
  });

  it("rejects a document without _type (422) and names the path", async () => {
    fresh();
    const { _type: _, ...doc } = sanitySamples.update;
    const result = await post(await delivery("update", doc));
    expect([result.status, result.json.error]).toEqual([422, "invalid_payload"]);
    expect(result.json.issues).toEqual([expect.objectContaining({ path: ["_type"] })]);
  });

  it("validates and types the projection the user supplies: 200 when it matches, 422 with the path when not", async () => {
    const projection = z.object({ _id: z.string(), slug: z.string(), popularity: z.number() });
    const receiver = createReceiver({ provider: sanity({ secret: SECRET, projection }) });
    const slugs: string[] = [];
    receiver.on("update", ({ payload }) => void slugs.push(`${payload.slug}:${payload.popularity}`));
    current = receiver;
    expect((await post(await delivery("update", { _id: "movie_10", slug: "alien", popularity: 36 }))).status).toBe(200);
    expect(slugs).toEqual(["alien:36"]);
    const bad = await post(await delivery("update", { _id: "movie_10", slug: "alien", popularity: "high" }));
    expect([bad.status, bad.json.issues]).toEqual([422, [expect.objectContaining({ path: ["popularity"] })]]);
  });

  it("maps a projection without _id through the sanity-document-id header", async () => {
    const receiver = createReceiver({ provider: sanity({ secret: SECRET, projection: z.object({ slug: z.string() }) }) });
    const ids: string[] = [];
    receiver.onContentPublish((event) => void ids.push(event.items[0]!.id));
    current = receiver;
    const body = JSON.stringify({ slug: "alien" });
    const headers = headersFor("update", "movie_10", { "sanity-webhook-signature": await encodeSignatureHeader(body, Date.now(), SECRET) });
    expect((await post({ body, headers })).status).toBe(200);
    expect(ids).toEqual(["movie_10"]);
  });

  it("acknowledges a delivery without sanity-operation (200) and shows it to onAny as unknown", async () => {
    const { native, unknown } = fresh();
    const d = await delivery("update", sanitySamples.update);
    const { "sanity-operation": _, ...headers } = d.headers;
    const result = await post({ ...d, headers });
    expect(result.status).toBe(200);
    expect([native, unknown]).toEqual([[], ["(none)"]]);
  });

  it("runs handlers once for a retry with the same idempotency-key, re-signed at a later time (dedupe)", async () => {
    const receiver = createReceiver({ provider: sanity({ secret: SECRET }), dedupe: memoryDedupeStore() });
    let runs = 0;
    receiver.on("update", () => void runs++);
    current = receiver;
    const first = await post(await delivery("update", sanitySamples.update, { timestamp: Date.now() - 1000 }));
    const retry = await post(await delivery("update", sanitySamples.update));
    expect([first.status, retry.status, retry.json.duplicate, runs]).toEqual([200, 200, true, 1]);
  });

  it("runs handlers for two deliveries with the same body but different idempotency keys (the key is the delivery id)", async () => {
    const receiver = createReceiver({ provider: sanity({ secret: SECRET }), dedupe: memoryDedupeStore() });
    const ids: string[] = [];
    receiver.on("update", ({ deliveryId }) => void ids.push(deliveryId));
    current = receiver;
    const timestamp = Date.now();
    const one = await post(await delivery("update", sanitySamples.update, { timestamp, headers: { "idempotency-key": "msg-one" } }));
    const two = await post(await delivery("update", sanitySamples.update, { timestamp, headers: { "idempotency-key": "msg-two" } }));
    expect([one.status, two.status, ids]).toEqual([200, 200, ["msg-one", "msg-two"]]);
  });
});

describe("sanity() options", () => {
  it("refuses an empty secret or a negative replay window at construction", () => {
    expect(() => sanity({ secret: "" })).toThrow(/sanity: secret #1 is empty/);
    expect(() => sanity({ secret: "s", toleranceMs: -5 })).toThrow(/replay window/);
  });
});
