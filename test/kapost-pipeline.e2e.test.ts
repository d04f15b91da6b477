import { createHash } from "node:crypto";
import { basicAuth, createReceiver, memoryDedupeStore, type AnyUnifiedEvent, type WebhookError } from "@cmshooks/core";
import { kapost, kapostEvents, kapostOutboundIps, kapostSamples, type KapostEventName } from "@cmshooks/kapost";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";

/** The example of Kapost's webhook documentation, byte for byte (its odd blank lines included). */
const DOCUMENTED = `{
   "operation":"create",
   "type":"content",
   "payload":{
      "full_post":{
         "id":"523381424aaaaecc80000001",
         "idea_title":null,
         "content_title":null,
         "creator_id":"51e477b9e1f419ecf4000004",
         "assignee_id":"51e477b9e1f419ecf4000004",
         "campaign_ids":[

         ],
         "is_draft":false,
         "submission_deadline":null,
         "publish_deadline":null,
         "next_task":"Discuss post with creator",
         "updated_at":"2013-09-13T21:18:58Z",
         "privacy":"members",
         "idea":null,
         "content":null,
         "tags":[

         ],
         "custom_fields":{

         },
         "excerpt":null,
         "categories":[

         ],
         "persona_ids":[

         ],
         "stage_ids":[

         ],
         "attachments":[

         ],
         "content_type":{
            "id":"515b373751c35c02000001c3",
            "display_name":"Blog Post"
         }
      }
   },
   "instance":{
      "id":"515b373751c35c02000001c2",
      "subdomain":"mongohq"
   }
}`;

const USER = "kapost";
const PASSWORD = "k4post:webhook-password";
const AUTH = { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}` };

function makeReceiver(options: { dedupe?: boolean } = {}) {
  const native: { name: string; payload: unknown; deliveryId: string }[] = [];
  const unified: AnyUnifiedEvent[] = [];
  const unknown: { name: string; payload: unknown }[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({
    provider: kapost({ auth: basicAuth({ username: USER, password: PASSWORD }) }),
    ...(options.dedupe ? { dedupe: memoryDedupeStore() } : {}),
  });
  receiver.on(Object.keys(kapostEvents) as KapostEventName[], ({ name, payload, deliveryId }) => void native.push({ name, payload, deliveryId }));
  const collect = (event: AnyUnifiedEvent) => void unified.push(event);
  receiver.onContentCreate(collect).onContentUpdate(collect).onContentPublish(collect).onContentDelete(collect);
  receiver.onAny((event) => void (event.known ? undefined : unknown.push({ name: event.name, payload: event.payload })));
  receiver.onError((error) => void errors.push(error));
  return { receiver, native, unified, unknown, errors };
}

describe("Kapost end to end through node:http", () => {
  let server: RunningServer;
  let ctx: ReturnType<typeof makeReceiver>;
  const post = (body: string, headers: Record<string, string> = AUTH) => request(`${server.url}/hooks/kapost`, { headers, body });

  beforeAll(async () => {
    server = await startServer((req, res) => void toNodeHandler(ctx.receiver)(req, res));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    ctx = makeReceiver();
  });

  it("accepts the documented example as sent (200): content.create, then a unified content.create", async () => {
    const result = await post(DOCUMENTED);
    expect(result.status).toBe(200);
    expect(ctx.native.map((e) => [e.name, e.payload])).toEqual([["content.create", kapostSamples["content.create"]]]);
    expect(ctx.unified).toHaveLength(1);
    expect(ctx.unified[0]).toMatchObject({
      kind: "content.create",
      source: "kapost",
      nativeEvent: "content.create",
      channel: "management",
      items: [{ id: "523381424aaaaecc80000001", type: "Blog Post", role: "subject" }],
    });
    expect(ctx.unified[0]!.occurredAt?.toISOString()).toBe("2013-09-13T21:18:58.000Z");
    // Title-less idea: no title invented.
    expect(ctx.unified[0]!.items[0]).not.toHaveProperty("title");
  });

  const mapping: [KapostEventName, AnyUnifiedEvent["kind"], "management" | "published"][] = [
    ["content.update", "content.update", "management"],
    ["content.publish", "content.publish", "published"],
    ["content.delete", "content.delete", "management"],
  ];
  for (const [name, kind, channel] of mapping) {
    it(`routes operation "${kapostSamples[name].operation}" to ${name} and a unified ${kind} (200)`, async () => {
      const sample = kapostSamples[name];
      const result = await post(JSON.stringify(sample));
      expect(result.status).toBe(200);
      expect(ctx.native.map((e) => [e.name, e.payload])).toEqual([[name, sample]]);
      expect(ctx.unified.map((e) => [e.kind, e.channel, e.items])).toEqual([
        [kind, channel, [{ id: sample.payload.full_post.id, type: "Blog Post", title: sample.payload.full_post.content_title, role: "subject" }]],
      ]);
    });
  }

  it("acknowledges an unknown type with a valid envelope (200) and shows it to onAny only", async () => {
    const body = { operation: "create", type: "campaign", payload: { campaign: { id: "5290f2b0c6b5a1e35c000011" } }, instance: kapostSamples["content.create"].instance };
    const result = await post(JSON.stringify(body));
    expect(result.status).toBe(200);
    expect(ctx.unknown).toEqual([{ name: "campaign.create", payload: body }]);
    expect([ctx.native, ctx.unified]).toEqual([[], []]);
    // Never silent: the event no typed handler could take is reported at warn level.
    expect(ctx.errors.map((e) => [e.level, e.code])).toEqual([["warning", "unknown_event"]]);
  });

  it("acknowledges an unknown operation on content (200) and shows it to onAny only", async () => {
    const result = await post(JSON.stringify({ ...kapostSamples["content.update"], operation: "archive" }));
    expect(result.status).toBe(200);
    expect(ctx.unknown.map((e) => e.name)).toEqual(["content.archive"]);
    expect(ctx.native).toEqual([]);
  });

  it("answers 422 with the failing paths for a known event with a broken body", async () => {
    const { id: _id, ...withoutId } = kapostSamples["content.publish"].payload.full_post;
    const { instance: _instance, ...noInstance } = kapostSamples["content.publish"];
    const result = await post(JSON.stringify({ ...noInstance, payload: { full_post: { ...withoutId, is_draft: "no" } } }));
    expect(result.status).toBe(422);
    expect(result.json).toMatchObject({ error: "invalid_payload", event: "content.publish" });
    expect((result.json.issues as { path: unknown[] }[]).map((i) => i.path)).toEqual(
      expect.arrayContaining([["payload", "full_post", "id"], ["payload", "full_post", "is_draft"], ["instance"]]),
    );
    expect(ctx.native).toEqual([]);
  });

  it("answers 422 with the path when the envelope has no operation", async () => {
    const { operation: _op, ...body } = kapostSamples["content.update"];
    const result = await post(JSON.stringify(body));
    expect(result.status).toBe(422);
    expect(result.json.issues).toEqual([expect.objectContaining({ path: ["operation"] })]);
  });

  it("rejects a delivery without credentials (401) before running any handler", async () => {
    const result = await post(DOCUMENTED, { "content-type": "application/json" });
    expect(result.status).toBe(401);
    expect(result.json.error).toBe("credentials_missing");
    expect([ctx.native, ctx.unknown]).toEqual([[], []]);
  });

  it("names a delivery by the SHA-256 of its body and event (Kapost sends no id), so a resend is a duplicate", async () => {
    ctx = makeReceiver({ dedupe: true });
    const body = JSON.stringify(kapostSamples["content.publish"]);
    const first = await post(body);
    const second = await post(body);
    expect([first.status, second.status, second.json.duplicate]).toEqual([200, 200, true]);
    expect(ctx.native).toHaveLength(1);
    expect(ctx.native[0]!.deliveryId).toBe(`${createHash("sha256").update(body).digest("hex")}:content.publish`);
  });
});

describe("kapost provider", () => {
  it("publishes no outbound addresses", () => {
    expect([kapostOutboundIps, kapost.outboundIps, kapost().outboundIps]).toEqual([[], [], []]);
  });

  it("refuses to start a receiver without any check unless told, or given allowIps", () => {
    expect(() => createReceiver({ provider: kapost() })).toThrow(/no authenticity check/);
    // Kapost signs nothing: the advice names the checks that fit, never a secret.
    expect(() => createReceiver({ provider: kapost({}) })).toThrow(/basicAuth\(\).*secretPathSegment\(\)/);
    expect(() => createReceiver({ provider: kapost({}) })).not.toThrow(/\(a secret,/);
    expect(() => createReceiver({ provider: kapost(), allowUnauthenticated: true })).not.toThrow();
    expect(() => createReceiver({ provider: kapost(), allowIps: ["203.0.113.0/24"] })).not.toThrow();
  });
});
