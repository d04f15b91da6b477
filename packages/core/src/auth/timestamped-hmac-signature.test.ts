import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nodeCryptoEngine } from "../crypto/node-crypto.js";
import { webCryptoEngine } from "../crypto/web-crypto.js";
import { toHeaderReader } from "../headers.js";
import { makeTimestampedHmacSignature } from "./timestamped-hmac-signature.js";

const encoder = new TextEncoder();
const body = encoder.encode('{"_id":"movie_10"}');
// A made-up scheme: "ts=<ms>;sig=<hex of HMAC('<ms>:' + body)>".
const sign = (secret: string, ts: number) => `ts=${ts};sig=${createHmac("sha256", secret).update(`${ts}:`).update(body).digest("hex")}`;
const parse = (value: string) => {
  const match = /^ts=(\d+);sig=([0-9a-f]+)$/.exec(value);
  return match ? { timestamp: Number(match[1]), signature: match[2]! } : undefined;
};

/** The scheme's options but the secret. */
const SCHEME = {
  header: "x-sig",
  encoding: "hex",
  form: "ts=<ms>;sig=<hex>",
  parse,
  signedBytes: ({ timestamp }: { timestamp: number }, raw: Uint8Array) => new Uint8Array([...encoder.encode(`${timestamp}:`), ...raw]),
  defaultToleranceMs: 60_000,
  what: "test",
} as const;

for (const [engineName, engine] of [
  ["node:crypto", nodeCryptoEngine],
  ["Web Crypto", webCryptoEngine],
] as const) {
  // Built inside each test, so that a failure to build fails that test.
  const build = () => makeTimestampedHmacSignature(engine)({ ...SCHEME, secret: ["new", "old"] });
  const verify = async (value: string | undefined) =>
    (await build().verify({ headers: toHeaderReader(value === undefined ? {} : { "x-sig": value }), body, url: undefined }))?.message ?? "ok";

  describe(`timestampedHmacSignature with ${engineName}`, () => {
    it("accepts a fresh timestamp signed with any secret of the list", async () => {
      expect(await verify(sign("old", Date.now()))).toBe("ok");
    });
    it("refuses another secret, a missing header and a header in another form (401 messages)", async () => {
      expect(await verify(sign("other", Date.now()))).toBe("x-sig does not match the body");
      expect(await verify(undefined)).toBe("Missing x-sig header");
      expect(await verify("garbage")).toBe("x-sig is not in the form ts=<ms>;sig=<hex>");
    });
    it("refuses a correctly signed timestamp outside the window", async () => {
      expect(await verify(sign("new", Date.now() - 120_000))).toMatch(/120 s old, outside the 60 s replay window/);
    });
    it("answers 401 with a code for each failure, and reports a blank header as missing", async () => {
      const outcome = async (value: string) => build().verify({ headers: toHeaderReader({ "x-sig": value }), body, url: undefined });
      expect(await outcome("  ")).toMatchObject({ status: 401, code: "signature_missing", message: "Missing x-sig header" });
      expect(await outcome("garbage")).toMatchObject({ status: 401, code: "signature_mismatch" });
      expect(await outcome(sign("other", Date.now()))).toMatchObject({ status: 401, code: "signature_mismatch" });
    });
    it("declares itself a body check", () => expect(build()).toMatchObject({ kind: "hmac", needsBody: true }));
    it("calls a forged timestamp a mismatch, not a stale delivery", async () => {
      const stale = sign("new", Date.now() - 120_000).replace(/^ts=\d+/, `ts=${Date.now()}`);
      expect(await verify(stale)).toBe("x-sig does not match the body");
    });
  });
}

describe("timestampedHmacSignature with another algorithm", () => {
  it("signs with the algorithm it is given", () => {
    const now = Date.now();
    const check = makeTimestampedHmacSignature(nodeCryptoEngine)({ ...SCHEME, secret: "k", algorithm: "sha1" });
    const sha1 = `ts=${now};sig=${createHmac("sha1", "k").update(`${now}:`).update(body).digest("hex")}`;
    const verify = (value: string) => check.verify({ headers: toHeaderReader({ "x-sig": value }), body, url: undefined });
    expect([verify(sha1), verify(sign("k", now))]).toEqual([undefined, expect.objectContaining({ code: "signature_mismatch" })]);
  });
});


describe("timestampedHmacSignature with a secret per tenant", () => {
  it("is per tenant, and passes its cache options on (ttlMs 0: the lookup runs for every delivery)", () => {
    let lookups = 0;
    const check = makeTimestampedHmacSignature(nodeCryptoEngine)({
      ...SCHEME,
      secret: ({ tenant }) => (lookups++, tenant === "acme" ? "acme-secret" : undefined),
      cache: { ttlMs: 0 },
    });
    const tenant = { tenant: "acme", params: {}, headers: toHeaderReader({}), peek: () => undefined };
    const verify = () => check.verify({ headers: toHeaderReader({ "x-sig": sign("acme-secret", Date.now()) }), body, url: undefined, tenant });
    expect([check.perTenant, verify(), verify(), lookups]).toEqual([true, undefined, undefined, 2]);
  });
});
