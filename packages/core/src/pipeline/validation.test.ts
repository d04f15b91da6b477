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
    expect([response.status, JSON.parse(response.body).error]).toEqual([400, "invalid_json"]);
  });
});
