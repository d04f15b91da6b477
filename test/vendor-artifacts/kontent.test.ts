/**
 * Kontent.ai's own artifacts through a real receiver: the payloads and signature vectors of
 * `@kontent-ai/webhook-helper` 3.0.3 (a devDependency) and 4.0.0 (GitHub kontent-ai/webhook-helper-js),
 * the webhook contracts of `@kontent-ai/management-sdk` 8.5.1 and the migration guide's table
 * (fixtures/kontent.ts names each source).
 */
import { signatureHelper } from "@kontent-ai/webhook-helper";
import { createReceiver, type AnyUnifiedEvent, type WebhookError, type WebhookReceiver } from "@cmshooks/core";
import { kontent, kontentEvents, kontentLegacyEvents, kontentNotificationEvents, kontentSamples, signKontent, type KontentEventName } from "@cmshooks/kontent";
import { toNodeHandler } from "@cmshooks/node";
import { kontentTestkit, onEveryUnified } from "@cmshooks/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "../support/http.js";
import {
  HELPER4_PARSE_EXAMPLES,
  HELPER4_UNKNOWN_ACTION,
  MANAGEMENT_SDK_ACTIONS,
  MANAGEMENT_SDK_LEGACY_OPERATIONS,
  MIGRATION_GUIDE_TABLE,
  SIGNATURE_VECTORS,
} from "./fixtures/kontent.js";

const SECRET = "kontent-artifacts-secret";
const ALL = Object.keys(kontentEvents) as KontentEventName[];

/** Helper 4.0.0's `isSignatureValid` is `getHashFromString(replaceLinebreaks(payload))`: the same two functions helper 3 exports. */
const helper4Hash = (payload: string, secret: string) => signatureHelper.getHashFromString(signatureHelper.replaceLinebreaks(payload), secret);
/** How both helpers' tests write a body: `JSON.stringify(payload, null, 2)` (LF line ends). */
const helperJson = (payload: unknown) => JSON.stringify(payload, null, 2);

function receiverFor(secrets: readonly string[]) {
  const native: string[] = [];
  const unified: string[] = [];
  const unknown: string[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({ provider: kontent({ secret: [...secrets] }) });
  receiver.on(ALL, (event) => void native.push(event.name));
  onEveryUnified(receiver as unknown as WebhookReceiver, (event: AnyUnifiedEvent) => void unified.push(event.kind));
  receiver.onAny((event) => void (event.known ? undefined : unknown.push(event.name)));
  receiver.onError((error) => void errors.push(error));
  return { receiver, native, unified, unknown, errors };
}

const handle = (ctx: ReturnType<typeof receiverFor>, headers: Record<string, string>, body: string) =>
  ctx.receiver.handle({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: Buffer.from(body), ip: "127.0.0.1" });

describe("Kontent.ai signature vectors of both helper versions", () => {
  for (const vector of SIGNATURE_VECTORS) {
    const lf = helperJson(vector.payload);
    const crlf = signatureHelper.replaceLinebreaks(lf);

    it(`${vector.source}: the helper reproduces its own vector, over the CRLF form`, () => {
      expect(helper4Hash(lf, vector.secret)).toBe(vector.signature);
      expect(signatureHelper.getHashFromString(lf, vector.secret)).not.toBe(vector.signature);
    });

    for (const [form, body] of [["CRLF", crlf], ["LF, as the helpers' tests send it", lf]] as const) {
      it(`${vector.source}: a receiver accepts the ${form} body (200) with its vector, reaching ${vector.native.join(", ")}`, async () => {
        const ctx = receiverFor([vector.secret]);
        for (const header of ["x-kontent-ai-signature", "x-kc-signature"]) {
          const response = await handle(ctx, { [header]: vector.signature }, body);
          expect(response.status).toBe(200);
        }
        expect(ctx.native).toEqual([...vector.native, ...vector.native]);
        expect(ctx.unified).toEqual([...vector.unified, ...vector.unified]);
        expect(ctx.errors).toEqual([]);
      });
    }
  }
});

describe("signatures verify both ways between cmshooks and @kontent-ai/webhook-helper", () => {
  for (const event of ALL) {
    it(`${event}: the testkit's signature verifies with helper 3 and helper 4, and the helpers' signatures with the receiver`, async () => {
      const delivery = await kontentTestkit.delivery(event, { secret: SECRET, seed: 3 });
      const header = delivery.headers["x-kontent-ai-signature"] ?? delivery.headers["x-kc-signature"]!;
      // ours → theirs
      expect(signatureHelper.isValidSignatureFromString(delivery.text, SECRET, header)).toBe(true);
      expect(helper4Hash(delivery.text, SECRET)).toBe(header);
      // theirs → ours: helper 4 signs the normalised text, helper 3 the text as given (here: LF)
      const lf = delivery.text.replace(/\r\n/g, "\n");
      const ctx = receiverFor([SECRET]);
      expect((await handle(ctx, { "x-kontent-ai-signature": helper4Hash(lf, SECRET) }, lf)).status).toBe(200);
      expect((await handle(ctx, { "x-kc-signature": signatureHelper.getHashFromString(lf, SECRET) }, lf)).status).toBe(200);
      expect(ctx.native).toEqual([event, event]);
      expect(await signKontent(delivery.text, SECRET)).toBe(signatureHelper.getHashFromString(delivery.text, SECRET));
    });
  }
});

describe("helper 4's parse examples are genuine deliveries", () => {
  for (const example of HELPER4_PARSE_EXAMPLES) {
    it(`${example.source}: 200, native [${example.native.join(", ")}], unified [${example.unified.join(", ")}]`, async () => {
      const ctx = receiverFor([SECRET]);
      const body = helperJson(example.body);
      const response = await handle(ctx, { "x-kontent-ai-signature": helper4Hash(body, SECRET) }, body);
      expect(response.status).toBe(200);
      expect(ctx.native).toEqual(example.native);
      expect(ctx.unified).toEqual(example.unified);
      expect(ctx.errors).toEqual([]);
    });
  }

  it("an action the table does not know is acknowledged and reaches onAny, as helper 4 makes it 'unknown'", async () => {
    const ctx = receiverFor([SECRET]);
    const body = helperJson(HELPER4_UNKNOWN_ACTION);
    expect((await handle(ctx, { "x-kontent-ai-signature": helper4Hash(body, SECRET) }, body)).status).toBe(200);
    expect(ctx.unknown).toEqual(["content_item.invalid_action"]);
    expect(ctx.errors.map((e) => e.code)).toEqual(["unknown_event"]);
  });

  it("a notification that names no event is reported with a hint, and the rest of the batch runs", async () => {
    const ctx = receiverFor([SECRET]);
    const body = helperJson({ notifications: [kontentSamples["asset.deleted"], { data: {}, message: { environment_id: "e" } }] });
    expect((await handle(ctx, { "x-kontent-ai-signature": helper4Hash(body, SECRET) }, body)).status).toBe(200);
    expect(ctx.native).toEqual(["asset.deleted"]);
    expect(ctx.unknown).toEqual(["notification:unreadable"]);
    expect(ctx.errors).toEqual([expect.objectContaining({ code: "unknown_event", hint: expect.stringMatching(/notifications\[1\]/) })]);
  });
});

describe("the management SDK's contracts and the migration guide", () => {
  it("every current-format action of @kontent-ai/management-sdk 8.5.1 is a native event", () => {
    const contract = Object.entries(MANAGEMENT_SDK_ACTIONS).flatMap(([type, actions]) => actions.map((action) => `${type}.${action}`));
    expect(contract.filter((name) => !(name in kontentNotificationEvents))).toEqual([]);
  });

  it("every legacy content item variant operation of the SDK is a native event", () => {
    const operations = new Set(Object.values(MANAGEMENT_SDK_LEGACY_OPERATIONS).flat());
    expect([...operations].map((op) => `content_item_variant.${op}`).filter((name) => !(name in kontentLegacyEvents))).toEqual([]);
  });

  it("every row of the migration guide names events of both tables", () => {
    for (const [legacy, current] of Object.entries(MIGRATION_GUIDE_TABLE)) {
      expect(legacy in kontentLegacyEvents, legacy).toBe(true);
      for (const name of current) expect(name in kontentNotificationEvents, name).toBe(true);
    }
  });

  it("maps content_item.changed on either slot and asset.changed to onContentUpdate, with the slot as channel (issue 16, case 1)", async () => {
    const ctx = receiverFor([SECRET]);
    const channels: string[] = [];
    ctx.receiver.onContentUpdate((event) => void channels.push(`${event.nativeEvent}:${event.channel}`));
    const item = kontentSamples["content_item.changed"];
    const published = { ...item, message: { ...item.message, delivery_slot: "published" } };
    const body = JSON.stringify({ notifications: [item, published, kontentSamples["asset.changed"]] });
    expect((await handle(ctx, { "x-kontent-ai-signature": await signKontent(body, SECRET) }, body)).status).toBe(200);
    expect(ctx.native).toEqual(["content_item.changed", "content_item.changed", "asset.changed"]);
    expect(channels).toEqual(["content_item.changed:preview", "content_item.changed:published", "asset.changed:preview"]);
    expect(ctx.unknown).toEqual([]);
  });

  it("handles legacy content_item_variant create and upsert, and lets accept filter on them (issue 16, case 2)", async () => {
    const receiver = createReceiver({ provider: kontent({ secret: SECRET, accept: { operation: ["create", "upsert"] } }) });
    const seen: string[] = [];
    receiver.on(["content_item_variant.create", "content_item_variant.upsert"], (event) => void seen.push(event.name));
    receiver.onContentCreate((event) => void seen.push(`${event.kind}:${event.channel}`));
    receiver.onContentUpdate((event) => void seen.push(`${event.kind}:${event.channel}`));
    for (const name of ["content_item_variant.create", "content_item_variant.upsert"] as const) {
      const body = JSON.stringify(kontentSamples[name]);
      const response = await receiver.handle({ method: "POST", headers: { "x-kc-signature": await signKontent(body, SECRET), "content-type": "application/json" }, body: Buffer.from(body) });
      expect(response.status).toBe(200);
    }
    expect(seen).toEqual(["content_item_variant.create", "content.create:management", "content_item_variant.upsert", "content.update:preview"]);
  });
});

describe("one malformed notification in a batch (issue 16, case 3)", () => {
  it("answers 200 and handles the valid notifications; the invalid one is reported with its path", async () => {
    const ctx = receiverFor([SECRET]);
    const broken = { ...kontentSamples["content_item.published"], data: { system: { id: "no-other-fields" } } };
    const body = JSON.stringify({ notifications: [kontentSamples["asset.deleted"], broken, kontentSamples["taxonomy.created"]] });
    const response = await handle(ctx, { "x-kontent-ai-signature": await signKontent(body, SECRET) }, body);
    expect(response.status).toBe(200);
    expect(ctx.native).toEqual(["asset.deleted", "taxonomy.created"]);
    expect(ctx.errors.map((e) => e.code)).toContain("invalid_event");
    expect(JSON.stringify(ctx.errors)).toMatch(/notifications.*1/);
  });
});

describe("a helper-signed delivery over a real HTTP server (node:http)", () => {
  let server: RunningServer;
  let ctx: ReturnType<typeof receiverFor>;
  beforeAll(async () => {
    server = await startServer((req, res) => void toNodeHandler(ctx.receiver)(req, res));
  });
  afterAll(() => server.close());

  for (const vector of SIGNATURE_VECTORS) {
    it(`${vector.source}: 200 over HTTP, handlers run`, async () => {
      ctx = receiverFor([vector.secret]);
      const result = await request(`${server.url}/hooks/kontent`, {
        headers: { "content-type": "application/json", "x-kontent-ai-signature": vector.signature },
        body: helperJson(vector.payload),
      });
      expect(result.status).toBe(200);
      expect(ctx.native).toEqual(vector.native);
    });
  }
});
