/**
 * Never silent: what a receiver writes to its log, with no configuration
 * (console), with a pino logger, and under a flood.
 */
import { Writable } from "node:stream";
import { createReceiver, memoryDedupeStore, type Logger } from "@cmshooks/core";
import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { basicAuth } from "@cmshooks/core";
import { kapost } from "@cmshooks/kapost";
import { toNodeHandler } from "@cmshooks/node";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { request, startServer } from "../support/http.js";

const SECRET = "logging-secret-0123456789";
const body = JSON.stringify(bloxSamples["editorial.update_asset"]);
const headers = async (b = body, secret = SECRET) => ({ "content-type": "application/json", "x-hook-signature": await signBlox(b, secret) });

/** A real pino logger writing JSON lines into an array. */
function pinoLines(level = "debug") {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

/** Records what a console-shaped logger is given (console itself is observed the same way below). */
function recordingLogger() {
  const calls: { level: string; args: unknown[] }[] = [];
  const logger: Logger = {
    error: (...args: unknown[]) => void calls.push({ level: "error", args }),
    warn: (...args: unknown[]) => void calls.push({ level: "warn", args }),
    info: (...args: unknown[]) => void calls.push({ level: "info", args }),
    debug: (...args: unknown[]) => void calls.push({ level: "debug", args }),
  };
  return { logger, calls };
}

afterEach(() => vi.restoreAllMocks());

describe("with no onError and no log: console", () => {
  it("writes a handler failure once to console.error, with vendor, event, delivery id and the error's stack", async () => {
    const written: unknown[][] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void written.push(args));
    const receiver = createReceiver({ provider: blox({ secret: SECRET }) });
    receiver.on("editorial.update_asset", () => {
      throw new Error("boom: database down");
    });
    const res = await receiver.handle({ method: "POST", headers: await headers(), body });
    expect(res.status).toBe(500);
    expect(written).toHaveLength(1);
    const [message, fields] = written[0] as [string, Record<string, unknown>];
    expect(message).toContain("blox");
    expect(message).toContain("boom: database down");
    expect(fields).toMatchObject({ vendor: "blox", event: "editorial.update_asset", status: 500, code: "handler_failed" });
    expect(typeof fields.deliveryId).toBe("string");
    expect((fields.err as Error).stack).toContain("boom: database down");
  });

  it("writes rejections at warn level, with a hint", async () => {
    const warned: unknown[][] = [];
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warned.push(args));
    const receiver = createReceiver({ provider: blox({ secret: SECRET }) });
    const res = await receiver.handle({ method: "POST", headers: await headers(body, "rotated-away"), body, ip: "192.0.2.7" });
    expect(res.status).toBe(401);
    expect(warned).toHaveLength(1);
    const fields = warned[0]![1] as Record<string, unknown>;
    expect(fields).toMatchObject({ vendor: "blox", status: 401, code: "signature_mismatch", ip: "192.0.2.7" });
    expect(String(fields.hint)).toMatch(/secret/);
  });

  it("stays quiet on console once the app registered onError (it took the reports)", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const seen: string[] = [];
    const receiver = createReceiver({ provider: blox({ secret: SECRET }) }).onError((e) => void seen.push(e.code));
    receiver.on("editorial.update_asset", () => {
      throw new Error("boom");
    });
    await receiver.handle({ method: "POST", headers: await headers(), body });
    expect(seen).toEqual(["handler_failed"]);
    expect(spy).not.toHaveBeenCalled();
  });

  it("log: false silences everything", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), log: false });
    receiver.on("editorial.update_asset", () => {
      throw new Error("boom");
    });
    await receiver.handle({ method: "POST", headers: await headers(), body });
    await receiver.handle({ method: "POST", headers: await headers(body, "wrong"), body });
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it("refuses a log option that is not a logger", () => {
    expect(() => createReceiver({ provider: blox({ secret: SECRET }), log: "debug" as never })).toThrow(/log must be a logger/);
  });
});

describe("a pino logger", () => {
  it("receives structured lines (object first) for failures, rejections and unknown events", async () => {
    const { logger, lines } = pinoLines();
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), log: logger, dedupe: memoryDedupeStore() });
    receiver.on("editorial.update_asset", () => {
      throw new Error("boom: database down");
    });
    await receiver.handle({ method: "POST", headers: await headers(), body, ip: "198.51.100.4" });
    const unknown = JSON.stringify({ ...bloxSamples["editorial.update_asset"], event: "brand_new_event" });
    const ack = await receiver.handle({ method: "POST", headers: await headers(unknown), body: unknown });
    expect(ack.status).toBe(200);
    await receiver.handle({ method: "POST", headers: { "content-type": "text/html" }, body });

    const failure = lines.find((l) => l.code === "handler_failed")!;
    expect(failure).toMatchObject({ level: 50, vendor: "blox", event: "editorial.update_asset", status: 500, ip: "198.51.100.4" });
    expect(String(failure.msg)).toContain("boom: database down");
    expect(String((failure.err as { stack: string }).stack)).toContain("boom: database down");
    const warning = lines.find((l) => l.code === "unknown_event")!;
    expect(warning).toMatchObject({ level: 40, vendor: "blox" });
    expect(String(warning.msg)).toContain("brand_new_event");
    expect(lines.find((l) => l.code === "unsupported_media_type")).toMatchObject({ level: 40, status: 415 });
  });

  it("never logs a secret, a signature, credentials or the body", async () => {
    const { logger, lines } = pinoLines("debug");
    const password = "kapost-password-do-not-log";
    const receiver = createReceiver({ provider: kapost({ auth: basicAuth({ username: "cms", password }) }), log: logger });
    const wrong = `Basic ${Buffer.from(`cms:${password}x`).toString("base64")}`;
    await receiver.handle({ method: "POST", headers: { "content-type": "application/json", authorization: wrong }, body: '{"secret-body-marker":1}' });
    const bloxReceiver = createReceiver({ provider: blox({ secret: SECRET }), log: logger });
    const signature = await signBlox(body, "another-secret");
    await bloxReceiver.handle({ method: "POST", headers: { "content-type": "application/json", "x-hook-signature": signature }, body });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(lines);
    for (const secret of [password, wrong, signature, SECRET, "secret-body-marker", Buffer.from(`cms:${password}x`).toString("base64")]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("an event no handler listens to", () => {
  it("is acknowledged and reported once per event name, with the listeners that would take it", async () => {
    const { logger, lines } = pinoLines("debug");
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), log: logger });
    const published: unknown[] = [];
    receiver.onContentPublish((event) => void published.push(event.nativeEvent));
    const reported: { code: string; event?: string; hint?: string }[] = [];
    receiver.onError((error) => void reported.push({ code: error.code, event: (error as { event?: string }).event, hint: error.hint }));

    // A BLOX update of an unpublished asset maps to content.update only: nobody listens to that.
    const draft = JSON.stringify({ ...bloxSamples["editorial.update_asset"], data: { ...bloxSamples["editorial.update_asset"].data, published: "no" } });
    for (let i = 0; i < 3; i++) {
      const response = await receiver.handle({ method: "POST", headers: await headers(draft), body: draft });
      expect(response.status).toBe(200);
    }
    expect(published).toEqual([]);
    expect(reported).toEqual([
      {
        code: "unhandled_event",
        event: "editorial.update_asset",
        hint: 'Listen with receiver.on("editorial.update_asset"), receiver.onContentUpdate() or receiver.onAny(); a receiver that means to ignore it can leave it so.',
      },
    ]);
    expect(lines.filter((l) => l.code === "unhandled_event")).toMatchObject([{ level: 40, vendor: "blox", event: "editorial.update_asset" }]);

    // A handler took the published one: nothing more is reported.
    const live = await receiver.handle({ method: "POST", headers: await headers(), body });
    expect(live.status).toBe(200);
    expect(published).toEqual(["editorial.update_asset"]);
    expect(reported).toHaveLength(1);
  });

  it("is not reported when onAny listens", async () => {
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), log: false });
    const reported: string[] = [];
    receiver.onError((error) => void reported.push(error.code));
    receiver.onAny(() => undefined);
    expect((await receiver.handle({ method: "POST", headers: await headers(), body })).status).toBe(200);
    expect(reported).toEqual([]);
  });
});

describe("flood control", () => {
  it("writes at most one line per reason per second, then says how many it dropped", async () => {
    const { logger, calls } = recordingLogger();
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), log: logger });
    const bad = await headers(body, "scanner-guess");
    for (let i = 0; i < 50; i++) await receiver.handle({ method: "POST", headers: bad, body });
    // Another reason is not held back by the first.
    await receiver.handle({ method: "GET", headers: {}, body: "" });
    expect(calls.map((c) => (c.args[1] as { code: string }).code)).toEqual(["signature_mismatch", "method_not_allowed"]);
    await new Promise((r) => setTimeout(r, 1_050));
    await receiver.handle({ method: "POST", headers: bad, body });
    expect(calls).toHaveLength(3);
    expect(calls[2]!.args[1]).toMatchObject({ code: "signature_mismatch", suppressed: 49 });
  });
});

describe("over HTTP", () => {
  it("logs the 403 of a proxied delivery with a hint to set trustProxy", async () => {
    const { logger, calls } = recordingLogger();
    const receiver = createReceiver({ provider: blox({ secret: SECRET }), allowIps: ["203.0.113.0/24"], log: logger });
    const server = await startServer(toNodeHandler(receiver));
    try {
      const res = await request(`${server.url}/`, { method: "POST", headers: { ...(await headers()), "x-forwarded-for": "203.0.113.9" }, body });
      expect(res.status).toBe(403);
      expect(String((calls[0]!.args[1] as { hint: string }).hint)).toMatch(/trustProxy/);
      expect(res.text).not.toMatch(/trustProxy/); // hints are for the operator, not the client
    } finally {
      await server.close();
    }
  });
});
