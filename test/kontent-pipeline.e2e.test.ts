import { createReceiver, EventWarning, HandlerError, memoryDedupeStore, type WebhookError } from "@cmshooks/core";
import {
  formatKontentJson,
  kontent,
  kontentEvents,
  kontentOutboundIps,
  kontentSamples,
  signKontent,
  type KontentEventName,
  type KontentOptions,
} from "@cmshooks/kontent";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { documentedExamples, verbatimLegacyWorkflowExample } from "../packages/kontent/src/fixtures/documented-examples.js";
import { request, startServer, type RunningServer } from "./support/http.js";

const SECRET = "kontent-webhook-secret-0123456789";
const vectorSecrets = documentedExamples.flatMap((e) => (e.vector ? [e.vector.secret] : []));
const ALL_EVENTS = Object.keys(kontentEvents) as KontentEventName[];

function makeReceiver(options: Partial<KontentOptions> = {}) {
  const seen: string[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({ provider: kontent({ secret: [SECRET, ...vectorSecrets], ...options }) });
  receiver.on(ALL_EVENTS, (event) => void seen.push(`native:${event.name}`));
  receiver.onContentCreate((e) => void seen.push(`unified:${e.kind}`));
  receiver.onContentUpdate((e) => void seen.push(`unified:${e.kind}`));
  receiver.onContentPublish((e) => void seen.push(`unified:${e.kind}`));
  receiver.onContentUnpublish((e) => void seen.push(`unified:${e.kind}`));
  receiver.onContentDelete((e) => void seen.push(`unified:${e.kind}`));
  receiver.onContentRestore((e) => void seen.push(`unified:${e.kind}`));
  receiver.onWorkflowChange((e) => void seen.push(`unified:${e.kind}`));
  receiver.onTaxonomyChange((e) => void seen.push(`unified:${e.kind}`));
  receiver.onAny((e) => void (e.known ? undefined : seen.push(`unknown:${e.name}`)));
  receiver.onError((error) => void errors.push(error));
  return { receiver, seen, errors };
}

type Ctx = ReturnType<typeof makeReceiver>;
let server: RunningServer;
let ctx: Ctx;

beforeAll(async () => {
  server = await startServer((req, res) => void toNodeHandler(ctx.receiver)(req, res));
});
afterAll(() => server.close());

const post = (headers: Record<string, string>, body: string) =>
  request(`${server.url}/hooks/kontent`, { headers: { "content-type": "application/json", ...headers }, body });

async function signed(body: string, header = "x-kontent-ai-signature", secret = SECRET) {
  return { [header]: await signKontent(body, secret) };
}

describe("Kontent.ai: every documented example over node:http", () => {
  for (const example of documentedExamples) {
    const body = formatKontentJson(example.body);
    for (const header of ["x-kontent-ai-signature", "x-kc-signature"]) {
      it(`${example.title}: 200 with the signature in ${header}, reaching ${example.native.join(", ")} and ${example.unified.join(", ")}`, async () => {
        ctx = makeReceiver();
        const signature = example.vector ? example.vector.signature : await signKontent(body, SECRET);
        const result = await post({ [header]: signature }, body);
        expect(result.status).toBe(200);
        expect(ctx.seen.filter((s) => s.startsWith("native:"))).toEqual(example.native.map((n) => `native:${n}`));
        expect(ctx.seen.filter((s) => s.startsWith("unified:"))).toEqual(example.unified.map((u) => `unified:${u}`));
        expect(ctx.errors).toEqual([]);
      });
    }
  }

  it("answers 422 to the verbatim README workflow example: workflow items under a taxonomy.upsert message", async () => {
    ctx = makeReceiver();
    const body = formatKontentJson(verbatimLegacyWorkflowExample);
    const result = await post(await signed(body), body);
    expect(result.status).toBe(422);
    expect(result.json.event).toBe("taxonomy.upsert");
    expect(result.json.issues).toContainEqual(expect.objectContaining({ path: ["data", "items", 0, "id"] }));
    expect(ctx.seen).toEqual([]);
  });
});

describe("Kontent.ai: authenticity (401)", () => {
  const formats = {
    legacy: formatKontentJson(kontentSamples["content_item_variant.publish"]),
    current: formatKontentJson({ notifications: [kontentSamples["content_item.published"]] }),
  };
  for (const [format, body] of Object.entries(formats)) {
    const header = format === "legacy" ? "x-kc-signature" : "x-kontent-ai-signature";
    const cases: [string, string, () => Promise<[Record<string, string>, string]>][] = [
      ["a body changed after signing", "signature_mismatch", async () => [await signed(body, header), body.replace("published", "publishes")]],
      ["a signature made with another secret", "signature_mismatch", async () => [await signed(body, header, "another-secret"), body]],
      ["a missing signature header", "signature_missing", async () => [{}, body]],
      ["a truncated signature", "signature_mismatch", async () => [{ [header]: (await signKontent(body, SECRET)).slice(0, 12) }, body]],
    ];
    for (const [what, code, build] of cases) {
      it(`rejects ${what} (${format} format) with 401 ${code} and runs nothing`, async () => {
        ctx = makeReceiver();
        const [headers, sent] = await build();
        const result = await post(headers, sent);
        expect([result.status, result.json.error]).toEqual([401, code]);
        expect(ctx.seen).toEqual([]);
        expect(result.text).not.toContain(await signKontent(body, SECRET));
      });
    }
  }

  it("accepts a CRLF-signed body that arrives with LF line ends, as helper v4 reads Kontent.ai (exact bytes first, then normalised)", async () => {
    ctx = makeReceiver();
    const body = formatKontentJson({ notifications: [kontentSamples["content_item.published"]] });
    const result = await post(await signed(body), body.replace(/\r\n/g, "\n"));
    expect(result.status).toBe(200);
    expect(ctx.seen).toContain("native:content_item.published");
  });

  it("rejects that LF body (401 signature_mismatch) with normalizeLineBreaks: false", async () => {
    ctx = makeReceiver({ normalizeLineBreaks: false });
    const body = formatKontentJson(kontentSamples["content_item_variant.publish"]);
    const result = await post(await signed(body, "x-kc-signature"), body.replace(/\r\n/g, "\n"));
    expect([result.status, result.json.error]).toEqual([401, "signature_mismatch"]);
    expect(ctx.seen).toEqual([]);
  });

  it("answers 403 to a source outside kontent.outboundIps, before any handler", async () => {
    expect(kontent.outboundIps).toBe(kontentOutboundIps);
    expect(kontentOutboundIps).toHaveLength(8);
    const receiver = createReceiver({ provider: kontent({ secret: SECRET }), allowIps: kontent.outboundIps });
    const body = formatKontentJson(kontentSamples["content_item_variant.publish"]);
    const local = await receiver.handle({ method: "POST", headers: { ...(await signed(body)), "content-type": "application/json" }, body, ip: "127.0.0.1" });
    const kontentIp = await receiver.handle({ method: "POST", headers: { ...(await signed(body)), "content-type": "application/json" }, body, ip: "104.47.161.68" });
    expect([local.status, kontentIp.status]).toEqual([403, 200]);
  });
});

describe("Kontent.ai: a batch of notifications", () => {
  const batch = {
    notifications: [kontentSamples["content_item.published"], kontentSamples["taxonomy.term_created"], kontentSamples["asset.deleted"]],
  };
  const body = formatKontentJson(batch);

  function batchReceiver(failOn?: string) {
    const calls: string[] = [];
    const errors: WebhookError[] = [];
    const receiver = createReceiver({ provider: kontent({ secret: SECRET }) });
    receiver.on("content_item.published", ({ payload, index }) => {
      calls.push(`${index}:published:${payload.data.system.workflow_step}:${payload.message.delivery_slot}`);
    });
    receiver.on("taxonomy.term_created", ({ payload, index }) => {
      calls.push(`${index}:term_created:${payload.data.system.codename}`);
      if (failOn === "taxonomy.term_created") throw new Error("search index unavailable");
    });
    receiver.on("asset.deleted", ({ payload, index }) => void calls.push(`${index}:asset_deleted:${payload.data.system.name}`));
    receiver.onError((error) => void errors.push(error));
    return { receiver, calls, errors, seen: [] as string[] };
  }

  it("runs one handler per notification, each with its own payload and index (200)", async () => {
    const b = batchReceiver();
    ctx = b as unknown as Ctx;
    const result = await post(await signed(body), body);
    expect(result.status).toBe(200);
    expect(b.calls).toEqual(["0:published:published:published", "1:term_created:personas", "2:asset_deleted:hero-banner.jpg"]);
  });

  it("answers 500 when one notification's handler fails, still runs the others, and tells onError which one", async () => {
    const b = batchReceiver("taxonomy.term_created");
    ctx = b as unknown as Ctx;
    const result = await post(await signed(body), body);
    expect(result.status).toBe(500);
    expect(result.json).toEqual({ error: "handler_failed", event: "taxonomy.term_created", index: 1 });
    expect(b.calls).toHaveLength(3);
    expect(b.errors).toHaveLength(1);
    const [error] = b.errors;
    expect(error).toBeInstanceOf(HandlerError);
    expect([(error as HandlerError).event, (error as HandlerError).index, (error!.cause as Error).message]).toEqual([
      "taxonomy.term_created",
      1,
      "search index unavailable",
    ]);
  });

  it("handles the valid notifications of a batch with one malformed one (200), and reports the malformed one with its path", async () => {
    ctx = makeReceiver();
    const broken = { notifications: [batch.notifications[0], { ...batch.notifications[2], data: { system: { id: "x" } } }] };
    const text = formatKontentJson(broken);
    const result = await post(await signed(text), text);
    expect(result.status).toBe(200);
    expect(ctx.seen.length).toBeGreaterThan(0);
    const warning = ctx.errors.find((e) => e.code === "invalid_event") as EventWarning;
    expect(warning).toBeInstanceOf(EventWarning);
    expect(warning.index).toBe(1);
    expect(warning.issues.map((i) => i.path)).toContainEqual(["notifications", 1, "data", "system", "name"]);
  });

  it("still answers 422 when every notification of a batch is malformed (nothing could run)", async () => {
    ctx = makeReceiver();
    const broken = { notifications: [{ ...batch.notifications[2], data: { system: { id: "x" } } }] };
    const text = formatKontentJson(broken);
    const result = await post(await signed(text), text);
    expect(result.status).toBe(422);
    expect(ctx.seen).toEqual([]);
  });

  it("handles each notification once when the same batch is delivered again (derived dedupe keys)", async () => {
    const receiver = createReceiver({ provider: kontent({ secret: SECRET }), dedupe: memoryDedupeStore() });
    const runs: string[] = [];
    receiver.on(["content_item.published", "taxonomy.term_created", "asset.deleted"], (event) => void runs.push(`${event.name}:${event.deliveryId.split(":")[1]}`));
    const headers = { ...(await signed(body)), "content-type": "application/json" };
    const first = await receiver.handle({ method: "POST", headers, body });
    const retry = await receiver.handle({ method: "POST", headers, body });
    expect([first.status, retry.status, JSON.parse(retry.body)]).toEqual([200, 200, { ok: true, duplicate: true }]);
    expect(runs).toEqual(["content_item.published:content_item", "taxonomy.term_created:taxonomy", "asset.deleted:asset"]);
  });
});

describe("Kontent.ai: X-KC-Message-* headers", () => {
  const publish = kontentSamples["content_item_variant.publish"];
  const body = formatKontentJson(publish);
  const messageHeaders = (overrides: Record<string, string> = {}) => ({
    "X-KC-Message-Id": publish.message.id,
    "X-KC-Message-Type": publish.message.type,
    "X-KC-Message-Operation": publish.message.operation,
    "X-KC-Message-Api-Name": publish.message.api_name,
    "X-KC-Message-Project-Id": publish.message.project_id,
    "X-KC-Message-Created-Timestamp": publish.message.created_timestamp,
    "X-KC-Message-Webhook-Url": publish.message.webhook_url,
    ...overrides,
  });

  afterEach(() => vi.restoreAllMocks());

  it("gives every native and unified event the parsed header meta", async () => {
    const receiver = createReceiver({ provider: kontent({ secret: SECRET }) });
    const metas: unknown[] = [];
    receiver.on("content_item_variant.publish", ({ meta }) => void metas.push(meta));
    receiver.onContentPublish(({ meta }) => void metas.push(meta));
    ctx = { receiver, seen: [], errors: [] } as unknown as Ctx;
    const result = await post({ ...(await signed(body, "x-kc-signature")), ...messageHeaders() }, body);
    expect(result.status).toBe(200);
    const expected = {
      id: publish.message.id,
      type: "content_item_variant",
      operation: "publish",
      apiName: "delivery_production",
      projectId: publish.message.project_id,
      createdTimestamp: publish.message.created_timestamp,
      webhookUrl: publish.message.webhook_url,
    };
    expect(metas).toEqual([expected, expected]);
  });

  it("acknowledges a delivery the accept filter rejects on its headers with 200, without JSON.parse or handlers", async () => {
    const preview = formatKontentJson({ ...publish, message: { ...publish.message, api_name: "delivery_preview" } });
    const headers = { "content-type": "application/json", ...(await signed(preview, "x-kc-signature")), ...messageHeaders({ "X-KC-Message-Api-Name": "delivery_preview" }) };
    const parsedBodies = async (options: Partial<KontentOptions>) => {
      const { receiver, seen } = makeReceiver(options);
      const parse = vi.spyOn(JSON, "parse");
      const result = await receiver.handle({ method: "POST", headers: new Headers(headers), body: preview });
      const calls = parse.mock.calls.filter(([text]) => text === preview).length;
      parse.mockRestore();
      return { result, seen, calls };
    };
    // Control: without the filter the same delivery is parsed once and handled.
    const unfiltered = await parsedBodies({});
    expect([unfiltered.result.status, unfiltered.calls, unfiltered.seen]).toEqual([200, 1, ["native:content_item_variant.publish", "unified:content.publish"]]);

    const filtered = await parsedBodies({ accept: { apiName: ["delivery_production"], type: ["content_item_variant"] } });
    expect([filtered.result.status, JSON.parse(filtered.result.body), filtered.calls, filtered.seen]).toEqual([200, { ok: true, ignored: true }, 0, []]);
  });

  it("filters over real HTTP too: the filtered body never reaches JSON.parse", async () => {
    ctx = makeReceiver({ accept: { type: ["taxonomy"] } });
    const parse = vi.spyOn(JSON, "parse");
    const result = await post({ ...(await signed(body, "x-kc-signature")), ...messageHeaders() }, body);
    const parsedTexts = parse.mock.calls.map(([text]) => text);
    parse.mockRestore();
    expect([result.status, result.json]).toEqual([200, { ok: true, ignored: true }]);
    expect(parsedTexts).not.toContain(body);
    expect(ctx.seen).toEqual([]);
  });

  it("still checks the signature first: a filtered-out delivery with a bad signature is a 401", async () => {
    ctx = makeReceiver({ accept: { type: ["taxonomy"] } });
    const result = await post({ "x-kc-signature": await signKontent(body, "wrong"), ...messageHeaders() }, body);
    expect([result.status, result.json.error]).toEqual([401, "signature_mismatch"]);
  });

  it("runs handlers for a delivery the filter accepts", async () => {
    ctx = makeReceiver({ accept: { apiName: ["delivery_production"], type: ["content_item_variant"] } });
    const result = await post({ ...(await signed(body, "x-kc-signature")), ...messageHeaders() }, body);
    expect(result.status).toBe(200);
    expect(ctx.seen).toEqual(["native:content_item_variant.publish", "unified:content.publish"]);
  });

  it("lets the body win when headers disagree, and reports a warning to onError", async () => {
    ctx = makeReceiver();
    const result = await post({ ...(await signed(body, "x-kc-signature")), ...messageHeaders({ "X-KC-Message-Operation": "unpublish" }) }, body);
    expect(result.status).toBe(200);
    expect(ctx.seen).toEqual(["native:content_item_variant.publish", "unified:content.publish"]);
    expect(ctx.errors.map((e) => [e.level, e.code, e.message])).toEqual([
      [
        "warning",
        "header_mismatch",
        'Kontent.ai headers and body disagree (the body wins): X-KC-Message-Operation is "unpublish" but message.operation is "publish"',
      ],
    ]);
  });

  it("does not let headers sneak in a body the filter rejects: the body's message is checked too", async () => {
    ctx = makeReceiver({ accept: { apiName: ["delivery_preview"] } });
    const result = await post({ ...(await signed(body, "x-kc-signature")), ...messageHeaders({ "X-KC-Message-Api-Name": "delivery_preview" }) }, body);
    expect(result.status).toBe(200);
    expect(ctx.seen).toEqual([]);
    expect(ctx.errors.map((e) => e.code)).toEqual(["header_mismatch"]);
  });
});

describe("Kontent.ai: unknown and malformed deliveries", () => {
  it("acknowledges an unlisted type/operation pair with a valid envelope (200) and shows it to onAny", async () => {
    ctx = makeReceiver();
    const publish = kontentSamples["content_item_variant.publish"];
    const body = formatKontentJson({ ...publish, message: { ...publish.message, type: "sitemap", operation: "upsert" } });
    const result = await post(await signed(body), body);
    expect(result.status).toBe(200);
    expect(ctx.seen).toEqual(["unknown:sitemap.upsert"]);
  });

  it("acknowledges a notification of an object type it does not know yet, next to known ones", async () => {
    ctx = makeReceiver();
    const body = formatKontentJson({
      notifications: [
        kontentSamples["asset.deleted"],
        { data: { system: { id: "c1" } }, message: { environment_id: "e", object_type: "collection", action: "created", delivery_slot: "published" } },
      ],
    });
    const result = await post(await signed(body), body);
    expect(result.status).toBe(200);
    expect(ctx.seen).toEqual(["native:asset.deleted", "unified:content.delete", "unknown:collection.created"]);
  });

  it("answers 422 to JSON that is neither format, and 400 to broken JSON", async () => {
    ctx = makeReceiver();
    const other = JSON.stringify({ event: "publish" });
    const broken = '{"notifications": [';
    const [a, b] = [await post(await signed(other), other), await post(await signed(broken), broken)];
    expect([a.status, a.json.error, b.status, b.json.error]).toEqual([422, "invalid_payload", 400, "invalid_json"]);
  });
});
