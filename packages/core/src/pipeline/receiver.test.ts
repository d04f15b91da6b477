import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Authenticator } from "../auth/authenticator.js";
import { secretHeader } from "../auth/secret-header.js";
import { makeCreateReceiver } from "../create-receiver.js";
import { nodeCryptoEngine } from "../crypto/node-crypto.js";
import { webCryptoEngine } from "../crypto/web-crypto.js";
import type { DedupeStore } from "../dedupe/dedupe-store.js";
import { memoryDedupeStore } from "../dedupe/memory-store.js";
import { HandlerError, UnauthorizedError, type WebhookError } from "../errors.js";
import { defineEvent, defineProvider } from "../provider.js";
import { UNIFIED_KINDS, type UnifiedEventInit } from "../unified-events.js";
import type { HandoffEvent, ReceiverOptions } from "./receiver.js";

const createReceiver = makeCreateReceiver(nodeCryptoEngine);
const sha256 = (text: string) => nodeCryptoEngine.sha256Hex(new TextEncoder().encode(text)) as string;

/** A vendor whose `ping` maps to the unified kind its payload names, and whose `id` (when given) is the delivery id. */
const schema = z.looseObject({ id: z.string().optional(), kind: z.string().optional() });
const vendor = (auth?: Authenticator | Authenticator[]) =>
  defineProvider({
    name: "test",
    events: {
      ping: defineEvent(schema, {
        unified: (p) => (p.kind ? ({ kind: p.kind, items: [{ id: "item" }] } as unknown as UnifiedEventInit) : undefined),
        deliveryId: (p) => p.id,
      }),
      pong: defineEvent(schema),
    },
    auth,
    route: (body) => (Array.isArray(body) ? body : [body]).map((e: { name?: string }) => ({ name: e.name ?? "ping", payload: e })),
  });

function receiverWith(options: Partial<ReceiverOptions> = {}, engine = nodeCryptoEngine) {
  const errors: WebhookError[] = [];
  const receiver = makeCreateReceiver(engine)({ provider: vendor(), allowUnauthenticated: true, log: false, ...options });
  receiver.onError((e) => void errors.push(e));
  const post = (body: unknown, headers: Record<string, string> = {}, extra: { ip?: string } = {}) =>
    receiver.handle({ method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body), ...extra });
  return { receiver, errors, post };
}

describe("createReceiver refuses a bad configuration, saying what to pass", () => {
  const provider = vendor();
  it.each([
    ["no provider", {}, "createReceiver: `provider` is required, e.g. provider: blox({ secret })"],
    ["a zero body limit", { maxBodyBytes: 0 }, "createReceiver: maxBodyBytes must be a positive integer, got 0"],
    ["a fractional body limit", { maxBodyBytes: 1.5 }, "createReceiver: maxBodyBytes must be a positive integer, got 1.5"],
    ["an empty allowlist", { allowIps: [] }, "createReceiver: allowIps is empty, so every delivery would get 403"],
    ["a handoff without enqueue", { handoff: {} }, "createReceiver: handoff needs an enqueue(events) function"],
    ["a dedupe store without claim", { dedupe: { store: {} } }, "createReceiver: dedupe needs a store with claim/complete/release"],
    ["a log that is not a logger", { log: { error: () => {} } }, "createReceiver: log must be a logger with error() and warn() (console, pino, winston), or false"],
    ["a log that is a string", { log: "console" }, "createReceiver: log must be a logger"],
    ["a log that is null", { log: null }, "createReceiver: log must be a logger"],
    ["a tenant that is not a function", { tenant: "acme" }, "createReceiver: tenant must be a function of the delivery, e.g. ({ params }) => params.tenant"],
    ["a provider without route()", { provider: { name: "x", auth: [] } }, "createReceiver: `provider` is required"],
    ["a handoff of null", { handoff: null }, "createReceiver: handoff needs an enqueue(events) function"],
    ["dedupe options without a store", { dedupe: { store: undefined } }, "createReceiver: dedupe needs a store with claim/complete/release"],
    ["a log without error()", { log: { warn: () => {} } }, "createReceiver: log must be a logger"],
    ["an allowIps that is no list", { allowIps: "" }, "allowIps must be an array of IP addresses and CIDR blocks"],
  ])("%s", (_, options, message) => {
    const base = "provider" in options || _ === "no provider" ? {} : { provider, allowUnauthenticated: true };
    expect(() => createReceiver({ ...base, ...options } as never)).toThrow(message);
  });

  it("names the check to pass when the provider has none, and says why a catch-all allowlist is no check", () => {
    expect(() => createReceiver({ provider })).toThrow(
      "createReceiver: the test provider has no authenticity check. Pass one (a secret, secretHeader(), basicAuth(), secretQueryParam()), " +
        "or allowIps with the sender's addresses, or opt out explicitly with allowUnauthenticated: true.",
    );
    expect(() => createReceiver({ provider, allowIps: ["0.0.0.0/0", "::/0"] })).toThrow(
      "the test provider has no authenticity check (allowIps covers every address, so it proves nothing). Pass one",
    );
    expect(() => createReceiver({ provider, allowUnauthenticated: false })).toThrow("no authenticity check");
    expect(() => createReceiver({ provider, allowIps: ["192.0.2.1"] })).not.toThrow();
    expect(() => createReceiver({ provider: vendor(secretHeader({ name: "x-secret", value: "s3cret-value-long-enough" })) })).not.toThrow();
  });

  it("accepts a log of false or a logger, a body limit of one byte, and dedupe given as a bare store", () => {
    expect(() => createReceiver({ provider, allowUnauthenticated: true, log: false, dedupe: memoryDedupeStore() })).not.toThrow();
    expect(() => createReceiver({ provider, allowUnauthenticated: true, log: { error: () => {}, warn: () => {} } })).not.toThrow();
    expect(createReceiver({ provider, allowUnauthenticated: true, maxBodyBytes: 1 }).maxBodyBytes).toBe(1);
  });

  it("gives the provider's own advice on which check to pass", () => {
    expect(() => createReceiver({ provider: { ...provider, authAdvice: "secretHeader({ name: 'x-token' })" } })).toThrow(
      "createReceiver: the test provider has no authenticity check. Pass one (secretHeader({ name: 'x-token' })), or allowIps",
    );
  });

  it("refuses an unknown native event name in on(), listing the known ones", () => {
    const receiver = createReceiver({ provider, allowUnauthenticated: true });
    expect(() => receiver.on("nope" as never, () => {})).toThrow('test has no event "nope"; known: ping, pong');
    expect(() => receiver.on(["ping", "nope"] as never, () => {})).toThrow('test has no event "nope"');
  });
});

describe("the default body limit and the declared length", () => {
  it("is 1 MiB", () => {
    expect(createReceiver({ provider: vendor(), allowUnauthenticated: true }).maxBodyBytes).toBe(1_048_576);
  });

  it("answers 413 to a declared Content-Length over the limit before reading the body, and not at the limit", async () => {
    const { receiver } = receiverWith({ maxBodyBytes: 20 });
    let read = false;
    const body = async () => {
      read = true;
      return new TextEncoder().encode('{"id":"a"}');
    };
    const over = await receiver.handle({ method: "POST", headers: { "content-length": "21" }, body });
    expect([over.status, read]).toEqual([413, false]);
    const at = await receiver.handle({ method: "POST", headers: { "content-length": "20" }, body });
    expect([at.status, read]).toEqual([200, true]);
  });

  it("answers 413 to a body over the limit that declared no length, and takes one exactly at it", async () => {
    const { post } = receiverWith({ maxBodyBytes: 10 });
    expect((await post('{"id":"a"}')).status).toBe(200);
    expect((await post('{"id":"ab"}')).status).toBe(413);
  });

  it("passes the limit to a body reader", async () => {
    const { receiver } = receiverWith({ maxBodyBytes: 123 });
    const limits: number[] = [];
    await receiver.handle({ method: "POST", headers: {}, body: async (limit) => (limits.push(limit), new TextEncoder().encode("{}")) });
    expect(limits).toEqual([123]);
  });

  it("takes a reader that returns the bytes themselves, and answers 500 to one that throws before it returns", async () => {
    const { receiver, errors } = receiverWith();
    const sync = (() => new TextEncoder().encode('{"id":"a"}')) as unknown as (limit: number) => Promise<Uint8Array>;
    expect((await receiver.handle({ method: "POST", headers: {}, body: sync })).status).toBe(200);
    const throwing = () => {
      throw new TypeError("reader bug");
    };
    expect((await receiver.handle({ method: "POST", headers: {}, body: throwing })).status).toBe(500);
    expect(errors.filter((e) => e.status >= 500).map((e) => [e.code, (e.cause as Error).message])).toEqual([["internal_error", "reader bug"]]);
  });

  it("takes the method in any case, and answers 405 with Allow otherwise", async () => {
    const { receiver } = receiverWith();
    expect((await receiver.handle({ method: "post", headers: {}, body: "{}" })).status).toBe(200);
    const get = await receiver.handle({ method: "GET", headers: {}, body: "" });
    expect([get.status, get.headers.allow]).toEqual([405, "POST"]);
  });

  it("answers 415 to a form, naming nothing of it in the answer", async () => {
    const { post } = receiverWith();
    const response = await post("{}", { "content-type": "application/x-www-form-urlencoded" });
    expect([response.status, JSON.parse(response.body).error]).toEqual([415, "unsupported_media_type"]);
  });
});

describe("the answers", () => {
  it("is 200 {ok} with a JSON content type for a handled delivery", async () => {
    const { post } = receiverWith();
    expect(await post({ id: "a" })).toEqual({ status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"ok":true}' });
  });

  it("is 200 {ignored} for a delivery the provider's accept() filters out, before the body is parsed", async () => {
    const provider = { ...vendor(), accept: (_meta: unknown, headers: { get(n: string): string | undefined }) => headers.get("x-keep") === "yes" };
    const receiver = createReceiver({ provider, allowUnauthenticated: true, log: false });
    const ran: unknown[] = [];
    receiver.on("ping", (e) => void ran.push(e.payload));
    const ignored = await receiver.handle({ method: "POST", headers: {}, body: "not json at all" });
    expect(ignored).toEqual({ status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"ok":true,"ignored":true}' });
    expect((await receiver.handle({ method: "POST", headers: { "x-keep": "yes" }, body: '{"id":"a"}' })).body).toBe('{"ok":true}');
    expect(ran).toEqual([{ id: "a" }]);
  });

  it("is 500 handler_failed when a handler throws, with the error's JSON and no extra headers", async () => {
    const { receiver, post, errors } = receiverWith();
    receiver.on("ping", () => {
      throw new Error("db down");
    });
    const response = await post({ id: "a" });
    expect(response).toEqual({
      status: 500,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ error: "handler_failed", event: "ping", index: 0 }),
    });
    expect(errors.map((e) => e.code)).toEqual(["handler_failed"]);
  });

  it("merges an error's own headers after the content type", async () => {
    const { receiver } = receiverWith();
    const response = await receiver.handle({ method: "DELETE", headers: {}, body: "" });
    expect(response.headers).toEqual({ "content-type": "application/json; charset=utf-8", allow: "POST" });
  });

  it("is 500 internal_error, reported, when something other than a webhook error is thrown", async () => {
    const { receiver, errors } = receiverWith();
    const response = await receiver.handle({
      method: "POST",
      headers: {},
      body: async () => {
        throw new TypeError("reader bug");
      },
    });
    expect([response.status, JSON.parse(response.body)]).toEqual([500, { error: "internal_error", message: "Internal error" }]);
    expect(errors.map((e) => [e.code, (e.cause as Error).message])).toEqual([["internal_error", "reader bug"]]);
  });
});

describe("listeners", () => {
  it("registers every unified method under its own kind", async () => {
    for (const [kind, method] of Object.entries(UNIFIED_KINDS)) {
      const { receiver, post } = receiverWith();
      const seen: string[] = [];
      for (const m of Object.values(UNIFIED_KINDS)) {
        (receiver[m] as (h: (e: { kind: string }) => void) => unknown).call(receiver, (e) => void seen.push(`${m}:${e.kind}`));
      }
      expect((await post({ kind })).status).toBe(200);
      expect(seen).toEqual([`${method}:${kind}`]);
    }
  });

  it("listens to several native names at once with on([...])", async () => {
    const { receiver, post } = receiverWith();
    const seen: string[] = [];
    receiver.on(["ping", "pong"], (e) => void seen.push(e.name));
    await post([{ name: "ping" }, { name: "pong" }]);
    expect(seen).toEqual(["ping", "pong"]);
  });

  it("removeListener removes a native, a unified, an onAny and an onError listener, and only that one", async () => {
    const { receiver, post } = receiverWith();
    const seen: string[] = [];
    const native = () => void seen.push("native");
    const unified = () => void seen.push("unified");
    const any = () => void seen.push("any");
    const kept = () => void seen.push("kept");
    const onError = () => void seen.push("error");
    receiver.on("ping", native).on("ping", kept).onContentPublish(unified).onAny(any).onError(onError);
    receiver.on("pong", () => {
      throw new Error("x");
    });
    await post([{ kind: "content.publish" }, { name: "pong" }]);
    expect(seen).toEqual(["native", "kept", "unified", "any", "any", "error"]);
    seen.length = 0;
    receiver.removeListener(native).removeListener(unified).removeListener(any).removeListener(onError).removeListener(() => {});
    await post([{ kind: "content.publish" }, { name: "pong" }]);
    expect(seen).toEqual(["kept"]);
  });

  it("runs the handlers of every event even after one failed, and answers with the first failure", async () => {
    const { receiver, post, errors } = receiverWith();
    const ran: number[] = [];
    receiver.on("ping", (e) => {
      ran.push(e.index);
      if (e.index < 2) throw new Error(`failed ${e.index}`);
    });
    const response = await post([{}, {}, {}]);
    expect(JSON.parse(response.body)).toEqual({ error: "handler_failed", event: "ping", index: 0 });
    expect(ran).toEqual([0, 1, 2]);
    expect(errors.map((e) => e.message)).toEqual(["A handler for ping (event 0) failed: failed 0", "A handler for ping (event 1) failed: failed 1"]);
  });

  it("the same with asynchronous handlers", async () => {
    const { receiver, post, errors } = receiverWith();
    const ran: number[] = [];
    receiver.on("ping", async (e) => {
      await Promise.resolve();
      ran.push(e.index);
      if (e.index === 1) throw new Error("async failure");
    });
    const response = await post([{}, {}, {}]);
    expect([response.status, JSON.parse(response.body).index]).toEqual([500, 1]);
    expect(ran).toEqual([0, 1, 2]);
    expect(errors).toHaveLength(1);
  });

  it("reports every failure of one event's handlers, answering with the first", async () => {
    const { receiver, post, errors } = receiverWith();
    receiver.on("ping", () => {
      throw new Error("first");
    });
    receiver.onAny(() => {
      throw new Error("second");
    });
    const response = await post({});
    expect(JSON.parse(response.body)).toEqual({ error: "handler_failed", event: "ping", index: 0 });
    expect(errors.map((e) => (e.cause as Error).message)).toEqual(["first", "second"]);
  });
});

describe("an event no handler listens to", () => {
  it("is reported once per event name, with the unified listeners that would take it", async () => {
    const { post, errors } = receiverWith();
    await post({ kind: "content.publish" });
    await post({ kind: "content.publish" });
    await post({ name: "pong" });
    expect(errors.map((e) => [e.code, e.hint])).toEqual([
      ["unhandled_event", 'Listen with receiver.on("ping"), receiver.onContentPublish() or receiver.onAny(); a receiver that means to ignore it can leave it so.'],
      ["unhandled_event", 'Listen with receiver.on("pong") or receiver.onAny(); a receiver that means to ignore it can leave it so.'],
    ]);
  });
});

describe("the forbidden-source answer says what most likely went wrong", () => {
  it("a proxied delivery to a receiver that trusts no proxy", async () => {
    const { post, errors } = receiverWith({ allowIps: ["192.0.2.1"] });
    const response = await post({}, { "x-forwarded-for": "192.0.2.1" }, { ip: "10.0.0.1" });
    expect(response.status).toBe(403);
    expect(errors[0]!.message).toBe("Source address 10.0.0.1 is not allowed");
    expect(errors[0]!.hint).toBe(
      "The request came through a proxy (X-Forwarded-For is set) but trustProxy is not: 10.0.0.1 is the proxy's address. Set trustProxy to your proxies (e.g. trustProxy: 1, or their CIDRs).",
    );
  });

  it("a proxied delivery with no peer address", async () => {
    const { post, errors } = receiverWith({ allowIps: ["192.0.2.1"] });
    await post({}, { "x-forwarded-for": "192.0.2.1" });
    expect(errors[0]!.hint).toContain("trustProxy is not: the peer is the proxy's address");
  });

  it.each([
    ["trustProxy: false", false],
    ["trustProxy: 0", 0],
  ] as const)("%s counts as trusting no proxy", async (_, trustProxy) => {
    const { post, errors } = receiverWith({ allowIps: ["192.0.2.1"], trustProxy });
    await post({}, { "x-forwarded-for": "192.0.2.1" }, { ip: "10.0.0.1" });
    expect(errors[0]!.hint).toContain("trustProxy is not");
  });

  it("a client outside the list, behind a trusted proxy: no hint", async () => {
    const { post, errors } = receiverWith({ allowIps: ["192.0.2.1"], trustProxy: 1 });
    await post({}, { "x-forwarded-for": "198.51.100.7" }, { ip: "10.0.0.1" });
    expect([errors[0]!.message, errors[0]!.hint]).toEqual(["Source address 198.51.100.7 is not allowed", undefined]);
  });

  it("a client outside the list, no proxy: no hint", async () => {
    const { receiver, post, errors } = receiverWith({ allowIps: ["192.0.2.1"] });
    receiver.onAny(() => {});
    expect((await post({}, {}, { ip: "192.0.2.1" })).status).toBe(200);
    await post({}, {}, { ip: "192.0.2.2" });
    expect([errors[0]!.message, errors[0]!.hint]).toEqual(["Source address 192.0.2.2 is not allowed", undefined]);
  });

  it("a trusted proxy whose two headers disagree", async () => {
    const { post, errors } = receiverWith({ allowIps: ["192.0.2.1"], trustProxy: 1 });
    await post({}, { "x-forwarded-for": "192.0.2.1", forwarded: "for=192.0.2.9" }, { ip: "10.0.0.1" });
    expect(errors[0]!.message).toBe("Source address is unknown (X-Forwarded-For and Forwarded disagree) and an allowlist is set");
    expect(errors[0]!.hint).toBe(
      "A trusted proxy's request carried both X-Forwarded-For and Forwarded, naming different clients; set forwardedHeader to the one your proxy writes, and have it overwrite the other.",
    );
  });

  it("a hop after a trusted proxy that is no address", async () => {
    const { post, errors } = receiverWith({ allowIps: ["192.0.2.1"], trustProxy: 1 });
    await post({}, { "x-forwarded-for": "unknown" }, { ip: "10.0.0.1" });
    expect(errors[0]!.message).toBe("Source address is unknown (a forwarded hop is not an address) and an allowlist is set");
    expect(errors[0]!.hint).toBe("A hop after a trusted proxy is not an IP address (e.g. `unknown`); check what the proxy writes.");
  });

  it("reads the Forwarded header when told to", async () => {
    const { post } = receiverWith({ allowIps: ["192.0.2.1"], trustProxy: 1, forwardedHeader: "forwarded" });
    expect((await post({}, { forwarded: "for=192.0.2.1" }, { ip: "10.0.0.1" })).status).toBe(200);
  });
});

describe("authenticity checks", () => {
  const check = (kind: string, needsBody: boolean, outcome: "pass" | "fail", async: boolean, log: string[]): Authenticator => ({
    kind,
    needsBody,
    verify: ({ body }) => {
      log.push(`${kind}:${body.length}`);
      const result = outcome === "fail" ? new UnauthorizedError("credentials_invalid", `${kind} refused`) : undefined;
      return async ? Promise.resolve(result) : result;
    },
  });
  const run = async (checks: Authenticator[]) => {
    const receiver = createReceiver({ provider: vendor(checks), log: false });
    const response = await receiver.handle({ method: "POST", headers: {}, body: '{"id":"a"}' });
    return { status: response.status, message: JSON.parse(response.body).message as string };
  };

  it.each([false, true])("runs the header checks before the body is read, then the body checks, in order (async: %s)", async (async) => {
    const log: string[] = [];
    expect(await run([check("b1", true, "pass", async, log), check("h1", false, "pass", async, log), check("h2", false, "pass", async, log), check("b2", true, "pass", async, log)])).toMatchObject({ status: 200 });
    expect(log).toEqual(["h1:0", "h2:0", "b1:10", "b2:10"]);
  });

  it.each([false, true])("stops at the first check that fails (async: %s)", async (async) => {
    const log: string[] = [];
    expect(await run([check("h1", false, "pass", async, log), check("h2", false, "fail", async, log), check("h3", false, "pass", async, log)])).toEqual({ status: 401, message: "h2 refused" });
    expect(log).toEqual(["h1:0", "h2:0"]);
    log.length = 0;
    expect(await run([check("b1", true, "fail", async, log), check("b2", true, "fail", async, log)])).toEqual({ status: 401, message: "b1 refused" });
    expect(log).toEqual(["b1:10"]);
  });

  it("fails on an asynchronous check after synchronous ones passed, and on a later check after an asynchronous pass", async () => {
    const log: string[] = [];
    expect(await run([check("s", true, "pass", false, log), check("a", true, "fail", true, log)])).toEqual({ status: 401, message: "a refused" });
    expect(await run([check("a", true, "pass", true, log), check("s", true, "fail", false, log)])).toEqual({ status: 401, message: "s refused" });
    expect(await run([check("a", true, "pass", true, log), check("a2", true, "pass", true, log), check("s", true, "fail", false, log)])).toEqual({ status: 401, message: "s refused" });
  });
});

describe("delivery ids", () => {
  it.each([
    ["Node's hashing", nodeCryptoEngine],
    ["Web Crypto", webCryptoEngine],
  ])("are the body's SHA-256, the event name and its index past the first, with %s", async (_, engine) => {
    const { receiver, post } = receiverWith({}, engine);
    const ids: string[] = [];
    receiver.onAny((e) => void ids.push(e.deliveryId));
    const body = '[{"name":"ping"},{"name":"pong"},{"name":"ping","id":"vendor-id"}]';
    expect((await post(body)).status).toBe(200);
    expect(ids).toEqual([`${sha256(body)}:ping`, `${sha256(body)}:pong:1`, "vendor-id"]);
  });

  it("hashes the body once however many events read their id", async () => {
    let hashes = 0;
    const engine = { ...nodeCryptoEngine, sha256Hex: (b: Uint8Array) => (hashes++, nodeCryptoEngine.sha256Hex(b)) };
    const { receiver, post } = receiverWith({}, engine);
    receiver.onAny((e) => void e.deliveryId);
    await post([{}, {}, {}]);
    expect(hashes).toBe(1);
  });

  it("are not computed when nobody reads them (synchronous engine)", async () => {
    let hashes = 0;
    const engine = { ...nodeCryptoEngine, sha256Hex: (b: Uint8Array) => (hashes++, nodeCryptoEngine.sha256Hex(b)) };
    const { receiver, post } = receiverWith({}, engine);
    receiver.onAny(() => {});
    await post([{}, {}]);
    expect(hashes).toBe(0);
  });
});

describe("dedupe", () => {
  it("runs a re-sent delivery once, answering the retry as a duplicate", async () => {
    const { receiver, post } = receiverWith({ dedupe: memoryDedupeStore() });
    let ran = 0;
    receiver.on("ping", () => void ran++);
    expect((await post({ id: "d1" })).body).toBe('{"ok":true}');
    expect(await post({ id: "d1" })).toEqual({ status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"ok":true,"duplicate":true}' });
    expect(ran).toBe(1);
  });

  it("takes the processing and done TTLs and Retry-After from full options, with defaults", async () => {
    const calls: unknown[][] = [];
    const store = {
      claim: (id: string, ttl: number) => (calls.push(["claim", id, ttl]), id === "busy" ? "processing" : "new"),
      complete: (id: string, ttl: number) => void calls.push(["complete", id, ttl]),
      release: (id: string) => void calls.push(["release", id]),
    } as never;
    const defaults = receiverWith({ dedupe: store });
    defaults.receiver.on("ping", () => {});
    await defaults.post({ id: "a" });
    const busy = await defaults.post({ id: "busy" });
    expect([busy.status, busy.headers["retry-after"]]).toEqual([503, "5"]);
    const custom = receiverWith({ dedupe: { store, processingTtlMs: 1000, doneTtlMs: 2000, retryAfterSeconds: 9 } });
    custom.receiver.on("ping", () => {});
    await custom.post({ id: "b" });
    const busy2 = await custom.post({ id: "busy" });
    expect([busy2.status, busy2.headers["retry-after"], JSON.parse(busy2.body).error]).toEqual([503, "9", "duplicate_in_progress"]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([
      ["claim", "a", 60_000],
      ["complete", "a", 86_400_000],
      ["claim", "busy", 60_000],
      ["claim", "b", 1000],
      ["complete", "b", 2000],
      ["claim", "busy", 1000],
    ]);
  });

  it("keeps two tenants' equal vendor ids apart", async () => {
    const { receiver } = receiverWith({ dedupe: memoryDedupeStore() });
    let ran = 0;
    receiver.on("ping", () => void ran++);
    const send = (tenant: string) => receiver.handle({ method: "POST", headers: {}, body: '{"id":"same"}', params: { tenant } });
    await send("a");
    await send("b");
    expect((await send("a")).body).toBe('{"ok":true,"duplicate":true}');
    expect(ran).toBe(1); // no tenant option and no per-tenant credential: the receiver names no tenants
    const named = receiverWith({ dedupe: memoryDedupeStore(), tenant: ({ params }) => params.tenant });
    let ranNamed = 0;
    named.receiver.on("ping", () => void ranNamed++);
    const sendNamed = (tenant: string) => named.receiver.handle({ method: "POST", headers: {}, body: '{"id":"same"}', params: { tenant } });
    await sendNamed("a");
    await sendNamed("b");
    expect((await sendNamed("a")).body).toBe('{"ok":true,"duplicate":true}');
    expect(ranNamed).toBe(2);
  });

  it("runs the events of one delivery that share an id under one claim, completed once all succeeded", async () => {
    const calls: string[] = [];
    const inner = memoryDedupeStore();
    const store = {
      claim: (id: string, ttl: number) => (calls.push(`claim ${id}`), inner.claim(id, ttl)),
      complete: (id: string, ttl: number) => (calls.push(`complete ${id}`), inner.complete(id, ttl)),
      release: (id: string) => (calls.push(`release ${id}`), inner.release(id)),
    };
    const { receiver, post } = receiverWith({ dedupe: store });
    const ran: number[] = [];
    receiver.on("ping", (e) => void ran.push(e.index));
    expect((await post([{ id: "x" }, { id: "y" }, { id: "x" }])).status).toBe(200);
    expect(ran).toEqual([0, 2, 1]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(["claim x", "claim y", "complete x", "complete y"]);
  });

  it("releases the claim of a group whose handler failed, and runs it again on the retry; other groups stay done", async () => {
    const { receiver, post, errors } = receiverWith({ dedupe: memoryDedupeStore() });
    const ran: string[] = [];
    let fail = true;
    receiver.on("ping", (e) => {
      const { id } = e.payload as { id: string };
      ran.push(id);
      if (fail && id === "x") throw new Error("x failed");
    });
    expect((await post([{ id: "x" }, { id: "y" }, { id: "x" }])).status).toBe(500);
    expect(ran).toEqual(["x", "x", "y"]);
    expect(errors.map((e) => (e as HandlerError).index)).toEqual([0, 2]);
    fail = false;
    expect((await post([{ id: "x" }, { id: "y" }])).status).toBe(200);
    expect(ran).toEqual(["x", "x", "y", "x"]);
  });

  it("reports a store that fails to mark an id done, as a warning, without changing the answer", async () => {
    const inner = memoryDedupeStore();
    const store = { claim: inner.claim.bind(inner), release: inner.release.bind(inner), complete: () => Promise.reject(new Error("store down")) };
    const { receiver, post, errors } = receiverWith({ dedupe: store });
    receiver.on("ping", () => {});
    expect((await post({ id: "z" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors.map((e) => [e.code, e.level, e.message, (e.cause as Error).message])).toEqual([
      ["dedupe_unavailable", "warning", "Could not complete the dedupe claim for z", "store down"],
    ]);
  });

  it("reports a store that fails to release, after the handler failure", async () => {
    const inner = memoryDedupeStore();
    const store = { claim: inner.claim.bind(inner), complete: inner.complete.bind(inner), release: () => Promise.reject(new Error("store down")) };
    const { receiver, post, errors } = receiverWith({ dedupe: store });
    receiver.on("ping", () => {
      throw new Error("boom");
    });
    expect((await post({ id: "r" })).status).toBe(500);
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ["handler_failed", "A handler for ping (event 0) failed: boom"],
      ["dedupe_unavailable", "Could not release the dedupe claim for r"],
    ]);
  });

  it("answers 503 dedupe_unavailable with Retry-After when a claim fails, giving back the claims it took", async () => {
    const inner = memoryDedupeStore();
    const released: string[] = [];
    const store = {
      claim: (id: string, ttl: number) => {
        if (id === "bad") throw new Error("claim failed");
        return inner.claim(id, ttl);
      },
      complete: inner.complete.bind(inner),
      release: (id: string) => (released.push(id), inner.release(id)),
    };
    const { receiver, post, errors } = receiverWith({ dedupe: store });
    let ran = 0;
    receiver.on("ping", () => void ran++);
    const response = await post([{ id: "good" }, { id: "bad" }]);
    expect([response.status, response.headers["retry-after"], JSON.parse(response.body)]).toEqual([
      503,
      "5",
      { error: "dedupe_unavailable", message: "The dedupe store is unavailable; retry later" },
    ]);
    expect((errors[0]!.cause as Error).message).toBe("claim failed");
    expect([ran, released]).toEqual([0, ["good"]]);
    expect((await post({ id: "good" })).status).toBe(200);
  });

  /** A memory store in which another instance holds "held", with `release` replaced (`released`: the ids it was asked to give back). */
  async function storeHolding(release: (id: string, inner: DedupeStore) => void | Promise<void>) {
    const inner = memoryDedupeStore();
    await inner.claim("held", 60_000);
    const released: string[] = [];
    const store: DedupeStore = {
      claim: inner.claim.bind(inner),
      complete: inner.complete.bind(inner),
      release: (id: string) => {
        released.push(id);
        return release(id, inner);
      },
    };
    return { store, released };
  }

  it("gives back the claims it took when another instance holds one of the delivery's ids, even if a release fails", async () => {
    const { store, released } = await storeHolding((id, inner) => (id === "b" ? Promise.reject(new Error("release failed")) : inner.release(id)));
    const { receiver, post } = receiverWith({ dedupe: store });
    receiver.on("ping", () => {});
    const response = await post([{ id: "a" }, { id: "held" }, { id: "b" }]);
    expect([response.status, JSON.parse(response.body).message]).toEqual([503, "This delivery is being handled by another instance; retry later"]);
    expect(released).toEqual(["a", "b"]);
    expect((await post({ id: "a" })).status).toBe(200);
  });

  it("still gives back the others and answers 503 when a release throws at once, and reports the claim it could not give back", async () => {
    const { store, released } = await storeHolding((id, inner) => {
      if (id === "a") throw new Error("release threw");
      return inner.release(id);
    });
    const { receiver, post } = receiverWith({ dedupe: store });
    const reported: [WebhookError, string | undefined][] = [];
    receiver.on("ping", () => {}).onError((e, context) => void reported.push([e, context.ip]));
    const response = await post([{ id: "a" }, { id: "held" }, { id: "b" }], {}, { ip: "192.0.2.7" });
    expect([response.status, JSON.parse(response.body).error]).toEqual([503, "duplicate_in_progress"]);
    expect(released).toEqual(["a", "b"]);
    const [notReleased, ip] = reported.find(([e]) => e.code === "dedupe_unavailable") ?? [];
    expect([notReleased?.status, notReleased?.level, notReleased?.message, ip]).toEqual([
      500,
      "warning",
      "Could not give back the dedupe claim for a; retries answer 503 until it expires (processingTtlMs, 60000 ms)",
      "192.0.2.7",
    ]);
    expect((notReleased?.cause as Error).message).toBe("release threw");
    expect((await post({ id: "b" })).status).toBe(200);
  });

  it("runs the new ids of a delivery whose other ids were done", async () => {
    const { receiver, post } = receiverWith({ dedupe: memoryDedupeStore() });
    const ran: string[] = [];
    receiver.on("ping", (e) => void ran.push((e.payload as { id: string }).id));
    await post({ id: "old" });
    expect((await post([{ id: "old" }, { id: "new" }])).body).toBe('{"ok":true}');
    expect(ran).toEqual(["old", "new"]);
  });
});

describe("handoff", () => {
  const queue = (status?: 200 | 202) => {
    const queued: HandoffEvent[][] = [];
    return { queued, handoff: { enqueue: async (events: readonly HandoffEvent[]) => void queued.push([...events]), ...(status ? { status } : {}) } };
  };

  it("queues the verified events as plain values instead of running handlers, and answers 200 by default", async () => {
    const { queued, handoff } = queue();
    const { receiver, post } = receiverWith({ handoff });
    let ran = 0;
    receiver.on("ping", () => void ran++);
    const body = '[{"id":"v1"},{"name":"pong"}]';
    expect(await post(body)).toEqual({ status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"ok":true}' });
    expect(ran).toBe(0);
    expect(queued).toEqual([
      [
        { name: "ping", payload: { id: "v1" }, source: "test", deliveryId: "v1", index: 0, meta: undefined },
        { name: "pong", payload: { name: "pong" }, source: "test", deliveryId: `${sha256(body)}:pong:1`, index: 1, meta: undefined },
      ],
    ]);
    expect(Object.keys(queued[0]![0]!)).not.toContain("traceContext");
  });

  it("answers 202 {queued} when asked to", async () => {
    const { handoff } = queue(202);
    const { post } = receiverWith({ handoff });
    expect(await post({})).toEqual({ status: 202, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"ok":true,"queued":true}' });
  });

  it("answers 503 handoff_failed with Retry-After when the queue does not take the events", async () => {
    const { receiver, post, errors } = receiverWith({ handoff: { enqueue: () => Promise.reject(new Error("queue down")) } });
    receiver.on("ping", () => {});
    const response = await post({});
    expect([response.status, response.headers["retry-after"], JSON.parse(response.body)]).toEqual([
      503,
      "5",
      { error: "handoff_failed", message: "The delivery could not be queued; retry later" },
    ]);
    expect((errors[0]!.cause as Error).message).toBe("queue down");
  });

  it("answers 400 when the events cannot be written out again, as no retry can fix that", async () => {
    const provider = defineProvider({
      name: "cyclic",
      events: { ping: defineEvent(z.unknown()) },
      auth: undefined,
      route: () => {
        const payload: Record<string, unknown> = {};
        payload.self = payload;
        return [{ name: "ping", payload }];
      },
    });
    const receiver = createReceiver({
      provider,
      allowUnauthenticated: true,
      log: false,
      handoff: { enqueue: async (events) => void JSON.stringify(events) },
    });
    const response = await receiver.handle({ method: "POST", headers: {}, body: "{}" });
    expect([response.status, JSON.parse(response.body)]).toEqual([400, { error: "invalid_json", message: "The body is nested too deeply to queue" }]);
  });
});

describe("dispatch (handed-off events, in the worker)", () => {
  const event = (over: Partial<HandoffEvent> = {}): HandoffEvent => ({ name: "ping", payload: { id: "p" }, source: "test", deliveryId: "d-1", index: 0, meta: { m: 1 }, ...over });

  it("runs the handlers of one event or a list, as the receiver would have, with the queued delivery id", async () => {
    const { receiver } = receiverWith();
    const seen: unknown[] = [];
    receiver.on("ping", (e) => void seen.push([e.name, e.payload, e.deliveryId, e.index, e.meta, e.source, e.headers.get("x-any")]));
    receiver.onContentPublish((e) => void seen.push([e.kind, e.deliveryId]));
    receiver.onAny((e) => void seen.push(["any", e.name, e.known]));
    await receiver.dispatch(event());
    await receiver.dispatch([event({ index: 1, deliveryId: "d-2", payload: { kind: "content.publish" } }), event({ name: "gone" })]);
    expect(seen).toEqual([
      ["ping", { id: "p" }, "d-1", 0, { m: 1 }, "test", undefined],
      ["any", "ping", true],
      ["ping", { kind: "content.publish" }, "d-2", 1, { m: 1 }, "test", undefined],
      ["content.publish", "d-2"],
      ["any", "ping", true],
      ["any", "gone", false],
    ]);
  });

  it("rejects with the handler's failure, reported to onError, so the queue retries", async () => {
    const { receiver, errors } = receiverWith();
    receiver.on("ping", () => {
      throw new Error("worker failure");
    });
    const failure = await receiver.dispatch(event()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HandlerError);
    expect((failure as HandlerError).message).toBe("A handler for ping (event 0) failed: worker failure");
    expect(errors).toEqual([failure]);
  });

  it("runs an event once with dedupe, and marks it done before resolving", async () => {
    const store = memoryDedupeStore();
    const { receiver } = receiverWith({ dedupe: store });
    let ran = 0;
    receiver.on("ping", () => void ran++);
    await receiver.dispatch(event());
    expect(await store.claim("d-1", 1000)).toBe("done");
    await receiver.dispatch(event());
    expect(ran).toBe(1);
  });

  it("rejects with the store's failure, reported, when the dedupe store is down", async () => {
    const store = { claim: () => Promise.reject(new Error("down")), complete: () => {}, release: () => {} } as never;
    const { receiver, errors } = receiverWith({ dedupe: store });
    receiver.on("ping", () => {});
    const failure = (await receiver.dispatch(event()).catch((e: unknown) => e)) as WebhookError;
    expect([failure.status, failure.code]).toEqual([503, "dedupe_unavailable"]);
    expect(errors).toEqual([failure]);
  });
});

describe("tenants", () => {
  it("names the tenant from the route parameter by default when a credential depends on it, and tells handlers", async () => {
    const perTenant: Authenticator = { kind: "t", needsBody: false, perTenant: true, verify: ({ tenant }) => (tenant?.tenant === "acme" ? undefined : new UnauthorizedError("credentials_invalid", "no")) };
    const receiver = createReceiver({ provider: vendor(perTenant), log: false });
    const tenants: unknown[] = [];
    receiver.on("ping", (e) => void tenants.push(e.tenant));
    receiver.onContentPublish((e) => void tenants.push(e.tenant));
    const send = (params?: Record<string, string>) => receiver.handle({ method: "POST", headers: {}, body: '{"kind":"content.publish"}', params });
    expect((await send({ tenant: "acme" })).status).toBe(200);
    expect((await send({ tenant: "other" })).status).toBe(401);
    expect((await send()).status).toBe(401);
    expect(tenants).toEqual(["acme", "acme"]);
  });

  it("takes no tenant from an empty name or a non-string, and lets the tenant option read the unverified body", async () => {
    const names: unknown[] = [];
    const { receiver } = receiverWith({ tenant: ({ params, peek }) => params.tenant ?? ((peek() as { t?: string } | undefined)?.t as string) });
    receiver.on("ping", (e) => void names.push(e.tenant));
    const send = (body: string, params?: Record<string, string>) => receiver.handle({ method: "POST", headers: {}, body, params });
    await send('{"t":"from-body"}');
    await send('{"t":""}');
    await send('{"t":7}');
    await send('{"t":"ignored"}', { tenant: "from-route" });
    expect(names).toEqual(["from-body", undefined, undefined, "from-route"]);
  });
});

describe("fetch (Request in, Response out)", () => {
  it("answers with the pipeline's status, headers and body, passing the address, the URL and the route parameters", async () => {
    const urls: (string | undefined)[] = [];
    const queryCheck: Authenticator = { kind: "q", needsBody: false, verify: ({ url }) => (urls.push(url), undefined) };
    const receiver = createReceiver({ provider: vendor(queryCheck), allowIps: ["192.0.2.1"], tenant: ({ params }) => params.tenant, log: false });
    const tenants: unknown[] = [];
    receiver.on("ping", (e) => void tenants.push(e.tenant));
    const request = () => new Request("https://hooks.example/in?k=1", { method: "POST", headers: { "content-type": "application/json" }, body: '{"id":"a"}' });
    const ok = await receiver.fetch(request(), { ip: "192.0.2.1", params: { tenant: "acme" } });
    expect([ok.status, ok.headers.get("content-type"), await ok.text()]).toEqual([200, "application/json; charset=utf-8", '{"ok":true}']);
    expect([urls, tenants]).toEqual([["https://hooks.example/in?k=1"], ["acme"]]);
    const refused = await receiver.fetch(request(), { ip: "192.0.2.2" });
    expect(refused.status).toBe(403);
    const none = await receiver.fetch(request());
    expect(none.status).toBe(403);
    const get = await receiver.fetch(new Request("https://hooks.example/in"), { ip: "192.0.2.1" });
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
  });

  it("answers 408 when the body does not arrive within timeoutMs, and reads it within the body limit", async () => {
    const receiver = createReceiver({ provider: vendor(), allowUnauthenticated: true, log: false, maxBodyBytes: 16 });
    const stalled = new Request("https://hooks.example/", { method: "POST", body: new ReadableStream({ start() {} }), duplex: "half" } as RequestInit);
    expect((await receiver.fetch(stalled, { timeoutMs: 20 })).status).toBe(408);
    const big = new Request("https://hooks.example/", { method: "POST", body: new ReadableStream({ start: (c) => (c.enqueue(new Uint8Array(17)), c.close()) }), duplex: "half" } as RequestInit);
    expect((await receiver.fetch(big)).status).toBe(413);
  });
});

describe("what reaches onError, with its context", () => {
  it("a provider's header warning, at warning level, with the client address", async () => {
    const provider = defineProvider({
      name: "warner",
      events: { ping: defineEvent(schema) },
      auth: undefined,
      route: (body, { warn }) => (warn("X-Event disagrees with the body"), [{ name: "ping", payload: body }]),
    });
    const receiver = createReceiver({ provider, allowUnauthenticated: true, log: false });
    const seen: unknown[] = [];
    receiver.onError((e, context) => void seen.push([e.status, e.code, e.level, e.message, context]));
    receiver.onAny(() => {});
    expect((await receiver.handle({ method: "POST", headers: {}, body: "{}", ip: "192.0.2.5" })).status).toBe(200);
    expect(seen).toEqual([[200, "header_mismatch", "warning", "X-Event disagrees with the body", { ip: "192.0.2.5" }]]);
  });

  it("a claim that could not be settled, with the first event of its group and the client address", async () => {
    const inner = memoryDedupeStore();
    const store = { claim: inner.claim.bind(inner), release: inner.release.bind(inner), complete: () => Promise.reject(new Error("down")) };
    const receiver = createReceiver({ provider: vendor(), allowUnauthenticated: true, log: false, dedupe: store });
    const seen: unknown[] = [];
    receiver.onError((e, context) => void seen.push([e.code, context.ip, context.event?.name, context.event?.index, context.event?.deliveryId]));
    receiver.onAny(() => {});
    await receiver.handle({ method: "POST", headers: {}, body: '[{"id":"h"},{"id":"g"},{"id":"g"}]', ip: "192.0.2.6" });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([
      ["dedupe_unavailable", "192.0.2.6", "ping", 0, "h"],
      ["dedupe_unavailable", "192.0.2.6", "ping", 1, "g"],
    ]);
  });

  it("a handler failure, with its event and the client address", async () => {
    const { receiver, post } = receiverWith();
    const seen: unknown[] = [];
    receiver.onError((e, context) => void seen.push([e.code, context.ip, context.event?.name, context.event?.index]));
    receiver.on("ping", () => {});
    receiver.on("pong", () => {
      throw new Error("x");
    });
    await post([{}, { name: "pong" }], {}, { ip: "192.0.2.7" });
    expect(seen).toEqual([["handler_failed", "192.0.2.7", "pong", 1]]);
  });

  it("an unknown event: reported as unknown, never as unhandled, with or without listeners", async () => {
    const provider = defineProvider({ name: "u", events: { ping: defineEvent(schema) }, auth: undefined, route: () => [{ name: "mystery", payload: {}, hint: "update the vendor package" }] });
    for (const listen of [false, true]) {
      const receiver = createReceiver({ provider, allowUnauthenticated: true, log: false });
      const seen: unknown[] = [];
      receiver.onError((e) => void seen.push([e.code, e.hint]));
      if (listen) receiver.onContentPublish(() => {});
      expect((await receiver.handle({ method: "POST", headers: {}, body: "{}" })).status).toBe(200);
      expect(seen).toEqual([["unknown_event", "update the vendor package"]]);
    }
  });
});

describe("listener housekeeping", () => {
  it("removes the first onError listener, and an unknown handler removes none", async () => {
    const receiver = createReceiver({ provider: vendor(), allowUnauthenticated: true, log: false });
    const seen: string[] = [];
    const first = () => void seen.push("first");
    const second = () => void seen.push("second");
    const native = () => void seen.push("native");
    receiver.onError(first).onError(second).on("ping", native);
    receiver.removeListener(() => {});
    await receiver.handle({ method: "POST", headers: {}, body: '{"name":"mystery"}' });
    expect(seen).toEqual(["first", "second"]);
    seen.length = 0;
    receiver.removeListener(first);
    await receiver.handle({ method: "POST", headers: {}, body: '{"name":"mystery"}' });
    await receiver.handle({ method: "POST", headers: {}, body: "{}" });
    expect(seen).toEqual(["second", "native"]);
  });

  it("takes a handler's non-promise return value as success", async () => {
    const { receiver, post, errors } = receiverWith();
    receiver.on("ping", () => 42);
    receiver.onAny(() => ({ then: 1 }));
    expect((await post({})).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it("refuses a logger that is a function, even with error() and warn()", () => {
    const log = Object.assign(() => {}, { error: () => {}, warn: () => {} });
    expect(() => createReceiver({ provider: vendor(), allowUnauthenticated: true, log: log as never })).toThrow("createReceiver: log must be a logger");
  });

  it("names the option in an allowIps entry it cannot read", () => {
    expect(() => createReceiver({ provider: vendor(), allowIps: ["nope"] })).toThrow(/^allowIps entry "nope" is not a valid address or CIDR/);
  });

  it("reports with the documented context: the address always as a key, the event where there is one", async () => {
    const { receiver, post } = receiverWith({
      deliveryLog: { when: "all", store: { append: () => Promise.reject(new Error("disk")) } },
    });
    const contexts: unknown[] = [];
    receiver.onError((e, context) => void contexts.push([e.code, context]));
    await post({}, {}, { ip: "192.0.2.8" });
    await post({ name: "mystery" }, {}, { ip: "192.0.2.9" });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(contexts).toStrictEqual([
      ["unhandled_event", { ip: undefined, event: expect.objectContaining({ name: "ping", index: 0 }) }],
      ["delivery_log_failed", { ip: undefined }],
      ["unknown_event", { ip: "192.0.2.9" }],
      ["delivery_log_failed", { ip: undefined }],
    ]);
  });
});

describe("unified listeners and the events that reach them", () => {
  it("an event that maps to another kind than the one listened to, or to none, or has no mapping, is unheard (200)", async () => {
    const { receiver, post, errors } = receiverWith();
    const seen: string[] = [];
    receiver.onContentDelete((e) => void seen.push(e.kind));
    expect((await post({ kind: "content.publish" })).status).toBe(200);
    expect((await post({ name: "pong" })).status).toBe(200);
    expect((await post({ id: "no kind" })).status).toBe(200);
    expect((await post({ kind: "content.delete" })).status).toBe(200);
    expect(seen).toEqual(["content.delete"]);
    expect(errors.map((e) => [e.code, e.hint])).toEqual([
      ["unhandled_event", 'Listen with receiver.on("ping"), receiver.onContentPublish() or receiver.onAny(); a receiver that means to ignore it can leave it so.'],
      ["unhandled_event", 'Listen with receiver.on("pong") or receiver.onAny(); a receiver that means to ignore it can leave it so.'],
    ]);
  });

  it("a mapping that throws fails the event when unified listeners exist, and only names no unified listener otherwise", async () => {
    const provider = defineProvider({
      name: "throwing",
      events: {
        ping: defineEvent(schema, {
          unified: () => {
            throw new Error("mapping bug");
          },
        }),
      },
      auth: undefined,
      route: (body) => [{ name: "ping", payload: body }],
    });
    const quiet = createReceiver({ provider, allowUnauthenticated: true, log: false });
    const quietErrors: WebhookError[] = [];
    quiet.onError((e) => void quietErrors.push(e));
    let ran = 0;
    quiet.on("ping", () => void ran++);
    expect((await quiet.handle({ method: "POST", headers: {}, body: "{}" })).status).toBe(200);
    expect([ran, quietErrors]).toEqual([1, []]);
    const unheard = createReceiver({ provider, allowUnauthenticated: true, log: false });
    const unheardErrors: WebhookError[] = [];
    unheard.onError((e) => void unheardErrors.push(e));
    expect((await unheard.handle({ method: "POST", headers: {}, body: "{}" })).status).toBe(200);
    expect(unheardErrors.map((e) => e.hint)).toEqual(['Listen with receiver.on("ping") or receiver.onAny(); a receiver that means to ignore it can leave it so.']);
    const listening = createReceiver({ provider, allowUnauthenticated: true, log: false });
    const listeningErrors: WebhookError[] = [];
    listening.onError((e) => void listeningErrors.push(e));
    listening.onContentPublish(() => {});
    const failed = await listening.handle({ method: "POST", headers: {}, body: "{}" });
    expect([failed.status, listeningErrors.map((e) => [e.code, (e.cause as Error).message])]).toEqual([500, [["handler_failed", "mapping bug"]]]);
  });

  it("a mapping may give several unified events, each to its listeners", async () => {
    const provider = defineProvider({
      name: "several",
      events: { ping: defineEvent(schema, { unified: () => [{ kind: "content.update", items: [] }, { kind: "content.publish", items: [] }] }) },
      auth: undefined,
      route: (body) => [{ name: "ping", payload: body }],
    });
    const receiver = createReceiver({ provider, allowUnauthenticated: true, log: false });
    const seen: string[] = [];
    receiver.onContentPublish((e) => void seen.push(e.kind)).onContentUpdate((e) => void seen.push(e.kind)).onContentUpdate((e) => void seen.push(`again ${e.kind}`));
    expect((await receiver.handle({ method: "POST", headers: {}, body: "{}" })).status).toBe(200);
    expect(seen).toEqual(["content.update", "again content.update", "content.publish"]);
    const unheard = createReceiver({ provider, allowUnauthenticated: true, log: false });
    const hints: unknown[] = [];
    unheard.onError((e) => void hints.push(e.hint));
    await unheard.handle({ method: "POST", headers: {}, body: "{}" });
    expect(hints).toEqual([
      'Listen with receiver.on("ping"), receiver.onContentUpdate(), receiver.onContentPublish() or receiver.onAny(); a receiver that means to ignore it can leave it so.',
    ]);
  });
});

describe("dispatch, further", () => {
  it("resolves for an empty list", async () => {
    const { receiver } = receiverWith();
    await expect(receiver.dispatch([])).resolves.toBeUndefined();
  });

  it("resolves only once the store marked the events done (a worker's job must not end first)", async () => {
    let completed!: () => void;
    const inner = memoryDedupeStore();
    const store = { claim: inner.claim.bind(inner), release: inner.release.bind(inner), complete: () => new Promise<void>((resolve) => (completed = resolve)) };
    const { receiver } = receiverWith({ dedupe: store });
    receiver.on("ping", () => {});
    let resolved = false;
    const dispatched = receiver.dispatch({ name: "ping", payload: {}, source: "test", deliveryId: "w", index: 0, meta: undefined }).then(() => (resolved = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(resolved).toBe(false);
    completed();
    await dispatched;
    expect(resolved).toBe(true);
  });

  it("answers a delivery before the store marked it done (one round trip to the store, not two)", async () => {
    const inner = memoryDedupeStore();
    const store = { claim: inner.claim.bind(inner), release: inner.release.bind(inner), complete: () => new Promise<void>(() => {}) };
    const { receiver, post } = receiverWith({ dedupe: store });
    receiver.on("ping", () => {});
    const answer = await Promise.race([post({ id: "never-completed" }), new Promise((resolve) => setTimeout(() => resolve("still waiting"), 50))]);
    expect(answer).toMatchObject({ status: 200 });
  });

  it("fails an event queued without its delivery id once a handler reads it (the hash of a body it no longer has)", async () => {
    const { receiver } = receiverWith();
    receiver.on("ping", (e) => void e.deliveryId);
    const failure = (await receiver.dispatch({ name: "ping", payload: {}, source: "test", index: 0, meta: undefined } as unknown as HandoffEvent).catch((e: unknown) => e)) as HandlerError;
    expect((failure.cause as Error).message).toBe("a handed-off event always carries its delivery id");
  });

  it("rejects with what a broken mapping threw, reporting nothing that is not a webhook error", async () => {
    const provider = defineProvider({
      name: "broken",
      events: { ping: defineEvent(schema, { unified: () => [null] as never }) },
      auth: undefined,
      route: (body) => [{ name: "ping", payload: body }],
    });
    const receiver = createReceiver({ provider, allowUnauthenticated: true, log: false });
    const errors: unknown[] = [];
    receiver.onError((e) => void errors.push(e));
    receiver.onContentPublish(() => {});
    const failure = await receiver.dispatch({ name: "ping", payload: {}, source: "broken", deliveryId: "b", index: 0, meta: undefined }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TypeError);
    expect(errors).toEqual([]);
  });

  it("reports a failing store with a context of no client address", async () => {
    const store = { claim: () => Promise.reject(new Error("down")), complete: () => {}, release: () => {} } as never;
    const { receiver } = receiverWith({ dedupe: store });
    const contexts: unknown[] = [];
    receiver.onError((_e, context) => void contexts.push(context));
    await receiver.dispatch({ name: "ping", payload: {}, source: "test", deliveryId: "c", index: 0, meta: undefined }).catch(() => {});
    expect(contexts).toStrictEqual([{ ip: undefined }]);
  });
});
