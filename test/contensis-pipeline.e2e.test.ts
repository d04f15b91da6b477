import { createReceiver, memoryDedupeStore, secretHeader, type WebhookError } from "@cmshooks/core";
import {
  contensis,
  contensisSampleContext,
  defineContensisSubscription,
  pointer,
  renderContensisDelivery,
  type ContensisEventName,
  type ContensisSampleValues,
} from "@cmshooks/contensis";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { request, startServer, type RunningServer } from "./support/http.js";

const SECRET = "cs7vdsdvj~8";

/** The seed's subscription, written once in code (the news headline typed with pointer()). */
const subscription = defineContensisSubscription({
  name: { "en-GB": "name" },
  description: { "en-GB": "some description" },
  url: "https://external.mywebsite.com/handlewebhooks/{/resource/sys.id}",
  topics: [
    { resourceType: "entry", event: ["updated", "created"], language: ["fr-fr"], contentTypeId: ["blog", "news"], owner: "t.durden" },
    { resourceType: "entry", event: ["published"], contentTypeId: ["news"], owner: "t.durden" },
    { resourceType: "contentType", event: ["created"] },
    { resourceType: "asset", event: ["published"] },
    {
      resourceType: "entry",
      event: ["workflowEventRaised"],
      contentTypeId: ["blog"],
      owner: "t.durden",
      workflowEvent: ["contensisentrybasic.draft.submit", "contensisentryapproval.awaitingApproval.approve"],
    },
  ],
  headers: {
    target: { value: "internal" },
    department: { value: "{/resource/department}" },
    secretHeaderSet: { secret: true, value: SECRET },
  },
  templates: {
    entry: {
      event: "{/event/name}",
      user: "{/user/firstname} {/user/lastname}",
      id: "{/resource/sys/id}",
      title: "{/resource/entryTitle}",
      description: "{/resource/entryDescription}",
      department: "{/resource/department}",
    },
    "entry.news": {
      event: "{/event/name}",
      id: "{/resource/sys/id}",
      title: "{/resource/entryTitle}",
      headline: pointer("/resource/headline", z.string()),
    },
    contentType: "{/resource/}",
  },
});

function makeReceiver(options: { dedupe?: boolean } = {}) {
  const seen: string[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({
    provider: contensis({ subscription, auth: secretHeader({ name: "secretHeaderSet", value: SECRET }) }),
    ...(options.dedupe ? { dedupe: memoryDedupeStore() } : {}),
  });
  receiver.on("entry.published", ({ payload, meta, headers }) => {
    seen.push(`published:${payload.headline}:${meta.headers.department}:${headers.get("target")}`);
  });
  receiver.on("entry.created", ({ payload }) => {
    seen.push("headline" in payload ? `created-news:${payload.headline}` : `created:${payload.user}:${String(payload.department)}`);
  });
  receiver.on("contentType.created", ({ payload }) => void seen.push(`contentType:${payload.id}`));
  receiver.on("asset.published", ({ payload }) => void seen.push(`asset:${payload.resource.id}:${payload.eventName}`));
  receiver.onContentPublish((event) => void seen.push(`unified-publish:${event.items[0]?.id}:${event.items[0]?.type}`));
  receiver.onWorkflowChange((event) => void seen.push(`workflow:${event.workflow.event}`));
  receiver.onAny((event) => void (event.known ? undefined : seen.push(`unknown:${event.name}`)));
  receiver.onError((error) => void errors.push(error));
  return { receiver, seen, errors };
}

function delivery(name: ContensisEventName, values: Partial<ContensisSampleValues> = {}) {
  const rendered = renderContensisDelivery(subscription, contensisSampleContext(name, values));
  return { headers: { ...rendered.headers }, body: JSON.stringify(rendered.payload), rendered };
}

const NEWS_ID = "0b7f7a3c-5c2a-4f43-9d87-3c1b2a0e9f11";

describe("Contensis end to end through node:http", () => {
  let server: RunningServer;
  let ctx: ReturnType<typeof makeReceiver>;
  beforeAll(async () => {
    server = await startServer((req, res) => void toNodeHandler(ctx.receiver)(req, res));
  });
  afterAll(() => server.close());

  const post = (headers: Record<string, string>, body: string) => request(`${server.url}/hooks/contensis`, { headers, body });

  it("delivers an entry.news templated body to on('entry.published') with its typed headline and the department header", async () => {
    ctx = makeReceiver();
    const d = delivery("entry.published", { contentTypeId: "news", resourceId: NEWS_ID, department: "Transport" });
    expect(d.rendered.template).toBe("entry.news");
    expect(d.rendered.url).toBe(`https://external.mywebsite.com/handlewebhooks/${NEWS_ID}`);
    const result = await post(d.headers, d.body);
    expect(result.status).toBe(200);
    expect(ctx.seen).toEqual([
      "published:City council approves new transit plan:Transport:internal",
      `unified-publish:${NEWS_ID}:news`,
    ]);
  });

  it("delivers an entry-template body (a blog entry) to on('entry.created')", async () => {
    ctx = makeReceiver();
    const d = delivery("entry.created", { contentTypeId: "blog", department: "Culture" });
    expect(d.rendered.template).toBe("entry");
    expect((await post(d.headers, d.body)).status).toBe(200);
    expect(ctx.seen).toEqual(["created:Tyler Durden:Culture"]);
  });

  it("delivers a news entry created to the same handler with the entry.news shape", async () => {
    ctx = makeReceiver();
    const d = delivery("entry.created", { contentTypeId: "news", title: "Harbor reopens" });
    expect((await post(d.headers, d.body)).status).toBe(200);
    expect(ctx.seen).toEqual(["created-news:Harbor reopens"]);
  });

  it("delivers the whole content type resource ({/resource/}) to on('contentType.created')", async () => {
    ctx = makeReceiver();
    const d = delivery("contentType.created", { contentTypeId: "pressRelease" });
    expect(JSON.parse(d.body)).toMatchObject({ id: "pressRelease", dataFormat: "entry" });
    expect((await post(d.headers, d.body)).status).toBe(200);
    expect(ctx.seen).toEqual(["contentType:pressRelease"]);
  });

  it("delivers a default-structure body (no asset template) to on('asset.published') and onContentPublish", async () => {
    ctx = makeReceiver();
    const d = delivery("asset.published", { resourceId: "a55e7000-0000-4000-8000-000000000002" });
    expect(d.rendered.template).toBe("default");
    expect(JSON.parse(d.body)).toMatchObject({ eventName: "published", resource: { type: "asset" } });
    expect((await post(d.headers, d.body)).status).toBe(200);
    expect(ctx.seen).toEqual([
      "asset:a55e7000-0000-4000-8000-000000000002:published",
      "unified-publish:a55e7000-0000-4000-8000-000000000002:image",
    ]);
  });

  it("maps a raised workflow event to onWorkflowChange with the documented spelling", async () => {
    ctx = makeReceiver();
    const d = delivery("entry.workflowEventRaised", { contentTypeId: "blog" });
    d.headers["x-contensis-workflow-event"] = "contensisentryapproval.awaitingApproval.approve";
    expect((await post(d.headers, d.body)).status).toBe(200);
    expect(ctx.seen).toEqual(["workflow:contensisEntryApproval.awaitingApproval.approve"]);
  });

  it("rejects a delivery without the secret header (401)", async () => {
    ctx = makeReceiver();
    const { secretheaderset: _secret, ...headers } = delivery("entry.published", { contentTypeId: "news" }).headers;
    const result = await post(headers, delivery("entry.published").body);
    expect([result.status, result.json.error]).toEqual([401, "credentials_missing"]);
    expect(ctx.seen).toEqual([]);
  });

  it("rejects a wrong secret header (401) and never echoes the secret", async () => {
    ctx = makeReceiver();
    const d = delivery("entry.published", { contentTypeId: "news" });
    const result = await post({ ...d.headers, secretheaderset: "cs7vdsdvj~9" }, d.body);
    expect([result.status, result.json.error]).toEqual([401, "credentials_invalid"]);
    expect(result.text).not.toContain(SECRET);
  });

  it("rejects a templated body that does not match its template (422) with the failing path", async () => {
    ctx = makeReceiver();
    const d = delivery("entry.published", { contentTypeId: "news" });
    const result = await post(d.headers, JSON.stringify({ ...JSON.parse(d.body), headline: 42 }));
    expect(result.status).toBe(422);
    expect(result.json.issues).toEqual([expect.objectContaining({ path: ["headline"] })]);
  });

  it("acknowledges (200) and reports, never 422, a delivery nothing names: onAny sees it as unknown", async () => {
    ctx = makeReceiver();
    const d = delivery("contentType.created");
    const { "x-contensis-resource-type": _type, ...headers } = d.headers;
    const result = await post(headers, d.body);
    expect(result.status).toBe(200);
    expect(ctx.seen).toEqual(["unknown:created"]);
  });

  it("acknowledges an event the package does not know (200) and shows it to onAny", async () => {
    ctx = makeReceiver();
    const d = delivery("entry.published", { contentTypeId: "news" });
    const result = await post({ ...d.headers, "x-contensis-event": "entry.translated" }, d.body);
    expect(result.status).toBe(200);
    expect(ctx.seen).toEqual(["unknown:entry.translated"]);
  });
});

describe("Contensis receiver options", () => {
  it("refuses to start without authentication unless told explicitly", () => {
    expect(() => createReceiver({ provider: contensis() })).toThrow(/no authenticity check/);
    expect(() => createReceiver({ provider: contensis() })).toThrow(/secretHeader\(\{ name, value \}\)/);
    expect(() => createReceiver({ provider: contensis(), allowUnauthenticated: true })).not.toThrow();
  });

  it("checks the subscription's own secret header when no auth is given", async () => {
    const receiver = createReceiver({ provider: contensis({ subscription }) });
    const d = delivery("contentType.created");
    expect((await receiver.handle({ method: "POST", headers: d.headers, body: d.body })).status).toBe(200);
    expect((await receiver.handle({ method: "POST", headers: { ...d.headers, secretheaderset: "nope" }, body: d.body })).status).toBe(401);
  });

  it("uses the event id as the delivery id, so a retried delivery runs its handlers once", async () => {
    const { receiver, seen } = makeReceiver({ dedupe: true });
    const d = delivery("contentType.created");
    const first = await receiver.handle({ method: "POST", headers: d.headers, body: d.body });
    const retry = await receiver.handle({ method: "POST", headers: d.headers, body: d.body });
    expect([first.status, retry.status, seen]).toEqual([200, 200, ["contentType:news"]]);
  });

  it("routes default payloads without any subscription", async () => {
    const receiver = createReceiver({ provider: contensis({ auth: secretHeader({ name: "x-webhook-secret", value: "s" }) }) });
    const names: string[] = [];
    receiver.onAny((event) => void names.push(event.name));
    const d = renderContensisDelivery(undefined, contensisSampleContext("entry.unpublished"));
    const result = await receiver.handle({ method: "POST", headers: { ...d.headers, "x-webhook-secret": "s" }, body: JSON.stringify(d.payload) });
    expect([result.status, names]).toEqual([200, ["entry.unpublished"]]);
  });
});
