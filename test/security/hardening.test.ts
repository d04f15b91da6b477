/**
 * Regression tests for the findings of the adversarial review (issue 18):
 * each failed on the code before its fix.
 */
import { createReceiver, memoryDedupeStore, type HandoffEvent, type WebhookError } from "@cmshooks/core";
import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { kapost } from "@cmshooks/kapost";
import { kontent, signKontent, formatKontentJson, kontentSamples } from "@cmshooks/kontent";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, deleteKeys, requireRedis, uniquePrefix } from "../support/redis.js";
import { redisDedupeStore } from "@cmshooks/redis";
import { request, startServer, type RunningServer } from "../support/http.js";

const SECRET = "hardening-secret-0123456789";
const update = bloxSamples["editorial.update_asset"];
const updateBody = JSON.stringify(update);
const signedHeaders = async (body: string, extra: Record<string, string> = {}) => ({
  "content-type": "application/json",
  "x-hook-signature": await signBlox(body, SECRET),
  ...extra,
});

describe("1. the IP allowlist behind a proxy that writes only Forwarded", () => {
  let server: RunningServer;
  const seen: string[] = [];
  beforeAll(async () => {
    const receiver = createReceiver({
      provider: blox({ secret: SECRET }),
      allowIps: ["203.0.113.0/24"],
      trustProxy: ["127.0.0.0/8"],
      log: false,
    });
    receiver.on("editorial.update_asset", () => void seen.push("handled"));
    server = await startServer(toNodeHandler(receiver));
  });
  afterAll(() => server.close());

  it("refuses (403) a delivery whose client-added X-Forwarded-For disagrees with the proxy's Forwarded", async () => {
    const res = await request(`${server.url}/`, {
      method: "POST",
      headers: await signedHeaders(updateBody, { forwarded: "for=198.51.100.66", "x-forwarded-for": "203.0.113.10" }),
      body: updateBody,
    });
    expect(res.status).toBe(403);
    expect(seen).toEqual([]);
  });

  it("reads Forwarded when the receiver says its proxies write it", async () => {
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), allowIps: ["203.0.113.0/24"], trustProxy: ["127.0.0.0/8"], forwardedHeader: "forwarded", log: false });
    const local = await startServer(toNodeHandler(receiver));
    try {
      const allowed = await request(`${local.url}/`, { method: "POST", headers: await signedHeaders(updateBody, { forwarded: "for=203.0.113.10" }), body: updateBody });
      expect(allowed.status).toBe(200);
      // A client's own X-Forwarded-For through such a proxy is never believed.
      const forged = await request(`${local.url}/`, { method: "POST", headers: await signedHeaders(updateBody, { forwarded: "for=198.51.100.66", "x-forwarded-for": "203.0.113.10" }), body: updateBody });
      expect(forged.status).toBe(403);
    } finally {
      await local.close();
    }
  });

  it("refuses an unknown option-less setting of the header (a typo is a configuration error)", () => {
    expect(() => createReceiver({ provider: blox({ secret: SECRET }), trustProxy: 1, forwardedHeader: "x-real-ip" as never })).toThrow(/not valid/);
  });
});

describe("3. hops after a trusted proxy: ports stripped, garbage is an unknown client", () => {
  let server: RunningServer;
  beforeAll(async () => {
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), allowIps: ["127.0.0.1", "198.51.100.66", "2001:db8::66"], trustProxy: ["127.0.0.0/8"], log: false });
    server = await startServer(toNodeHandler(receiver));
  });
  afterAll(() => server.close());

  it.each([
    ["198.51.100.66:51234", 200],
    ["[2001:db8::66]:51234", 200],
    ["unknown", 403],
    ["198.51.100.66, garbage", 403],
  ])("X-Forwarded-For %s → %i (never the allowed proxy's own address)", async (xff, status) => {
    const res = await request(`${server.url}/`, { method: "POST", headers: await signedHeaders(updateBody, { "x-forwarded-for": xff }), body: updateBody });
    expect(res.status).toBe(status);
  });
});

describe("4. an allowlist that covers everything is no authenticity check", () => {
  it("refuses an unauthenticated receiver whose allowIps covers every address", () => {
    for (const allowIps of [["0.0.0.0/0", "::/0"], ["0.0.0.0/0"], ["::/0"], ["0.0.0.0/1", "128.0.0.0/1"]]) {
      expect(() => createReceiver({ provider: kapost({}), allowIps })).toThrow(/covers every address/);
    }
    // A real list still counts.
    expect(() => createReceiver({ provider: kapost({}), allowIps: ["203.0.113.0/24"] })).not.toThrow();
  });

  it("refuses an empty allowIps at construction instead of answering 403 to everyone", () => {
    expect(() => createReceiver({ provider: blox({ secret: SECRET }), allowIps: [] })).toThrow(/allowIps is empty/);
  });
});

describe("5. request values are never echoed", () => {
  it("answers 415 without the client's Content-Type, and reports it truncated and escaped", async () => {
    const errors: WebhookError[] = [];
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), log: false }).onError((e) => void errors.push(e));
    const evil = `multipart/form-data; <script>alert(1)</script>\r\nX-Injected: yes; ${"a".repeat(8_000)}`;
    const res = await receiver.handle({ method: "POST", headers: { "content-type": evil }, body: updateBody });
    expect(res.status).toBe(415);
    expect(res.body).not.toContain("script");
    expect(res.body).not.toContain("aaaa");
    expect(errors[0]!.message).not.toContain("script");
    const received = (errors[0] as unknown as { received: string }).received;
    expect(received.length).toBeLessThan(80);
    expect(received).not.toContain("\r");
    expect(received).toContain("\\r\\n");
  });
});

describe("6. the memory dedupe store never evicts a claim in progress", () => {
  it("runs a slow handler once although newer deliveries filled the store", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), dedupe: memoryDedupeStore({ maxEntries: 2 }), log: false });
    receiver.on("editorial.update_asset", async (event) => {
      if (event.payload.data.title === "slow") {
        runs++;
        await gate;
      }
    });
    const slowBody = JSON.stringify({ ...update, data: { ...update.data, title: "slow" } });
    const slow = receiver.handle({ method: "POST", headers: await signedHeaders(slowBody), body: slowBody });
    for (let i = 0; i < 3; i++) {
      const body = JSON.stringify({ ...update, data: { ...update.data, title: `quick ${i}` } });
      expect((await receiver.handle({ method: "POST", headers: await signedHeaders(body), body })).status).toBe(200);
    }
    // The sender retries the slow delivery while its handler still runs: it must not run again.
    const retry = await receiver.handle({ method: "POST", headers: await signedHeaders(slowBody), body: slowBody });
    expect(retry.status).toBe(503);
    release();
    expect((await slow).status).toBe(200);
    expect(runs).toBe(1);
  });

  it("answers 503 and says why when every entry is a claim in progress", async () => {
    const errors: WebhookError[] = [];
    const gates: (() => void)[] = [];
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), dedupe: memoryDedupeStore({ maxEntries: 1 }), log: false });
    receiver.on("editorial.update_asset", () => new Promise<void>((r) => gates.push(r)));
    receiver.onError((e) => void errors.push(e));
    const first = receiver.handle({ method: "POST", headers: await signedHeaders(updateBody), body: updateBody });
    const other = JSON.stringify({ ...update, data: { ...update.data, title: "other" } });
    const res = await receiver.handle({ method: "POST", headers: await signedHeaders(other), body: other });
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBeDefined();
    expect(String((errors[0]!.cause as Error).message)).toMatch(/full: all 1 entries are claims in progress/);
    gates.forEach((g) => g());
    expect((await first).status).toBe(200);
  });
});

describe("8. a payload's own __proto__ key never reaches handlers", () => {
  it("drops __proto__ while parsing, so copies of the payload gain no prototype", async () => {
    const body = `{"application":"editorial","event":"update_asset","data":{${JSON.stringify(update.data).slice(1, -1)},"__proto__":{"isAdmin":true}}}`;
    let copy: Record<string, unknown> | undefined;
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), log: false });
    receiver.on("editorial.update_asset", ({ payload }) => void (copy = Object.assign({}, payload.data)));
    const res = await receiver.handle({ method: "POST", headers: await signedHeaders(body), body });
    expect(res.status).toBe(200);
    expect(copy).toBeDefined();
    expect(copy!.isAdmin).toBeUndefined();
  });
});

describe("10. a signed body that cannot be serialised again is a 4xx, not a retry", () => {
  it("answers 400 when hand-off cannot write the events out (nested 200 000 deep)", async () => {
    const depth = 200_000;
    const body = `{"application":"editorial","event":"update_asset","data":{${JSON.stringify(update.data).slice(1, -1)},"deep":${"[".repeat(depth)}${"]".repeat(depth)}}}`;
    const enqueue = async (events: readonly HandoffEvent[]) => void JSON.stringify(events); // what BullMQ does with job data
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), handoff: { enqueue }, log: false });
    const res = await receiver.handle({ method: "POST", headers: await signedHeaders(body), body });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toBe("invalid_json");
  });
});

describe("11. header records are read through own properties only", () => {
  it("does not take a signature inherited from a polluted Object.prototype", async () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["x-hook-signature"] = await signBlox(updateBody, SECRET);
    try {
      const receiver = createReceiver({ provider: blox({ secret: SECRET }), log: false });
      const res = await receiver.handle({ method: "POST", headers: { "content-type": "application/json" }, body: updateBody });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body).error).toBe("signature_missing");
    } finally {
      delete proto["x-hook-signature"];
    }
  });
});

describe("2. a Kontent.ai batch whose notifications share a delivery id", () => {
  const KONTENT_SECRET = "kontent-hardening-secret";
  const one = kontentSamples["content_item.published"];
  const body = formatKontentJson({ notifications: [one, one] });

  async function deliver(dedupe: Parameters<typeof createReceiver>[0]["dedupe"]) {
    let handled = 0;
    const receiver = createReceiver({ provider: kontent({ secret: KONTENT_SECRET }), dedupe, log: false });
    receiver.on("content_item.published", () => void handled++);
    const headers = { "content-type": "application/json", "x-kontent-ai-signature": await signKontent(body, KONTENT_SECRET) };
    const first = await receiver.handle({ method: "POST", headers, body });
    const retry = await receiver.handle({ method: "POST", headers, body });
    return { first, retry, handled: () => handled };
  }

  it("is handled once (200), then answered as a duplicate, with the memory store", async () => {
    const { first, retry, handled } = await deliver(memoryDedupeStore());
    expect(first.status).toBe(200);
    expect(handled()).toBe(2); // both notifications ran under the one claim
    expect(retry.status).toBe(200);
    expect(JSON.parse(retry.body).duplicate).toBe(true);
    expect(handled()).toBe(2);
  });

  it("is handled once (200), then answered as a duplicate, with the Redis store", async () => {
    if (!(await requireRedis())) return;
    const client = await connectRedis();
    const prefix = uniquePrefix("hardening-batch");
    try {
      const { first, retry, handled } = await deliver(redisDedupeStore({ client, prefix }));
      expect(first.status).toBe(200);
      expect(handled()).toBe(2);
      expect(JSON.parse(retry.body).duplicate).toBe(true);
    } finally {
      await deleteKeys(client, prefix);
      client.disconnect();
    }
  });
});
