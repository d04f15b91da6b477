import { createReceiver, memoryDedupeStore, type WebhookError } from "@cmshooks/core";
import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";

const SECRET = "blox-secret-0123456789";
const OLD_SECRET = "blox-secret-previous";
const LIMIT = 1_048_576;

function makeReceiver() {
  const seen: string[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({ provider: blox({ secret: [SECRET, OLD_SECRET] }), maxBodyBytes: LIMIT });
  receiver.on("editorial.update_asset", ({ payload }) => {
    seen.push(`native:${payload.data.uuid}`);
    if (payload.data.title === "explode") throw new Error("handler exploded");
  });
  receiver.onContentPublish((event) => void seen.push(`publish:${event.items[0]?.id}`));
  receiver.onAny((event) => void (event.known ? undefined : seen.push(`unknown:${event.name}`)));
  receiver.onError((error) => void errors.push(error));
  return { receiver, seen, errors };
}

interface Case {
  name: string;
  status: number;
  code?: string;
  build(): Promise<{ method?: string; headers: Record<string, string>; body: string | Uint8Array }>;
  check?(result: { json: Record<string, unknown> }, ctx: ReturnType<typeof makeReceiver>): void;
}

const update = JSON.stringify(bloxSamples["editorial.update_asset"]);
const signed = async (body: string, secret = SECRET) => ({
  headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, secret) },
  body,
});

const cases: Case[] = [
  {
    name: "accepts a delivery signed with the current secret (200) and runs native and unified handlers",
    status: 200,
    build: () => signed(update),
    check: (_, { seen }) => expect(seen).toEqual([`native:${bloxSamples["editorial.update_asset"].data.uuid}`, `publish:${bloxSamples["editorial.update_asset"].data.uuid}`]),
  },
  { name: "accepts the second secret of the rotation list (200)", status: 200, build: () => signed(update, OLD_SECRET) },
  { name: "rejects a signature made with another secret (401)", status: 401, code: "signature_mismatch", build: () => signed(update, "another-secret") },
  {
    name: "rejects a signature of the wrong length (401)",
    status: 401,
    code: "signature_mismatch",
    build: async () => {
      const s = await signed(update);
      return { ...s, headers: { ...s.headers, "x-hook-signature": s.headers["x-hook-signature"].slice(0, 20) } };
    },
  },
  {
    name: "rejects a missing signature header (401)",
    status: 401,
    code: "signature_missing",
    build: async () => ({ headers: { "content-type": "application/json" }, body: update }),
  },
  {
    name: "rejects a body changed by one byte after signing (401)",
    status: 401,
    code: "signature_mismatch",
    build: async () => {
      const s = await signed(update);
      return { ...s, body: s.body.replace("2027", "2028") };
    },
  },
  {
    name: "rejects a form-encoded body (415)",
    status: 415,
    code: "unsupported_media_type",
    build: async () => ({ ...(await signed("a=1&b=2")), headers: { "content-type": "application/x-www-form-urlencoded", "x-hook-signature": await signBlox("a=1&b=2", SECRET) } }),
  },
  { name: "rejects broken JSON (400)", status: 400, code: "invalid_json", build: () => signed('{"application":"editorial",') },
  { name: "rejects an empty body (400)", status: 400, code: "empty_body", build: () => signed("") },
  {
    name: "rejects JSON missing a required field (422) and lists the failing path",
    status: 422,
    code: "invalid_payload",
    build: () => {
      const { uuid: _uuid, ...data } = bloxSamples["editorial.update_asset"].data;
      return signed(JSON.stringify({ ...bloxSamples["editorial.update_asset"], data }));
    },
    check: ({ json }) => expect(json.issues).toEqual([expect.objectContaining({ path: ["data", "uuid"] })]),
  },
  {
    name: "rejects a broken envelope (422) with its path",
    status: 422,
    build: () => signed(JSON.stringify({ application: "editorial", data: {} })),
    check: ({ json }) => expect(json.issues).toEqual([expect.objectContaining({ path: ["event"] })]),
  },
  {
    name: "acknowledges an unknown event with a valid envelope (200) and shows it to onAny",
    status: 200,
    build: () => signed(JSON.stringify({ application: "notifier", event: "post", data: { id: 1 } })),
    check: (_, { seen }) => expect(seen).toEqual(["unknown:notifier.post"]),
  },
  {
    name: "answers 500 when a handler throws, and reports it to onError",
    status: 500,
    code: "handler_failed",
    build: () => signed(JSON.stringify({ ...bloxSamples["editorial.update_asset"], data: { ...bloxSamples["editorial.update_asset"].data, title: "explode" } })),
    check: (_, { errors }) => expect(errors.map((e) => [e.status, e.code, (e.cause as Error).message])).toEqual([[500, "handler_failed", "handler exploded"]]),
  },
  { name: "rejects GET (405)", status: 405, code: "method_not_allowed", build: async () => ({ method: "GET", headers: {}, body: "" }) },
];

describe("BLOX end to end through node:http", () => {
  let server: RunningServer;
  let ctx: ReturnType<typeof makeReceiver>;
  beforeAll(async () => {
    server = await startServer((req, res) => void toNodeHandler(ctx.receiver)(req, res));
  });
  afterAll(() => server.close());

  for (const c of cases) {
    it(c.name, async () => {
      ctx = makeReceiver();
      const { method, headers, body } = await c.build();
      const result = await request(`${server.url}/hooks/blox`, { method: method ?? "POST", headers, ...(method === "GET" ? {} : { body }) });
      expect(result.status).toBe(c.status);
      if (c.code) expect(result.json.error).toBe(c.code);
      c.check?.(result, ctx);
    });
  }

  it("answers 413 to a 5 MB body against a 1 MiB limit, and still answers the next request", async () => {
    ctx = makeReceiver();
    const huge = "x".repeat(5 * 1024 * 1024);
    const result = await request(`${server.url}/hooks/blox`, { headers: { "content-type": "application/json", "x-hook-signature": await signBlox(huge, SECRET) }, body: huge });
    expect(result.status).toBe(413);
    expect(result.json.error).toBe("body_too_large");
    const next = await request(`${server.url}/hooks/blox`, await signed(update));
    expect(next.status).toBe(200);
  });

  it("answers 413 to a chunked body without Content-Length once it passes the limit", async () => {
    ctx = makeReceiver();
    const huge = "y".repeat(3 * 1024 * 1024);
    const result = await request(`${server.url}/hooks/blox`, {
      headers: { "content-type": "application/json", "x-hook-signature": await signBlox(huge, SECRET) },
      body: huge,
      chunked: true,
    });
    expect(result.status).toBe(413);
    expect(ctx.seen).toEqual([]);
  });

  it("never echoes the expected signature in an error body", async () => {
    ctx = makeReceiver();
    const expected = await signBlox(update, SECRET);
    const result = await request(`${server.url}/hooks/blox`, await signed(update, "wrong"));
    expect(result.status).toBe(401);
    expect(result.text).not.toContain(expected);
  });
});

describe("BLOX end to end through receiver.fetch", () => {
  for (const c of cases) {
    it(`${c.name} — same status via fetch`, async () => {
      const ctx = makeReceiver();
      const { method, headers, body } = await c.build();
      const response = await ctx.receiver.fetch(
        new Request("http://127.0.0.1/hooks/blox", { method: method ?? "POST", headers, ...(method === "GET" ? {} : { body: body as BodyInit }) }),
      );
      expect(response.status).toBe(c.status);
      const json = (await response.json()) as Record<string, unknown>;
      if (c.code) expect(json.error).toBe(c.code);
      c.check?.({ json }, ctx);
    });
  }

  it("answers 413 to an oversized streamed body via fetch", async () => {
    const { receiver } = makeReceiver();
    const huge = "x".repeat(5 * 1024 * 1024);
    const response = await receiver.fetch(new Request("http://127.0.0.1/", { method: "POST", body: huge, headers: { "x-hook-signature": "x" } }));
    expect(response.status).toBe(413);
  });
});

describe("receiver options", () => {
  it("refuses to create a receiver without any authenticity check unless told explicitly", async () => {
    const { defineProvider, z } = await import("./support/unsigned-provider.js");
    expect(() => createReceiver({ provider: defineProvider() })).toThrow(/no authenticity check/);
    expect(() => createReceiver({ provider: defineProvider(), allowUnauthenticated: true })).not.toThrow();
    void z;
  });

  it("refuses an empty secret at construction", () => {
    expect(() => blox({ secret: "" })).toThrow(/empty/);
    expect(() => blox({ secret: [] })).toThrow("blox: `secret` is required");
  });

  it("refuses to listen to an event the vendor does not have", () => {
    const { receiver } = makeReceiver();
    // @ts-expect-error — a misspelt event name does not compile
    expect(() => receiver.on("editorial.updte_asset", () => {})).toThrow(/no event "editorial.updte_asset"/);
  });

  it("answers 200 without running handlers for a delivery it already handled (dedupe)", async () => {
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), dedupe: memoryDedupeStore() });
    let runs = 0;
    receiver.on("editorial.update_asset", () => void runs++);
    const s = await signed(update);
    const first = await receiver.handle({ method: "POST", headers: s.headers, body: s.body });
    const second = await receiver.handle({ method: "POST", headers: s.headers, body: s.body });
    expect([first.status, second.status, runs]).toEqual([200, 200, 1]);
    expect(JSON.parse(second.body)).toEqual({ ok: true, duplicate: true });
  });

  it("answers 403 before reading the body when the source address is not allowed", async () => {
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), allowIps: ["10.0.0.0/8"] });
    let read = false;
    const s = await signed(update);
    const result = await receiver.handle({
      method: "POST",
      headers: s.headers,
      ip: "192.0.2.1",
      body: async () => {
        read = true;
        return new TextEncoder().encode(s.body);
      },
    });
    expect([result.status, read]).toEqual([403, false]);
  });
});
