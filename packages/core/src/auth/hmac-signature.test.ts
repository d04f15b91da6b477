import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CryptoEngine } from "../crypto/engine.js";
import { nodeCryptoEngine } from "../crypto/node-crypto.js";
import { webCryptoEngine } from "../crypto/web-crypto.js";
import { ConfigurationError } from "../errors.js";
import { toHeaderReader } from "../headers.js";
import { makeHmacSignature } from "./hmac-signature.js";

const body = new TextEncoder().encode('{"application":"editorial","event":"update_asset","data":{}}');
const sign = (secret: string, encoding: "base64" | "hex" = "base64", algorithm = "sha256") =>
  createHmac(algorithm, secret).update(body).digest(encoding);

for (const [engineName, engine] of [
  ["node:crypto", nodeCryptoEngine],
  ["Web Crypto", webCryptoEngine],
] as const) {
  const hmacSignature = makeHmacSignature(engine);
  const verify = async (options: Parameters<typeof hmacSignature>[0], headers: Record<string, string>) =>
    (await hmacSignature(options).verify({ headers: toHeaderReader(headers), body, url: undefined }))?.code ?? "ok";

  describe(`hmacSignature with ${engineName}`, () => {
    it("accepts a base64 SHA-256 signature of the raw body", async () => {
      expect(await verify({ header: "x-sig", secret: "k" }, { "x-sig": sign("k") })).toBe("ok");
    });
    it("accepts hex in either case", async () => {
      expect(await verify({ header: "x-sig", secret: "k", encoding: "hex" }, { "x-sig": sign("k", "hex").toUpperCase() })).toBe("ok");
    });
    it("accepts any secret of a rotation list", async () => {
      expect(await verify({ header: "x-sig", secret: ["new", "old"] }, { "x-sig": sign("old") })).toBe("ok");
    });
    it("rejects a signature made with another secret", async () => {
      expect(await verify({ header: "x-sig", secret: ["new", "old"] }, { "x-sig": sign("other") })).toBe("signature_mismatch");
    });
    it("rejects a truncated signature, and garbage that is not base64", async () => {
      expect(await verify({ header: "x-sig", secret: "k" }, { "x-sig": sign("k").slice(0, -2) })).toBe("signature_mismatch");
      expect(await verify({ header: "x-sig", secret: "k" }, { "x-sig": "%%%not base64%%%" })).toBe("signature_mismatch");
    });
    it("reports a missing or blank header as missing", async () => {
      expect(await verify({ header: "x-sig", secret: "k" }, {})).toBe("signature_missing");
      expect(await verify({ header: "x-sig", secret: "k" }, { "x-sig": "  " })).toBe("signature_missing");
    });
    it("reads the first header present of a list (newer name first, legacy fallback)", async () => {
      const options = { header: ["x-new-sig", "x-old-sig"], secret: "k" };
      expect(await verify(options, { "x-old-sig": sign("k") })).toBe("ok");
      expect(await verify(options, { "x-new-sig": sign("other"), "x-old-sig": sign("k") })).toBe("signature_mismatch");
    });
    it("requires a configured prefix and strips it", async () => {
      const options = { header: "x-sig", secret: "k", encoding: "hex" as const, prefix: "sha256=" };
      expect(await verify(options, { "x-sig": `sha256=${sign("k", "hex")}` })).toBe("ok");
      expect(await verify(options, { "x-sig": sign("k", "hex") })).toBe("signature_mismatch");
    });
    it("tolerates surrounding whitespace and quotes added by proxies", async () => {
      expect(await verify({ header: "x-sig", secret: "k" }, { "x-sig": ` "${sign("k")}" ` })).toBe("ok");
    });
    it("signs other algorithms when asked (sha1, sha512)", async () => {
      expect(await verify({ header: "x-sig", secret: "k", algorithm: "sha1" }, { "x-sig": sign("k", "base64", "sha1") })).toBe("ok");
      expect(await verify({ header: "x-sig", secret: "k", algorithm: "sha512" }, { "x-sig": sign("k", "base64", "sha512") })).toBe("ok");
    });
    it("signs a custom payload when the sender signs more than the body", async () => {
      const signedPayload = ({ body: b }: { body: Uint8Array }) => new Uint8Array([...new TextEncoder().encode("HTTPpublish"), ...b]);
      const expected = createHmac("sha256", "k").update("HTTPpublish").update(body).digest("base64");
      expect(await verify({ header: "x-sig", secret: "k", signedPayload }, { "x-sig": expected })).toBe("ok");
    });
    it("tries the fallback bytes only after the exact bytes failed, and only when they differ", async () => {
      const other = new TextEncoder().encode("another reading");
      const calls: string[] = [];
      const fallbackPayload = () => (calls.push("fallback"), other);
      const otherSignature = createHmac("sha256", "k").update(other).digest("base64");
      expect(await verify({ header: "x-sig", secret: "k", fallbackPayload }, { "x-sig": sign("k") })).toBe("ok");
      expect(calls).toEqual([]);
      expect(await verify({ header: "x-sig", secret: "k", fallbackPayload }, { "x-sig": otherSignature })).toBe("ok");
      expect(await verify({ header: "x-sig", secret: "k", fallbackPayload: () => undefined }, { "x-sig": otherSignature })).toBe("signature_mismatch");
      expect(await verify({ header: "x-sig", secret: "k", fallbackPayload: ({ body: b }) => b }, { "x-sig": otherSignature })).toBe("signature_mismatch");
    });
    it("names the header it read in a mismatch, not the first one configured", async () => {
      const auth = hmacSignature({ header: ["x-new", "x-old"], secret: "k" });
      const outcome = await auth.verify({ headers: toHeaderReader({ "x-old": "bogus" }), body, url: undefined });
      expect(outcome?.message).toBe("x-old does not match the body");
    });
  });
}

describe("hmacSignature configuration", () => {
  const hmacSignature = makeHmacSignature(nodeCryptoEngine);
  it("refuses an empty secret, an empty list, and no header", () => {
    expect(() => hmacSignature({ header: "x", secret: "" })).toThrow(/empty/);
    expect(() => hmacSignature({ header: "x", secret: [] })).toThrow(/at least one secret/);
    expect(() => hmacSignature({ header: "", secret: "k" })).toThrow(/header/);
  });
  it("names the user's own setting when told it", () => {
    expect(() => hmacSignature({ header: "x", secret: undefined as unknown as string, setting: "kontent: `secret`" })).toThrow("kontent: `secret` is required");
    expect(() => hmacSignature({ header: "x", secret: ["a", ""], setting: "blox: `secret`" })).toThrow("blox: `secret` #2 is empty");
  });
  it("refuses an unknown encoding or algorithm", () => {
    expect(() => hmacSignature({ header: "x", secret: "k", encoding: "base32" as "hex" })).toThrow(/encoding/);
    expect(() => hmacSignature({ header: "x", secret: "k", algorithm: "md5" as "sha1" })).toThrow(/algorithm/);
  });
  it("runs synchronously on node:crypto (no promise on the hot path)", () => {
    const result = hmacSignature({ header: "x-sig", secret: "k" }).verify({ headers: toHeaderReader({ "x-sig": sign("k") }), body, url: undefined });
    expect(result).toBeUndefined();
  });
});

describe("hmacSignature messages and declared shape", () => {
  const hmacSignature = makeHmacSignature(nodeCryptoEngine);
  const input = (headers: Record<string, string>) => ({ headers: toHeaderReader(headers), body, url: undefined });

  it("says which headers it looked for, and which prefix it wanted", () => {
    expect(hmacSignature({ header: ["X-New", "X-Old"], secret: "k" }).verify(input({}))).toMatchObject({
      status: 401,
      code: "signature_missing",
      message: "Missing x-new or x-old header",
    });
    expect(hmacSignature({ header: "x-sig", secret: "k", prefix: "sha256=" }).verify(input({ "x-sig": sign("k") }))).toMatchObject({
      code: "signature_mismatch",
      message: "x-sig does not start with sha256=",
    });
  });

  it("names what is wrong in its configuration errors", () => {
    for (const header of [[], ["x-sig", ""]]) {
      expect(() => hmacSignature({ header, secret: "k" })).toThrow(new ConfigurationError("hmacSignature: `header` is required"));
    }
    expect(() => hmacSignature({ header: "x", secret: "k", encoding: "base32" as "hex" })).toThrow(new ConfigurationError('hmacSignature: unknown encoding "base32"'));
    expect(() => hmacSignature({ header: "x", secret: "k", algorithm: "md5" as "sha1" })).toThrow(new ConfigurationError('hmacSignature: unknown algorithm "md5"'));
  });

  it("declares itself a body check, per tenant only with a function secret", () => {
    expect(hmacSignature({ header: "x", secret: "k" })).toMatchObject({ kind: "hmac", needsBody: true, perTenant: false });
    expect(hmacSignature({ header: "x", secret: () => "k" })).toMatchObject({ kind: "hmac", needsBody: true, perTenant: true });
  });
});

describe("hmacSignature with a secret per tenant", () => {
  const hmacSignature = makeHmacSignature(nodeCryptoEngine);
  const secrets: Record<string, string> = { acme: "acme-secret" };
  const tenant = (name: string | undefined) => ({ tenant: name, params: {}, headers: toHeaderReader({}), peek: () => undefined });
  const verify = (auth: ReturnType<typeof hmacSignature>, signature: string, name: string | undefined) =>
    Promise.resolve(auth.verify({ headers: toHeaderReader({ "x-sig": signature }), body, url: undefined, ...(name === undefined ? {} : { tenant: tenant(name) }) })).then(
      (outcome) => outcome?.code ?? "ok",
    );

  for (const [kind, secret] of [
    ["a synchronous", ({ tenant: t }: { tenant: string | undefined }) => secrets[t ?? ""]],
    ["an asynchronous", async ({ tenant: t }: { tenant: string | undefined }) => secrets[t ?? ""]],
  ] as const) {
    it(`checks each tenant's own secret, from ${kind} function`, async () => {
      const auth = hmacSignature({ header: "x-sig", secret });
      expect(await verify(auth, sign("acme-secret"), "acme")).toBe("ok");
      expect(await verify(auth, sign("other-secret"), "acme")).toBe("signature_mismatch");
    });

    it(`answers an unknown tenant, or a delivery naming none, as a wrong signature (from ${kind} function)`, async () => {
      const auth = hmacSignature({ header: "x-sig", secret });
      expect(await verify(auth, sign("acme-secret"), "globex")).toBe("signature_mismatch");
      expect(await verify(auth, sign("acme-secret"), undefined)).toBe("signature_mismatch");
    });
  }

  it("tells the function no tenant when the delivery names none", async () => {
    const seen: unknown[] = [];
    const auth = hmacSignature({
      header: "x-sig",
      secret: (context) => (seen.push([context.tenant, context.params, context.headers.get("x-tenant"), context.peek()]), "shared"),
    });
    expect(await verify(auth, sign("shared"), undefined)).toBe("ok");
    expect(seen).toEqual([[undefined, {}, undefined, undefined]]);
  });

  it("never accepts the fallback reading for an unknown tenant either", async () => {
    const other = new TextEncoder().encode("another reading");
    const auth = hmacSignature({ header: "x-sig", secret: ({ tenant: t }) => secrets[t ?? ""], fallbackPayload: () => other });
    const signedOther = createHmac("sha256", "acme-secret").update(other).digest("base64");
    expect([await verify(auth, signedOther, "acme"), await verify(auth, signedOther, "globex"), await verify(auth, sign("other"), "acme")]).toEqual([
      "ok",
      "signature_mismatch",
      "signature_mismatch",
    ]);
  });
});

/** Node's engine, counting the HMACs it computes. */
function countingEngine() {
  const counter = { hmacs: 0 };
  const engine: CryptoEngine = {
    ...nodeCryptoEngine,
    hmac(algorithm, secret) {
      const sign = nodeCryptoEngine.hmac(algorithm, secret);
      return (data, encoding) => (counter.hmacs++, sign(data, encoding));
    },
  };
  return { engine, counter };
}

describe("hmacSignature costs and edges", () => {
  const input = (headers: Record<string, string>, tenant?: string) => ({
    headers: toHeaderReader(headers),
    body,
    url: undefined,
    ...(tenant === undefined ? {} : { tenant: { tenant, params: {}, headers: toHeaderReader({}), peek: () => undefined } }),
  });

  it("checks an unknown tenant against a decoy key, so it costs one HMAC as a known tenant does", async () => {
    const { engine, counter } = countingEngine();
    const auth = makeHmacSignature(engine)({ header: "x-sig", secret: ({ tenant }) => (tenant === "acme" ? "acme-secret" : undefined) });
    expect(await auth.verify(input({ "x-sig": sign("acme-secret") }, "acme"))).toBeUndefined();
    const known = counter.hmacs;
    expect(await auth.verify(input({ "x-sig": sign("acme-secret") }, "globex"))).toMatchObject({ code: "signature_mismatch" });
    expect([known, counter.hmacs - known]).toEqual([1, 1]);
  });

  it("spends no second HMAC when the fallback reading is the same bytes", () => {
    const { engine, counter } = countingEngine();
    const auth = makeHmacSignature(engine)({ header: "x-sig", secret: "k", fallbackPayload: ({ body: b }) => b });
    expect(auth.verify(input({ "x-sig": sign("other") }))).toMatchObject({ code: "signature_mismatch" });
    expect(counter.hmacs).toBe(1);
  });

  it("refuses a signature that matches neither the exact bytes nor the fallback reading", () => {
    const auth = makeHmacSignature(nodeCryptoEngine)({ header: "x-sig", secret: "k", fallbackPayload: () => new TextEncoder().encode("another reading") });
    expect(auth.verify(input({ "x-sig": sign("other") }))).toMatchObject({ code: "signature_mismatch" });
  });

  it("takes quotes off only when they wrap the whole value", () => {
    const auth = makeHmacSignature(nodeCryptoEngine)({ header: "x-sig", secret: "k", encoding: "hex", prefix: "sha256=" });
    expect(auth.verify(input({ "x-sig": `"sha256=${sign("k", "hex")}"` }))).toBeUndefined();
    expect(auth.verify(input({ "x-sig": `sha256="${sign("k", "hex")}"` }))).toMatchObject({ code: "signature_mismatch" });
    const digest = sign("k", "hex");
    expect(auth.verify(input({ "x-sig": `"sha256=${digest.slice(0, 10)}"${digest.slice(10)}` }))).toMatchObject({ code: "signature_mismatch" });
  });

  it("names itself in configuration errors about its secrets and their cache, or the user's setting, with or without a number", () => {
    const hmacSignature = makeHmacSignature(nodeCryptoEngine);
    expect(() => hmacSignature({ header: "x", secret: "" })).toThrow(new ConfigurationError("hmacSignature: secret #1 is empty"));
    expect(() => hmacSignature({ header: "x", secret: 42 as unknown as string })).toThrow(
      new ConfigurationError("hmacSignature: secret #1 must be a string or Uint8Array, got number"),
    );
    expect(() => hmacSignature({ header: "x", secret: "", setting: "blox: `secret`" })).toThrow(new ConfigurationError("blox: `secret` is empty"));
    expect(() => hmacSignature({ header: "x", secret: () => "k", cache: { ttlMs: -1 } })).toThrow(new ConfigurationError("hmacSignature: cache.ttlMs must be ≥ 0"));
  });

  it("takes a secret given as bytes", () => {
    const auth = makeHmacSignature(nodeCryptoEngine)({ header: "x-sig", secret: new TextEncoder().encode("k") });
    expect(auth.verify(input({ "x-sig": sign("k") }))).toBeUndefined();
  });
});

