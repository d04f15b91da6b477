import { createReceiver, secretHeader, type AnyUnifiedEvent, type UnifiedKind, type WebhookError } from "@cmshooks/core";
import { honoReceiver } from "@cmshooks/hono";
import { strapi, strapi4Samples, strapiEvents, strapiSamples, type StrapiEventName } from "@cmshooks/strapi";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";

const TOKEN = "strapi-webhook-t0ken-7f3a";
const EVENTS = Object.keys(strapiEvents) as StrapiEventName[];

/** The README's event table: the unified event each native one becomes. */
const UNIFIED: Record<StrapiEventName, UnifiedKind> = {
  "entry.create": "content.create",
  "entry.update": "content.update",
  "entry.delete": "content.delete",
  "entry.publish": "content.publish",
  "entry.unpublish": "content.unpublish",
  "entry.draft-discard": "content.update",
  "media.create": "content.create",
  "media.update": "content.update",
  "media.delete": "content.delete",
  "review-workflows.updateEntryStage": "workflow.change",
  "releases.publish": "content.publish",
};

/** The entry.create example of Strapi's webhook documentation, as printed there. */
const DOCUMENTED = `{
  "event": "entry.create",
  "createdAt": "2020-01-10T08:47:36.649Z",
  "model": "address",
  "entry": {
    "id": 1,
    "geolocation": {},
    "city": "Paris",
    "postal_code": null,
    "category": null,
    "full_name": "Paris",
    "createdAt": "2020-01-10T08:47:36.264Z",
    "updatedAt": "2020-01-10T08:47:36.264Z",
    "cover": null,
    "images": []
  }
}`;

function makeReceiver() {
  const native: { name: string; payload: unknown; meta: unknown }[] = [];
  const unified: AnyUnifiedEvent[] = [];
  const unknown: string[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({
    provider: strapi({ auth: secretHeader({ name: "authorization", value: [`Bearer ${TOKEN}`, "Bearer previous-t0ken"] }) }),
    log: false,
  });
  receiver.on(EVENTS, ({ name, payload, meta }) => void native.push({ name, payload, meta }));
  const collect = (event: AnyUnifiedEvent) => void unified.push(event);
  receiver
    .onContentCreate(collect)
    .onContentUpdate(collect)
    .onContentPublish(collect)
    .onContentUnpublish(collect)
    .onContentDelete(collect)
    .onWorkflowChange(collect);
  receiver.onAny((event) => void (event.known ? undefined : unknown.push(event.name)));
  receiver.onError((error) => void errors.push(error));
  return { receiver, native, unified, unknown, errors };
}

/** The headers Strapi sends: its event header, JSON, and the Authorization header configured on the webhook. */
const headersFor = (event: string, token = TOKEN): Record<string, string> => ({
  "content-type": "application/json",
  "x-strapi-event": event,
  authorization: `Bearer ${token}`,
});

describe("Strapi end to end through Hono", () => {
  let server: RunningServer;
  let ctx: ReturnType<typeof makeReceiver>;
  const post = (body: string, headers: Record<string, string>) => request(`${server.url}/hooks/strapi`, { headers, body });

  beforeAll(async () => {
    const app = new Hono();
    app.post("/hooks/strapi", (c, next) => honoReceiver(ctx.receiver)(c, next));
    server = await startServer(getRequestListener(app.fetch));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    ctx = makeReceiver();
  });

  it("accepts the documented Strapi 4 example (200), keeping the content type's own fields", async () => {
    const result = await post(DOCUMENTED, headersFor("entry.create"));
    expect(result.status).toBe(200);
    expect(ctx.native).toEqual([{ name: "entry.create", payload: strapi4Samples["entry.create"], meta: { event: "entry.create" } }]);
    expect(ctx.unified).toHaveLength(1);
    expect(ctx.unified[0]).toMatchObject({
      kind: "content.create",
      source: "strapi",
      nativeEvent: "entry.create",
      channel: "management",
      items: [{ id: "1", type: "address", role: "subject" }],
    });
    expect(ctx.unified[0]!.occurredAt?.toISOString()).toBe("2020-01-10T08:47:36.649Z");
  });

  for (const name of EVENTS) {
    it(`routes a Strapi 5 ${name} to its handler and a unified ${UNIFIED[name]} (200)`, async () => {
      const sample = strapiSamples[name];
      const result = await post(JSON.stringify(sample), headersFor(name));
      expect(result.status).toBe(200);
      expect(ctx.native).toEqual([{ name, payload: sample, meta: { event: name } }]);
      expect(ctx.unified.map((e) => e.kind)).toEqual([UNIFIED[name]]);
      expect([ctx.unknown, ctx.errors]).toEqual([[], []]);
    });
  }

  for (const [name, sample] of Object.entries(strapi4Samples)) {
    it(`routes a Strapi 4 ${name} (no documentId) and names its item by the row id (200)`, async () => {
      const result = await post(JSON.stringify(sample), headersFor(name));
      expect(result.status).toBe(200);
      expect(ctx.native.map((e) => e.name)).toEqual([name]);
      expect(ctx.unified.map((e) => [e.kind, e.items[0]?.id])).toEqual([[UNIFIED[name as StrapiEventName], "1"]]);
    });
  }

  it("names a Strapi 5 entry by its documentId, with its content type uid and locale", async () => {
    await post(JSON.stringify(strapiSamples["entry.publish"]), headersFor("entry.publish"));
    expect(ctx.unified[0]).toMatchObject({
      kind: "content.publish",
      channel: "published",
      items: [{ id: "k2m7q4dx8n5t1v3b9c0e6a2w", type: "api::article.article", language: "en", title: "Spring menu is here" }],
    });
  });

  it("maps a stage change to workflow.change from and to the named stages", async () => {
    await post(JSON.stringify(strapiSamples["review-workflows.updateEntryStage"]), headersFor("review-workflows.updateEntryStage"));
    expect(ctx.unified[0]).toMatchObject({
      kind: "workflow.change",
      workflow: { from: { id: "1", name: "To do" }, to: { id: "2", name: "Ready to review" }, event: "review-workflows.updateEntryStage" },
      items: [{ id: "k2m7q4dx8n5t1v3b9c0e6a2w" }],
    });
  });

  it("acknowledges a failed release publication (200) without a unified publish", async () => {
    const body = JSON.stringify({ event: "releases.publish", createdAt: "2026-04-01T06:00:00.150Z", isPublished: false, error: {} });
    expect((await post(body, headersFor("releases.publish"))).status).toBe(200);
    expect([ctx.native.map((e) => e.name), ctx.unified]).toEqual([["releases.publish"], []]);
  });

  it("accepts the previous token of the rotation list (200)", async () => {
    expect((await post(JSON.stringify(strapiSamples["media.create"]), headersFor("media.create", "previous-t0ken"))).status).toBe(200);
  });

  it("rejects a wrong token and a missing Authorization header (401) before reading the event", async () => {
    const body = JSON.stringify(strapiSamples["entry.delete"]);
    const wrong = await post(body, headersFor("entry.delete", "guessed-t0ken"));
    const { authorization: _auth, ...noAuth } = headersFor("entry.delete");
    const missing = await post(body, noAuth);
    expect([wrong.status, wrong.json.error]).toEqual([401, "credentials_invalid"]);
    expect([missing.status, missing.json.error]).toEqual([401, "credentials_missing"]);
    expect(JSON.stringify([wrong.json, missing.json])).not.toContain(TOKEN);
    expect(ctx.native).toEqual([]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const result = await post('{"event":"entry.update","createdAt":', headersFor("entry.update"));
    expect(result.status).toBe(400);
    expect(ctx.native).toEqual([]);
  });

  it("answers 422 with the failing paths for a known event whose body does not match", async () => {
    const { entry, ...rest } = strapiSamples["entry.update"];
    const { id: _id, ...noId } = entry;
    const result = await post(JSON.stringify({ ...rest, model: 42, entry: noId }), headersFor("entry.update"));
    expect(result.status).toBe(422);
    expect(result.json).toMatchObject({ error: "invalid_payload", event: "entry.update" });
    expect((result.json.issues as { path: unknown[] }[]).map((i) => i.path)).toEqual(expect.arrayContaining([["model"], ["entry", "id"]]));
  });

  it("answers 422 when the body names no event", async () => {
    const { event: _event, ...body } = strapiSamples["media.delete"];
    const result = await post(JSON.stringify(body), headersFor("media.delete"));
    expect(result.status).toBe(422);
    expect(result.json.issues).toEqual([expect.objectContaining({ path: ["event"] })]);
  });

  it("acknowledges an event it does not know (200), e.g. one a plugin registers, and shows it to onAny only", async () => {
    const body = JSON.stringify({ event: "navigation.update", createdAt: "2026-04-01T06:00:00.000Z", model: "navigation", entry: { id: 3 } });
    const result = await post(body, headersFor("navigation.update"));
    expect(result.status).toBe(200);
    expect(ctx.unknown).toEqual(["navigation.update"]);
    expect([ctx.native, ctx.unified]).toEqual([[], []]);
    expect(ctx.errors.map((e) => [e.status, e.code])).toEqual([[200, "unknown_event"]]);
  });

  it("uses the body's event when X-Strapi-Event disagrees, and reports the mismatch as a warning", async () => {
    const result = await post(JSON.stringify(strapiSamples["entry.publish"]), headersFor("entry.unpublish"));
    expect(result.status).toBe(200);
    expect(ctx.native.map((e) => [e.name, e.meta])).toEqual([["entry.publish", { event: "entry.unpublish" }]]);
    expect(ctx.errors.map((e) => [e.status, e.code])).toEqual([[200, "header_mismatch"]]);
    expect(ctx.errors[0]!.message).toMatch(/X-Strapi-Event says "entry.unpublish"/);
  });
});

describe("strapi provider", () => {
  it("publishes no outbound addresses", () => {
    expect([strapi.outboundIps, strapi().outboundIps]).toEqual([[], []]);
  });

  it("refuses to start a receiver without any check unless told, or given allowIps", () => {
    expect(() => createReceiver({ provider: strapi() })).toThrow(/no authenticity check/);
    expect(() => createReceiver({ provider: strapi(), allowUnauthenticated: true })).not.toThrow();
    expect(() => createReceiver({ provider: strapi(), allowIps: ["203.0.113.0/24"] })).not.toThrow();
  });
});
