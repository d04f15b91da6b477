import { createReceiver, secretQueryParam, type AnyUnifiedEvent, type WebhookError } from "@cmshooks/core";
import { inbenta, inbentaEvents, inbentaOutboundIps, inbentaSamples, type InbentaEventName } from "@cmshooks/inbenta";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";

const TOKEN = "inb-8c1f2e9a7d604b3f";
const JSON_HEADERS = { "content-type": "application/json" };

function makeReceiver() {
  const native: { name: string; payload: unknown }[] = [];
  const unified: AnyUnifiedEvent[] = [];
  const unknown: { name: string; payload: unknown }[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({ provider: inbenta({ auth: secretQueryParam({ name: "token", value: TOKEN }) }) });
  receiver.on(Object.keys(inbentaEvents) as InbentaEventName[], ({ name, payload }) => void native.push({ name, payload }));
  const collect = (event: AnyUnifiedEvent) => void unified.push(event);
  receiver
    .onContentCreate(collect)
    .onContentUpdate(collect)
    .onContentPublish(collect)
    .onContentUnpublish(collect)
    .onContentDelete(collect)
    .onTaxonomyChange(collect);
  receiver.onAny((event) => void (event.known ? undefined : unknown.push({ name: event.name, payload: event.payload })));
  receiver.onError((error) => void errors.push(error));
  return { receiver, native, unified, unknown, errors };
}

/** What each documented payload (placeholders filled, as in `inbentaSamples`) becomes as a unified event. */
const expected: Record<InbentaEventName, Partial<AnyUnifiedEvent> & Record<string, unknown>> = {
  create_content: {
    kind: "content.create",
    items: [{ id: "1287", type: "content", title: "How do I reset my online banking password?", role: "subject" }],
  },
  edit_content: {
    kind: "content.update",
    items: [{ id: "1287", type: "content", title: "How do I reset my online or mobile banking password?", role: "subject" }],
    changedFields: ["title", "relatedContents", "decisionTree", "attributes", "expirationDate"],
  },
  change_content_status: { kind: "content.unpublish", channel: "published", items: [{ id: "1287", type: "content", role: "subject" }] },
  delete_content: { kind: "content.delete", items: [{ id: "1287", type: "content", role: "subject" }] },
  create_category: {
    kind: "taxonomy.change",
    items: [{ id: "22", type: "category", title: "Online banking", role: "subject" }],
    taxonomy: { action: "create", id: "22", name: "Online banking" },
  },
  edit_category: {
    kind: "taxonomy.change",
    items: [{ id: "22", type: "category", title: "Online & mobile banking", role: "subject" }],
    taxonomy: { action: "update", id: "22", name: "Online & mobile banking" },
  },
  remove_category: { kind: "taxonomy.change", items: [{ id: "22", type: "category", role: "subject" }], taxonomy: { action: "delete", id: "22" } },
  moving_category_tree: {
    kind: "taxonomy.change",
    items: [{ id: "22", type: "category", role: "subject" }],
    taxonomy: { action: "move", id: "22", fromParent: "14", toParent: "9" },
  },
  // The "webhook upon saving", the other webhook type of Inbenta's settings.
  "upon_saving.add": { kind: "content.create", items: [{ id: "1287", type: "content", title: "How do I reset my online banking password?", role: "subject" }] },
  "upon_saving.edit": {
    kind: "content.update",
    items: [{ id: "1287", type: "content", title: "How do I reset my online or mobile banking password?", role: "subject" }],
  },
};

describe("Inbenta end to end through node:http", () => {
  let server: RunningServer;
  let ctx: ReturnType<typeof makeReceiver>;
  const post = (body: unknown, path = `/hooks/inbenta?token=${TOKEN}`) =>
    request(`${server.url}${path}`, { headers: JSON_HEADERS, body: typeof body === "string" ? body : JSON.stringify(body) });

  beforeAll(async () => {
    server = await startServer((req, res) => void toNodeHandler(ctx.receiver)(req, res));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    ctx = makeReceiver();
  });

  for (const name of Object.keys(inbentaSamples) as InbentaEventName[]) {
    it(`accepts the documented ${name} payload (200): native ${name}, unified ${expected[name].kind}`, async () => {
      const result = await post(inbentaSamples[name]);
      expect(result.status).toBe(200);
      expect(ctx.native).toEqual([{ name, payload: inbentaSamples[name] }]);
      expect(ctx.unified).toHaveLength(1);
      expect(ctx.unified[0]).toMatchObject({ source: "inbenta", nativeEvent: name, raw: inbentaSamples[name], ...expected[name] });
      const date = (inbentaSamples[name] as { date?: string }).date;
      expect(ctx.unified[0]!.occurredAt?.toISOString()).toBe(date === undefined ? undefined : new Date(date).toISOString());
    });
  }

  it("maps a status change to active as content.publish", async () => {
    const result = await post({ ...inbentaSamples.change_content_status, contentData: { isActive: true }, contentPreviousData: { isActive: false } });
    expect(result.status).toBe(200);
    expect(ctx.unified.map((e) => [e.kind, e.channel])).toEqual([["content.publish", "published"]]);
  });

  it("accepts the move under the settings' trigger name moving_category_tree_item as moving_category_tree", async () => {
    const body = { ...inbentaSamples.moving_category_tree, trigger: "moving_category_tree_item" };
    const result = await post(body);
    expect(result.status).toBe(200);
    expect(ctx.native).toEqual([{ name: "moving_category_tree", payload: body }]);
    expect(ctx.unknown).toEqual([]);
  });

  it("maps a content moved to the root as taxonomy.change move of a content item, without a taxonomy id", async () => {
    const result = await post({ trigger: "moving_category_tree", itemMovedType: "content", id: 1287, categoryParentFrom: 22, categoryParentTo: null, order: 4 });
    expect(result.status).toBe(200);
    expect(ctx.unified).toHaveLength(1);
    expect(ctx.unified[0]).toMatchObject({ kind: "taxonomy.change", items: [{ id: "1287", type: "content" }] });
    expect((ctx.unified[0] as AnyUnifiedEvent & { taxonomy: unknown }).taxonomy).toEqual({
      action: "move",
      id: undefined,
      fromParent: "22",
      toParent: undefined,
    });
  });

  it("reports only the content fields an edit changed, not its bookkeeping", async () => {
    const result = await post({
      trigger: "edit_content",
      date: "2026-03-13T08:00:00+00:00",
      contentId: 1287,
      contentData: { isPushContent: true, isActive: true, modificationDate: "2026-03-13T08:00:00+00:00", modifiedBy: "Jordi Puig" },
      contentPreviousData: { isPushContent: false, isActive: true, modificationDate: "2026-03-12T09:41:27+00:00", modifiedBy: "Marta Vidal" },
    });
    expect(result.status).toBe(200);
    expect(ctx.unified).toEqual([expect.objectContaining({ kind: "content.update", changedFields: ["isPushContent"] })]);
  });

  it("acknowledges an unknown trigger with a valid envelope (200) and shows it to onAny only", async () => {
    const body = { trigger: "create_user_type", date: "2026-03-13T08:00:00+00:00", userTypeId: 5 };
    const result = await post(body);
    expect(result.status).toBe(200);
    expect(ctx.unknown).toEqual([{ name: "create_user_type", payload: body }]);
    expect([ctx.native, ctx.unified]).toEqual([[], []]);
    // Never silent: the event no typed handler could take is reported at warn level.
    expect(ctx.errors.map((e) => [e.level, e.code])).toEqual([["warning", "unknown_event"]]);
  });

  it("answers 422 with the failing paths for a known trigger with a broken body", async () => {
    const result = await post({ trigger: "edit_content", date: "2026-03-13T08:00:00+00:00", contentId: "1287", contentData: { isActive: "yes" } });
    expect(result.status).toBe(422);
    expect(result.json).toMatchObject({ error: "invalid_payload", event: "edit_content" });
    expect((result.json.issues as { path: unknown[] }[]).map((i) => i.path)).toEqual([["contentId"], ["contentData", "isActive"]]);
    expect(ctx.native).toEqual([]);
  });

  it("answers 422 with the path when the envelope has no trigger", async () => {
    const { trigger: _t, ...body } = inbentaSamples.delete_content;
    const result = await post(body);
    expect(result.status).toBe(422);
    expect(result.json.issues).toEqual([expect.objectContaining({ path: ["trigger"] })]);
  });

  it("tells the two webhook types apart: `trigger` is a transaction, `action` (with no trigger) a save", async () => {
    const save = { ...inbentaSamples["upon_saving.edit"], date: 1773308487 };
    expect((await post(save)).status).toBe(200);
    expect(ctx.native.map((n) => n.name)).toEqual(["upon_saving.edit"]);
    expect(ctx.unified[0]!.occurredAt).toEqual(new Date(1773308487 * 1000));
    expect((await post({ ...save, action: "publish" })).status).toBe(200);
    expect(ctx.unknown.map((u) => u.name)).toEqual(["upon_saving.publish"]);
  });

  it("answers 422 with the failing path for a save without its content", async () => {
    const { currentContent: _c, ...body } = inbentaSamples["upon_saving.add"];
    const result = await post(body);
    expect(result.status).toBe(422);
    expect((result.json.issues as { path: unknown[] }[]).map((i) => i.path)).toEqual([["currentContent"]]);
    expect(ctx.native).toEqual([]);
  });

  it("rejects a delivery without the query secret (401) before running any handler", async () => {
    const result = await post(inbentaSamples.create_content, "/hooks/inbenta");
    expect([result.status, result.json.error]).toEqual([401, "credentials_missing"]);
    expect(ctx.native).toEqual([]);
  });
});

describe("inbenta provider", () => {
  it("publishes no outbound addresses", () => {
    expect([inbentaOutboundIps, inbenta.outboundIps, inbenta().outboundIps]).toEqual([[], [], []]);
  });

  it("refuses to start a receiver without any check unless told, or given allowIps", () => {
    expect(() => createReceiver({ provider: inbenta() })).toThrow(/no authenticity check/);
    expect(() => createReceiver({ provider: inbenta() })).toThrow(/secretPathSegment\(\)/);
    expect(() => createReceiver({ provider: inbenta() })).not.toThrow(/a secret,/);
    expect(() => createReceiver({ provider: inbenta(), allowUnauthenticated: true })).not.toThrow();
    expect(() => createReceiver({ provider: inbenta(), allowIps: ["203.0.113.0/24"] })).not.toThrow();
  });
});
