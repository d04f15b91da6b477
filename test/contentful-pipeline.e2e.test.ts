/**
 * Contentful deliveries through Express 5 over real HTTP, signed by
 * Contentful's own library (@contentful/node-apps-toolkit `signRequest`), as
 * request verification signs webhook calls; and the toolkit's `verifyRequest`
 * checking what our testkit signs.
 */
import { createReceiver, secretHeader, type AnyUnifiedEvent, type WebhookReceiver } from "@cmshooks/core";
import { contentful, contentfulEvents, contentfulSamples, type ContentfulEventName } from "@cmshooks/contentful";
import { expressReceiver } from "@cmshooks/express";
import { contentfulTestkit } from "@cmshooks/testkit";
import { signRequest, verifyRequest } from "@contentful/node-apps-toolkit";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";

// Contentful signing secrets are 64 characters.
const SECRET = "qlfkupAwYA4ZkNnmBzmNypFqSRWOwhpGRFwQFn5iPNAGHSYdvwed1C77n0Eiaz19";
const OLD_SECRET = "Zx9QwErTyUiOpAsDfGhJkLzXcVbNm1234567890qwertyuiopasdfghjklzxcvbn";
const PATH = "/hooks/contentful";
const TOPICS = Object.keys(contentfulEvents) as ContentfulEventName[];

/** A webhook call as Contentful makes it, signed by the toolkit: topic and idempotency key among the signed headers. */
function delivery(topic: string, entity: unknown, options: { secret?: string; timestamp?: number; path?: string; body?: string } = {}) {
  const body = options.body ?? JSON.stringify(entity);
  const headers = {
    "content-type": "application/vnd.contentful.management.v1+json",
    "x-contentful-topic": topic,
    "x-contentful-webhook-name": "Rebuild site",
    "x-contentful-idempotency-key": `idem-${topic}`,
  };
  const signed = signRequest(options.secret ?? SECRET, { method: "POST", path: options.path ?? PATH, headers, body }, options.timestamp);
  return { body, headers: { ...headers, ...signed } as Record<string, string>, path: options.path ?? PATH };
}

let server: RunningServer;
let current: Pick<WebhookReceiver, "handle">;

function fresh(options: Parameters<typeof contentful>[0] = { secret: [SECRET, OLD_SECRET] }) {
  const receiver = createReceiver({ provider: contentful(options) });
  const native: { name: string; id: string; deliveryId: string }[] = [];
  const unified: { kind: string; id: string | undefined; type: string | undefined; title: string | undefined }[] = [];
  const unknown: string[] = [];
  receiver.on(TOPICS, ({ name, payload, deliveryId }) => void native.push({ name, id: payload.sys.id, deliveryId }));
  const push = (event: AnyUnifiedEvent) => void unified.push({ kind: event.kind, id: event.items[0]?.id, type: event.items[0]?.type, title: event.items[0]?.title });
  receiver.onContentCreate(push).onContentUpdate(push).onContentPublish(push).onContentUnpublish(push).onContentDelete(push).onContentRestore(push);
  receiver.onAny((event) => void (event.known ? undefined : unknown.push(event.name)));
  current = receiver;
  return { native, unified, unknown };
}

beforeAll(async () => {
  const app = express();
  app.post(/^\/hooks\/contentful/, (req, res, next) => expressReceiver(current)(req, res, next));
  server = await startServer(app);
});
afterAll(() => server.close());

const post = (d: { body: string; headers: Record<string, string>; path: string }) => request(`${server.url}${d.path}`, d);

const UNIFIED: Partial<Record<string, string>> = {
  create: "content.create",
  save: "content.update",
  auto_save: "content.update",
  publish: "content.publish",
  unpublish: "content.unpublish",
  archive: "content.delete",
  unarchive: "content.restore",
  delete: "content.delete",
};

describe("Contentful end to end through Express, signed by @contentful/node-apps-toolkit", () => {
  for (const topic of TOPICS) {
    const [, type, action] = topic.split(".") as [string, string, string];
    const kind = type === "Entry" || type === "Asset" ? UNIFIED[action] : undefined;
    it(`accepts ${topic} (200)${kind ? ` and maps it to ${kind}` : ", with no unified event"}`, async () => {
      const { native, unified } = fresh();
      const sample = contentfulSamples[topic] as { sys: { id: string } };
      const result = await post(delivery(topic, sample));
      expect(result.status).toBe(200);
      expect(native).toEqual([{ name: topic, id: sample.sys.id, deliveryId: `idem-${topic}` }]);
      expect(unified.map((u) => u.kind)).toEqual(kind ? [kind] : []);
    });
  }

  it("gives entries their content type and title, and assets the type Asset", async () => {
    const { unified } = fresh();
    await post(delivery("ContentManagement.Entry.publish", contentfulSamples["ContentManagement.Entry.publish"]));
    await post(delivery("ContentManagement.Asset.publish", contentfulSamples["ContentManagement.Asset.publish"]));
    expect(unified).toEqual([
      { kind: "content.publish", id: "5KsDBWseXY6QegucYAoacS", type: "blogPost", title: "Spring release notes" },
      { kind: "content.publish", id: "3wtvPBbBjiMKqKKga8I2Cu", type: "Asset", title: "Release banner" },
    ]);
  });

  it("verifies a path with a query string the way the toolkit does (200)", async () => {
    const { native } = fresh();
    const result = await post(delivery("ContentManagement.Entry.save", contentfulSamples["ContentManagement.Entry.save"], { path: `${PATH}?tenant=acme&v=2` }));
    expect([result.status, native.length]).toEqual([200, 1]);
  });

  it("accepts the second secret of the rotation list (200)", async () => {
    fresh();
    expect((await post(delivery("ContentManagement.Entry.publish", contentfulSamples["ContentManagement.Entry.publish"], { secret: OLD_SECRET }))).status).toBe(200);
  });

  it("rejects a body changed after signing (401)", async () => {
    const { native } = fresh();
    const d = delivery("ContentManagement.Entry.publish", contentfulSamples["ContentManagement.Entry.publish"]);
    const result = await post({ ...d, body: d.body.replace("Spring", "Autumn") });
    expect([result.status, result.json.error, native]).toEqual([401, "signature_mismatch", []]);
  });

  it("rejects a signed header changed after signing: another topic (401)", async () => {
    fresh();
    const d = delivery("ContentManagement.Entry.save", contentfulSamples["ContentManagement.Entry.save"]);
    const result = await post({ ...d, headers: { ...d.headers, "x-contentful-topic": "ContentManagement.Entry.delete" } });
    expect(result.status).toBe(401);
  });

  it("rejects a delivery signed for another path (401)", async () => {
    fresh();
    const d = delivery("ContentManagement.Entry.publish", contentfulSamples["ContentManagement.Entry.publish"], { path: "/hooks/other" });
    expect((await post({ ...d, path: PATH })).status).toBe(401);
  });

  it("rejects a signature made with another secret (401)", async () => {
    fresh();
    const result = await post(delivery("ContentManagement.Entry.publish", contentfulSamples["ContentManagement.Entry.publish"], { secret: "x".repeat(64) }));
    expect([result.status, result.json.error]).toEqual([401, "signature_mismatch"]);
  });

  it("rejects a request signed 40 s ago, past the toolkit's 30 s TTL (401), and takes a longer one when configured", async () => {
    fresh();
    const old = delivery("ContentManagement.Entry.publish", contentfulSamples["ContentManagement.Entry.publish"], { timestamp: Date.now() - 40_000 });
    const stale = await post(old);
    expect([stale.status, stale.json.message]).toEqual([401, expect.stringMatching(/40 s old, outside the 30 s replay window/)]);
    fresh({ secret: SECRET, toleranceMs: 120_000 });
    expect((await post(old)).status).toBe(200);
  });

  it("rejects a delivery without x-contentful-signature (401), and one without its timestamp (401)", async () => {
    fresh();
    const d = delivery("ContentManagement.Entry.publish", contentfulSamples["ContentManagement.Entry.publish"]);
    const { "x-contentful-signature": _, ...unsigned } = d.headers;
    const missing = await post({ ...d, headers: unsigned });
    expect([missing.status, missing.json.error]).toEqual([401, "signature_missing"]);
    const { "x-contentful-timestamp": __, ...untimed } = d.headers;
    expect((await post({ ...d, headers: untimed })).status).toBe(401);
  });

  it("rejects a signed body that is not JSON (400)", async () => {
    fresh();
    const result = await post(delivery("ContentManagement.Entry.publish", undefined, { body: '{"sys":{"id":' }));
    expect([result.status, result.json.error]).toEqual([400, "invalid_json"]);
  });

  it("rejects an entry without sys.id (422) and names the path", async () => {
    fresh();
    const entry = structuredClone(contentfulSamples["ContentManagement.Entry.publish"]) as { sys: { id?: string } };
    delete entry.sys.id;
    const result = await post(delivery("ContentManagement.Entry.publish", entry));
    expect([result.status, result.json.error, result.json.issues]).toEqual([422, "invalid_payload", [expect.objectContaining({ path: ["sys", "id"] })]]);
  });

  it("acknowledges a topic it does not know (200) and shows it to onAny", async () => {
    const { native, unknown } = fresh();
    const result = await post(delivery("ContentManagement.EntryVersion.save", contentfulSamples["ContentManagement.Entry.save"]));
    expect([result.status, native, unknown]).toEqual([200, [], ["ContentManagement.EntryVersion.save"]]);
  });

  it("routes a topic whatever its case (Task.create as Task.Create)", async () => {
    const { native } = fresh();
    expect((await post(delivery("ContentManagement.Task.create", contentfulSamples["ContentManagement.Task.Create"]))).status).toBe(200);
    expect(native.map((n) => n.name)).toEqual(["ContentManagement.Task.Create"]);
  });
});

describe("Contentful without request verification: receiver-side auth", () => {
  const auth = secretHeader({ name: "x-webhook-token", value: "t0k3n-9f2c" });
  const unsigned = (token?: string) => ({
    path: PATH,
    body: JSON.stringify(contentfulSamples["ContentManagement.Entry.publish"]),
    headers: {
      "content-type": "application/vnd.contentful.management.v1+json",
      "x-contentful-topic": "ContentManagement.Entry.publish",
      ...(token ? { "x-webhook-token": token } : {}),
    },
  });

  it("accepts the secret header configured on the webhook (200) and refuses a wrong or missing one (401)", async () => {
    const { native } = fresh({ auth });
    expect((await post(unsigned("t0k3n-9f2c"))).status).toBe(200);
    expect((await post(unsigned("wrong"))).status).toBe(401);
    expect((await post(unsigned())).status).toBe(401);
    expect(native).toHaveLength(1);
  });

  it("requires both when given a signing secret and auth", async () => {
    fresh({ secret: SECRET, auth });
    const d = delivery("ContentManagement.Entry.publish", contentfulSamples["ContentManagement.Entry.publish"]);
    expect((await post(d)).status).toBe(401);
    expect((await post({ ...d, headers: { ...d.headers, "x-webhook-token": "t0k3n-9f2c" } })).status).toBe(200);
  });

  it("refuses a signing secret that is not 64 characters, and no check at all, at construction", () => {
    expect(() => contentful({ secret: "too-short" })).toThrow(/64 characters/);
    expect(() => createReceiver({ provider: contentful({}) })).toThrow(/no authenticity check/);
  });
});

describe("the toolkit verifies what our testkit signs", () => {
  for (const topic of ["ContentManagement.Entry.publish", "ContentManagement.Asset.delete", "ContentManagement.Task.Create"] as const) {
    it(`verifyRequest accepts a testkit ${topic} delivery, and refuses it under another secret`, async () => {
      const d = await contentfulTestkit.delivery(topic, { secret: SECRET, path: `${PATH}?site=docs` });
      const canonical = { method: "POST" as const, path: d.path, headers: d.headers, body: d.text };
      expect(verifyRequest(SECRET, canonical)).toBe(true);
      expect(verifyRequest(OLD_SECRET, canonical)).toBe(false);
      fresh();
      expect((await post({ path: d.path, headers: d.headers as Record<string, string>, body: d.text })).status).toBe(200);
    });
  }
});
