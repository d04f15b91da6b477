import { toHeaderReader, type Authenticator } from "@cmshooks/core";
import { describe, expect, it } from "vitest";
import { documentedExamples } from "./fixtures/documented-examples.js";
import {
  kontent,
  kontentSignature,
  signKontent,
  formatKontentJson,
  KONTENT_LEGACY_SIGNATURE_HEADER,
  KONTENT_SIGNATURE_HEADER,
  type KontentSignatureOptions,
} from "./index.js";

const encoder = new TextEncoder();
const vectors = documentedExamples.filter((e) => e.vector);

async function verify(auth: Authenticator, body: string, headers: Record<string, string>) {
  return (await auth.verify({ headers: toHeaderReader(headers), body: encoder.encode(body), url: undefined }))?.code;
}

describe("Kontent.ai signature test vectors (the official helper's signature tests, v3.0.4 and v4)", () => {
  it("has both published vectors", () => expect(vectors).toHaveLength(2));

  for (const example of vectors) {
    const { secret, signature } = example.vector!;
    const body = formatKontentJson(example.body);

    it(`signKontent reproduces ${signature} for the ${example.title} (2-space JSON, CRLF)`, async () => {
      expect(body).toContain("\r\n");
      expect(await signKontent(body, secret)).toBe(signature);
    });

    it(`accepts ${signature} in X-Kontent-ai-Signature and in X-KC-Signature`, async () => {
      const auth = kontentSignature({ secret });
      expect(await verify(auth, body, { [KONTENT_SIGNATURE_HEADER]: signature })).toBeUndefined();
      expect(await verify(auth, body, { [KONTENT_LEGACY_SIGNATURE_HEADER]: signature })).toBeUndefined();
    });

    it("uses the secret's UTF-8 bytes, not its base64 decoding", async () => {
      const decodedKey = Buffer.from(secret, "base64").toString("latin1");
      expect(await signKontent(body, decodedKey)).not.toBe(signature);
    });

    it("accepts the same JSON with LF line ends, as helper v4 reads it (the normalised body is tried after the exact bytes)", async () => {
      const lf = body.replace(/\r\n/g, "\n");
      expect(await verify(kontentSignature({ secret }), lf, { [KONTENT_SIGNATURE_HEADER]: signature })).toBeUndefined();
    });

    it("accepts only the exact bytes with normalizeLineBreaks: false", async () => {
      const lf = body.replace(/\r\n/g, "\n");
      expect(await verify(kontentSignature({ secret, normalizeLineBreaks: false }), lf, { [KONTENT_SIGNATURE_HEADER]: signature })).toBe(
        "signature_mismatch",
      );
    });
  }
});

describe("kontentSignature", () => {
  const body = formatKontentJson(documentedExamples[0]!.body);

  it("accepts any secret of a rotation list", async () => {
    const auth = kontentSignature({ secret: ["new-secret", "old-secret"] });
    expect(await verify(auth, body, { "x-kontent-ai-signature": await signKontent(body, "old-secret") })).toBeUndefined();
    expect(await verify(auth, body, { "x-kontent-ai-signature": await signKontent(body, "other-secret") })).toBe("signature_mismatch");
  });

  it("reads X-Kontent-ai-Signature first when both headers are present", async () => {
    const auth = kontentSignature({ secret: "s" });
    const good = await signKontent(body, "s");
    expect(await verify(auth, body, { "x-kontent-ai-signature": good, "x-kc-signature": "bogus" })).toBeUndefined();
    expect(await verify(auth, body, { "x-kontent-ai-signature": "bogus", "x-kc-signature": good })).toBe("signature_mismatch");
  });

  it("treats a missing, empty, truncated or non-base64 signature as a failure, not a crash", async () => {
    const auth = kontentSignature({ secret: "s" });
    const good = await signKontent(body, "s");
    expect(await verify(auth, body, {})).toBe("signature_missing");
    expect(await verify(auth, body, { "x-kc-signature": "" })).toBe("signature_missing");
    expect(await verify(auth, body, { "x-kc-signature": good.slice(0, -4) })).toBe("signature_mismatch");
    expect(await verify(auth, body, { "x-kc-signature": "%%%not base64%%%" })).toBe("signature_mismatch");
  });

  it("accepts a quoted header value (some proxies quote it; Kontent.ai's .NET sample strips the quotes)", async () => {
    const auth = kontentSignature({ secret: "s" });
    expect(await verify(auth, body, { "x-kc-signature": `"${await signKontent(body, "s")}"` })).toBeUndefined();
  });

  it("does not let the line-break fallback accept other changes to the body", async () => {
    const auth = kontentSignature({ secret: "s" });
    const signature = await signKontent(body, "s");
    expect(await verify(auth, body.replace("published_article", "published_articlf"), { "x-kc-signature": signature })).toBe("signature_mismatch");
  });

  it("refuses an empty secret or an empty rotation list at construction", () => {
    expect(() => kontentSignature({ secret: "" })).toThrow(/empty/);
    expect(() => kontentSignature({ secret: [] })).toThrow("kontent: `secret` is required");
  });

  it("names the user's setting when kontent() gets no secret, not core's internals", () => {
    expect(() => kontent({ secret: undefined as unknown as string })).toThrow("kontent: `secret` is required");
    expect(() => kontent({ secret: undefined as unknown as string })).not.toThrow(/hmacSignature/);
  });

  it("answers a call without options (from JavaScript) with the same configuration error, not a TypeError", () => {
    expect(() => kontentSignature(undefined as unknown as KontentSignatureOptions)).toThrow(
      expect.objectContaining({ name: "ConfigurationError", message: "kontent: `secret` is required" }),
    );
  });

  it("names the header it checked: a legacy mismatch is about X-KC-Signature", async () => {
    const auth = kontentSignature({ secret: "s" });
    const outcome = await auth.verify({ headers: toHeaderReader({ "x-kc-signature": "bogus" }), body: encoder.encode(body), url: undefined });
    expect(outcome?.message).toBe("x-kc-signature does not match the body");
  });
});
