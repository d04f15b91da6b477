import { bloxSamples, signBlox } from "@cmshooks/blox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameworks, LIMIT, makeReceiver, SECRET, type ReceiverContext } from "./support/adapters.js";
import { request, startServer, type HttpResult, type RunningServer } from "./support/http.js";

const sample = bloxSamples["editorial.update_asset"];
const update = JSON.stringify(sample);

async function signed(body: string | Uint8Array, secret = SECRET) {
  return { "content-type": "application/json", "x-hook-signature": await signBlox(body, secret) };
}

interface Case {
  readonly name: string;
  readonly status: number;
  readonly code?: string;
  readonly send: (url: string) => Promise<HttpResult>;
  /** The receiver behind the app for this case. Default: `makeReceiver()`. */
  readonly receiver?: () => ReceiverContext;
  readonly check?: (result: HttpResult, ctx: ReceiverContext) => void;
}

const post = async (url: string, body: string, secret = SECRET) => request(url, { headers: await signed(body, secret), body });

/** The same deliveries and expectations for every framework. */
const cases: Case[] = [
  {
    name: "accepts a valid signed delivery (200) and runs the typed handler once",
    status: 200,
    send: (url) => post(url, update),
    check: (_, { seen }) => expect(seen).toEqual([`native:${sample.data.uuid}`, `publish:${sample.data.uuid}`]),
  },
  {
    name: "passes the socket address to the receiver: allowed from 127.0.0.1 (200)",
    status: 200,
    receiver: () => makeReceiver({ allowIps: ["127.0.0.1", "::ffff:127.0.0.1"] }),
    send: (url) => post(url, update),
  },
  {
    name: "passes the socket address to the receiver: refused when not on the allowlist (403)",
    status: 403,
    code: "ip_not_allowed",
    receiver: () => makeReceiver({ allowIps: ["10.0.0.0/8"] }),
    send: (url) => post(url, update),
    check: ({ json }) => expect(json.message).toContain("127.0.0.1"),
  },
  {
    name: "rejects a body changed after signing (401)",
    status: 401,
    code: "signature_mismatch",
    send: async (url) => request(url, { headers: await signed(update), body: update.replace(sample.data.uuid, sample.data.uuid.replace(/.$/, "0")) }),
    check: (_, { seen }) => expect(seen).toEqual([]),
  },
  { name: "rejects broken JSON (400)", status: 400, code: "invalid_json", send: (url) => post(url, '{"application":"editorial",') },
  {
    name: "rejects a payload that does not match the schema (422) with the failing paths",
    status: 422,
    code: "invalid_payload",
    send: (url) => {
      const { uuid: _uuid, ...data } = sample.data;
      return post(url, JSON.stringify({ ...sample, data }));
    },
    check: ({ json }) => expect(json.issues).toEqual([expect.objectContaining({ path: ["data", "uuid"] })]),
  },
  {
    name: "answers 500 when a handler throws, and reports it to onError once",
    status: 500,
    code: "handler_failed",
    send: (url) => post(url, JSON.stringify({ ...sample, data: { ...sample.data, title: "explode" } })),
    check: (_, { errors }) => expect(errors.map((e) => e.code)).toEqual(["handler_failed"]),
  },
  {
    name: "answers GET with 405 and an Allow header",
    status: 405,
    code: "method_not_allowed",
    send: (url) => request(url, { method: "GET" }),
    check: ({ headers }) => expect(headers.allow).toBe("POST"),
  },
];

describe.each(frameworks)("$name adapter on a real server", (framework) => {
  let server: RunningServer;
  let ctx: ReceiverContext;
  beforeAll(async () => {
    // The app is built once; each test swaps in a fresh receiver behind it.
    ctx = makeReceiver();
    server = await startServer(framework.app({ handle: (input) => ctx.receiver.handle(input), fetch: (req, options) => ctx.receiver.fetch(req, options) }));
  });
  afterAll(() => server.close());
  const hook = () => `${server.url}/hooks/blox`;

  for (const c of cases) {
    it(c.name, async () => {
      ctx = c.receiver?.() ?? makeReceiver();
      const result = await c.send(hook());
      expect(result.status, result.text).toBe(c.status);
      if (c.code) expect(result.json.error).toBe(c.code);
      c.check?.(result, ctx);
    });
  }

  it.each([
    ["with Content-Length", false],
    ["chunked, without Content-Length", true],
  ])("answers 413 to an oversized body %s, and the app keeps serving", async (_, chunked) => {
    ctx = makeReceiver();
    const huge = `{"pad":"${"x".repeat(LIMIT * 4)}"}`;
    const result = await request(hook(), { headers: await signed(huge), body: huge, chunked });
    expect(result.status).toBe(413);
    expect(result.json.error).toBe("body_too_large");
    expect((await post(hook(), update)).status).toBe(200);
    expect(ctx.seen).toHaveLength(2);
    expect((await request(`${server.url}/other`, { headers: { "content-type": "application/json" }, body: '{"a":1}' })).json).toEqual({ echo: { a: 1 } });
  });

  it("leaves the app's other routes and their body parser alone", async () => {
    ctx = makeReceiver();
    await post(hook(), update);
    const other = await request(`${server.url}/other`, { headers: { "content-type": "application/json" }, body: '{"hello":"world"}' });
    expect(other.status).toBe(200);
    expect(other.json).toEqual({ echo: { hello: "world" } });
  });

  describe.each(framework.parserCases.map((p) => ({ ...p, label: p.name })))("with a body parser mounted first: $label", (parserCase) => {
    let parsed: RunningServer;
    beforeAll(async () => {
      ctx = makeReceiver();
      parsed = await startServer(framework.app(ctx.receiver, parserCase.mount));
    });
    afterAll(() => parsed.close());

    it(parserCase.code ? "answers with a clear error and reports it to onError once" : "verifies the exact bytes and runs the handler", async () => {
      const json = new TextEncoder().encode(update);
      const body = parserCase.prefix ? new Uint8Array([...parserCase.prefix, ...json]) : json;
      const result = await request(`${parsed.url}/hooks/blox`, { headers: await signed(body), body });
      expect(result.status, result.text).toBe(parserCase.status);
      if (parserCase.code) {
        expect(result.json.error).toBe(parserCase.code);
        expect(String(result.json.message)).toMatch(/before the (body parser|webhook route)/);
        expect(ctx.errors.map((e) => [e.status, e.code])).toEqual([[500, parserCase.code]]);
        expect(ctx.seen).toEqual([]);
      } else {
        expect(ctx.seen).toEqual([`native:${sample.data.uuid}`, `publish:${sample.data.uuid}`]);
        expect(ctx.errors).toEqual([]);
      }
    });
  });
});
