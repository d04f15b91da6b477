import { createHmac } from "node:crypto";
import { createReceiver, secretPathSegment, type AnyUnifiedEvent, type UnifiedKind, type WebhookError } from "@cmshooks/core";
import { koaReceiver } from "@cmshooks/koa";
import { signStoryblok, storyblok, storyblokEvents, storyblokSamples, type StoryblokEventName } from "@cmshooks/storyblok";
import Router from "@koa/router";
import Koa from "koa";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";

const SECRET = "storyblok-webhook-secret-01";
const OLD_SECRET = "storyblok-webhook-secret-00";
const EVENTS = Object.keys(storyblokEvents) as StoryblokEventName[];

/** The README's event table: the unified event each native one becomes (none for discussions). */
const UNIFIED: Record<StoryblokEventName, UnifiedKind | undefined> = {
  "story.published": "content.publish",
  "story.unpublished": "content.unpublish",
  "story.deleted": "content.delete",
  "story.moved": "content.update",
  "asset.created": "content.create",
  "asset.replaced": "content.update",
  "asset.deleted": "content.delete",
  "asset.restored": "content.restore",
  "user.added": "user.change",
  "user.removed": "user.change",
  "user.roles_updated": "user.change",
  "datasource.entries_updated": "content.update",
  datasource_entry_saved: "content.update",
  "stage.changed": "workflow.change",
  workflow_stage_changed: "workflow.change",
  "release.merged": "content.publish",
  release_merged: "content.publish",
  "pipeline.deployed": "content.publish",
  branch_deployed: "content.publish",
  "discussion.created": undefined,
  "discussion.comment_created": undefined,
  "discussion.comment_updated": undefined,
  "discussion.comment_deleted": undefined,
  "discussion.resolved": undefined,
};

/** The example of Storyblok's webhook documentation (concepts/webhooks), byte for byte as pretty-printed there. */
const DOCUMENTED = `{
  "text": "The user joy.bringer@storyblok.com published the Story Home 2 (marketing-articles/home-2)\\nhttps://app.storyblok.com/#/me/spaces/184738/stories/0/0/166888799188279",
  "action": "published",
  "space_id": 184738,
  "story_id": 166888799188279,
  "full_slug": "marketing-articles/home-2"
}`;

function makeReceiver(provider = storyblok({ secret: [SECRET, OLD_SECRET] })) {
  const native: { name: string; payload: unknown }[] = [];
  const unified: AnyUnifiedEvent[] = [];
  const unknown: string[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({ provider, log: false });
  receiver.on(EVENTS, ({ name, payload }) => void native.push({ name, payload }));
  const collect = (event: AnyUnifiedEvent) => void unified.push(event);
  receiver
    .onContentCreate(collect)
    .onContentUpdate(collect)
    .onContentPublish(collect)
    .onContentUnpublish(collect)
    .onContentDelete(collect)
    .onContentRestore(collect)
    .onWorkflowChange(collect)
    .onUserChange(collect);
  receiver.onAny((event) => void (event.known ? undefined : unknown.push(event.name)));
  receiver.onError((error) => void errors.push(error));
  return { receiver, native, unified, unknown, errors };
}

describe("Storyblok end to end through Koa", () => {
  let server: RunningServer;
  let ctx: ReturnType<typeof makeReceiver>;
  const post = (body: string, headers: Record<string, string>, path = "/hooks/storyblok") => request(`${server.url}${path}`, { headers, body });
  const signed = async (body: string, secret = SECRET) => ({ "content-type": "application/json", "webhook-signature": await signStoryblok(body, secret) });

  beforeAll(async () => {
    const app = new Koa();
    app.silent = true;
    const router = new Router();
    router.post("/hooks/storyblok", (koaCtx, next) => koaReceiver(ctx.receiver)(koaCtx, next));
    router.post("/hooks/storyblok/:secret", (koaCtx, next) => koaReceiver(ctx.receiver)(koaCtx, next));
    app.use(router.routes());
    server = await startServer(app.callback());
  });
  afterAll(() => server.close());
  beforeEach(() => {
    ctx = makeReceiver();
  });

  it("accepts the documented example signed as Storyblok's guide does (createHmac sha1, hex) and maps it to content.publish", async () => {
    const result = await post(DOCUMENTED, { "content-type": "application/json", "webhook-signature": createHmac("sha1", SECRET).update(DOCUMENTED).digest("hex") });
    expect(result.status).toBe(200);
    expect(ctx.native).toEqual([{ name: "story.published", payload: storyblokSamples["story.published"] }]);
    expect(ctx.unified).toHaveLength(1);
    expect(ctx.unified[0]).toMatchObject({
      kind: "content.publish",
      source: "storyblok",
      nativeEvent: "story.published",
      channel: "published",
      items: [{ id: "166888799188279", type: "story", codename: "marketing-articles/home-2", role: "subject" }],
    });
  });

  for (const name of EVENTS) {
    const kind = UNIFIED[name];
    it(`routes a signed "${storyblokSamples[name].action}" to ${name}${kind ? ` and a unified ${kind}` : " (no unified event)"} (200)`, async () => {
      const body = JSON.stringify(storyblokSamples[name]);
      const result = await post(body, await signed(body));
      expect(result.status).toBe(200);
      expect(ctx.native).toEqual([{ name, payload: storyblokSamples[name] }]);
      expect(ctx.unified.map((e) => e.kind)).toEqual(kind ? [kind] : []);
      expect([ctx.unknown, ctx.errors]).toEqual([[], []]);
    });
  }

  it("carries the stage a story moved to on workflow.change, and the user id on user.change", async () => {
    for (const name of ["stage.changed", "user.roles_updated"] as const) {
      const body = JSON.stringify(storyblokSamples[name]);
      expect((await post(body, await signed(body))).status).toBe(200);
    }
    expect(ctx.unified[0]).toMatchObject({ kind: "workflow.change", workflow: { event: "stage.changed", to: { name: "Reviewing" } }, items: [{ id: "166888799188279" }] });
    expect(ctx.unified[1]).toMatchObject({ kind: "user.change", user: { action: "update", id: "215730" } });
  });

  it("accepts the second secret of the rotation list, and an upper-case hex signature (200)", async () => {
    const body = JSON.stringify(storyblokSamples["asset.created"]);
    expect((await post(body, await signed(body, OLD_SECRET))).status).toBe(200);
    const upper = { ...(await signed(body)), "webhook-signature": (await signStoryblok(body, SECRET)).toUpperCase() };
    expect((await post(body, upper)).status).toBe(200);
    expect(ctx.native).toHaveLength(2);
  });

  it("rejects a body changed after signing (401) before any handler runs", async () => {
    const body = JSON.stringify(storyblokSamples["story.published"]);
    const headers = await signed(body);
    const result = await post(body.replace("marketing-articles/home-2", "marketing-articles/home-3"), headers);
    expect([result.status, result.json.error]).toEqual([401, "signature_mismatch"]);
    expect([ctx.native, ctx.unified]).toEqual([[], []]);
  });

  it("rejects a signature made with another secret, one of the wrong length, and none at all (401)", async () => {
    const body = JSON.stringify(storyblokSamples["story.deleted"]);
    const other = await post(body, await signed(body, "not-the-webhook-secret"));
    const short = await post(body, { ...(await signed(body)), "webhook-signature": (await signStoryblok(body, SECRET)).slice(0, 20) });
    const missing = await post(body, { "content-type": "application/json" });
    expect([other.status, other.json.error]).toEqual([401, "signature_mismatch"]);
    expect([short.status, short.json.error]).toEqual([401, "signature_mismatch"]);
    expect([missing.status, missing.json.error]).toEqual([401, "signature_missing"]);
    expect(JSON.stringify([other.json, short.json, missing.json])).not.toContain(await signStoryblok(body, SECRET));
  });

  it("answers 400 for a signed body that is not JSON", async () => {
    const body = '{"action":"published","space_id":1,';
    const result = await post(body, await signed(body));
    expect(result.status).toBe(400);
    expect(ctx.native).toEqual([]);
  });

  it("answers 422 with the failing paths for a known event whose body does not match", async () => {
    const body = JSON.stringify({ ...storyblokSamples["story.published"], story_id: "166888799188279", full_slug: 7 });
    const result = await post(body, await signed(body));
    expect(result.status).toBe(422);
    expect(result.json).toMatchObject({ error: "invalid_payload", event: "story.published" });
    expect((result.json.issues as { path: unknown[] }[]).map((i) => i.path)).toEqual(expect.arrayContaining([["story_id"], ["full_slug"]]));
  });

  it("answers 422 when the envelope has no action", async () => {
    const { action: _action, ...body } = storyblokSamples["asset.replaced"];
    const text = JSON.stringify(body);
    const result = await post(text, await signed(text));
    expect(result.status).toBe(422);
    expect(result.json.issues).toEqual([expect.objectContaining({ path: ["action"] })]);
  });

  it("acknowledges an action it does not know (200) and shows it to onAny only", async () => {
    const body = JSON.stringify({ text: "The experiment Hero A/B started", action: "experiment_started", space_id: 184738 });
    const result = await post(body, await signed(body));
    expect(result.status).toBe(200);
    expect(ctx.unknown).toEqual(["experiment_started"]);
    expect([ctx.native, ctx.unified]).toEqual([[], []]);
    expect(ctx.errors.map((e) => [e.status, e.code])).toEqual([[200, "unknown_event"]]);
  });

  it("acknowledges a 'deleted' that names neither a story nor an asset (200) instead of guessing", async () => {
    const body = JSON.stringify({ text: "The user x deleted something", action: "deleted", space_id: 184738 });
    const result = await post(body, await signed(body));
    expect(result.status).toBe(200);
    expect(ctx.unknown).toEqual(["deleted"]);
    expect(ctx.native).toEqual([]);
    expect(ctx.errors.map((e) => [e.code, e.hint])).toEqual([["unknown_event", expect.stringMatching(/no asset_id or story_id/)]]);
  });

  it("checks receiver-side auth as well as the signature when both are configured", async () => {
    ctx = makeReceiver(storyblok({ secret: SECRET, auth: secretPathSegment({ value: "p4th-s3cret" }) }));
    const body = JSON.stringify(storyblokSamples["story.published"]);
    const ok = await post(body, await signed(body), "/hooks/storyblok/p4th-s3cret");
    const wrongPath = await post(body, await signed(body), "/hooks/storyblok/guess");
    const wrongSignature = await post(body, await signed(body, OLD_SECRET), "/hooks/storyblok/p4th-s3cret");
    expect([ok.status, wrongPath.status, wrongSignature.status]).toEqual([200, 401, 401]);
    expect(ctx.native).toHaveLength(1);
  });
});

describe("storyblok provider", () => {
  it("publishes no outbound addresses", () => {
    expect([storyblok.outboundIps, storyblok({ secret: "s" }).outboundIps]).toEqual([[], []]);
  });

  it("refuses to be built without a secret or auth, or with an empty secret", () => {
    expect(() => storyblok({})).toThrow(/secret/);
    expect(() => storyblok({ secret: "" })).toThrow(/empty/);
  });
});
