import { describe, expect, it } from "vitest";
import { z } from "zod";
import { nodeCryptoEngine } from "../crypto/node-crypto.js";
import { makeCreateReceiver } from "../create-receiver.js";
import { defineEvent, defineProvider } from "../provider.js";

const createReceiver = makeCreateReceiver(nodeCryptoEngine);

function receiverFor(schema: z.ZodType) {
  const provider = defineProvider({
    name: "test",
    events: { ping: defineEvent(schema) },
    auth: undefined,
    route: (body) => [{ name: "ping", payload: body }],
  });
  const seen: unknown[] = [];
  const receiver = createReceiver({ provider, allowUnauthenticated: true });
  receiver.on("ping", ({ payload }) => void seen.push(payload));
  return { receiver, seen, provider };
}

describe("schema validation in the pipeline", () => {
  it("hands handlers the parsed JSON itself when the schema does not change data", async () => {
    const { receiver, seen, provider } = receiverFor(z.looseObject({ id: z.string(), extra: z.optional(z.number()) }));
    expect(provider.events.get("ping")?.outputIsInput).toBe(true);
    const response = await receiver.handle({ method: "POST", headers: {}, body: '{"id":"a","unknown":{"kept":true}}' });
    expect(response.status).toBe(200);
    expect(seen).toEqual([{ id: "a", unknown: { kept: true } }]);
  });

  it("hands handlers the very object the body parsed to, not a copy, when the schema does not change data", async () => {
    let parsed: unknown;
    const provider = defineProvider({
      name: "same",
      events: { ping: defineEvent(z.looseObject({ id: z.string() })) },
      auth: undefined,
      route: (body) => ((parsed = body), [{ name: "ping", payload: body }]),
    });
    const receiver = createReceiver({ provider, allowUnauthenticated: true });
    let payload: unknown;
    receiver.on("ping", (e) => void (payload = e.payload));
    expect((await receiver.handle({ method: "POST", headers: {}, body: '{"id":"a","more":{"x":1}}' })).status).toBe(200);
    expect(payload).toBe(parsed);
  });

  it("applies defaults and transforms when the schema has them", async () => {
    const { receiver, seen, provider } = receiverFor(z.object({ items: z.array(z.string()).default([]), n: z.string().transform((s) => s.length) }));
    expect(provider.events.get("ping")?.outputIsInput).toBe(false);
    expect((await receiver.handle({ method: "POST", headers: {}, body: '{"n":"abc"}' })).status).toBe(200);
    expect(seen).toEqual([{ items: [], n: 3 }]);
  });

  it("still answers 422 with every failing path when validation fails", async () => {
    const { receiver, seen } = receiverFor(z.looseObject({ id: z.string(), count: z.number() }));
    const response = await receiver.handle({ method: "POST", headers: {}, body: '{"id":1,"count":"x"}' });
    expect(response.status).toBe(422);
    expect((JSON.parse(response.body) as { issues: { path: unknown[] }[] }).issues.map((i) => i.path)).toEqual([["id"], ["count"]]);
    expect(seen).toEqual([]);
  });
});

describe("payloads nested deeper than the stack", () => {
  it("answer 400 instead of crashing when a stage recurses too deep", async () => {
    const depth = (value: unknown): number => (Array.isArray(value) ? 1 + depth(value[0]) : 0);
    const provider = defineProvider({
      name: "deep",
      events: { ping: defineEvent(z.unknown()) },
      auth: undefined,
      route: (body) => [{ name: depth(body) >= 0 ? "ping" : "never", payload: body }],
    });
    const receiver = createReceiver({ provider, allowUnauthenticated: true });
    const body = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const response = await receiver.handle({ method: "POST", headers: {}, body });
    expect(JSON.parse(response.body)).toEqual({ error: "invalid_json", message: "The body is nested too deeply to process" });
    expect(response.status).toBe(400);
  });
});

describe("validation of the events of one delivery, each on its own", () => {
  function batchReceiver() {
    const contexts: unknown[] = [];
    const provider = defineProvider({
      name: "batch",
      events: {
        ping: defineEvent(z.object({ id: z.string() }), {
          deliveryId: (payload, context) => (contexts.push(["id", context]), payload.id),
          unified: (_payload, context) => (contexts.push(["unified", context]), { kind: "content.update", items: [] }),
        }),
        pong: defineEvent(z.object({ n: z.number() })),
      },
      auth: undefined,
      readMeta: (headers) => ({ from: headers.get("x-meta") }),
      route: (body) => (body as { name: string; payload: unknown }[]).map((e, i) => ({ ...e, path: ["events", i] })),
    });
    const receiver = createReceiver({ provider, allowUnauthenticated: true, log: false });
    const warnings: unknown[] = [];
    const seen: unknown[] = [];
    receiver.onError((e) => void warnings.push([e.code, e.status, (e as { event?: string }).event, (e as { index?: number }).index, (e as { issues?: { path: unknown[] }[] }).issues?.map((i) => i.path)]));
    receiver.onAny((e) => void seen.push([e.name, e.index, e.deliveryId]));
    receiver.onContentUpdate(() => {});
    const send = (events: { name: string; payload: unknown }[]) => receiver.handle({ method: "POST", headers: { "x-meta": "m" }, body: JSON.stringify(events) });
    return { send, warnings, seen, contexts };
  }

  it("sets an invalid event aside as a warning, with its issues under the route's path, and runs the valid ones", async () => {
    const { send, warnings, seen } = batchReceiver();
    const response = await send([
      { name: "ping", payload: { id: "a" } },
      { name: "pong", payload: { n: "x" } },
      { name: "ping", payload: { id: 1 } },
    ]);
    expect(response.status).toBe(200);
    expect(seen).toEqual([["ping", 0, "a"]]);
    expect(warnings).toEqual([
      ["invalid_event", 200, "pong", 1, [["events", 1, "n"]]],
      ["invalid_event", 200, "ping", 2, [["events", 2, "id"]]],
    ]);
  });

  it("answers 422 naming the first invalid event with every issue when no known event is valid, an unknown one notwithstanding", async () => {
    const { send, seen } = batchReceiver();
    const response = await send([
      { name: "mystery", payload: {} },
      { name: "pong", payload: {} },
      { name: "ping", payload: {} },
    ]);
    expect(response.status).toBe(422);
    const body = JSON.parse(response.body) as { event: string; issues: { path: unknown[] }[] };
    expect([body.event, body.issues.map((i) => i.path)]).toEqual(["pong", [["events", 1, "n"], ["events", 2, "id"]]]);
    expect(seen).toEqual([]);
  });

  it("passes unknown events through as records (for onAny) and as warnings", async () => {
    const { send, warnings, seen } = batchReceiver();
    expect((await send([{ name: "mystery", payload: {} }])).status).toBe(200);
    expect(seen).toEqual([["mystery", 0, expect.stringMatching(/^[0-9a-f]{64}:mystery$/)]]);
    expect(warnings).toEqual([["unknown_event", 200, "mystery", 0, []]]);
  });

  it("gives the vendor's id and unified mappings the event's name, header metadata and index", async () => {
    const { send, contexts } = batchReceiver();
    await send([
      { name: "pong", payload: { n: 1 } },
      { name: "ping", payload: { id: "b" } },
    ]);
    expect(contexts).toEqual([
      ["id", { name: "ping", meta: { from: "m" }, index: 1 }],
      ["unified", { name: "ping", meta: { from: "m" }, index: 1 }],
    ]);
  });
});
