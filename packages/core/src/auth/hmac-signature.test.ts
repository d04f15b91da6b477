import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nodeCryptoEngine } from "../crypto/node-crypto.js";
import { webCryptoEngine } from "../crypto/web-crypto.js";
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
