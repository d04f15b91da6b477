import { toHeaderReader } from "@cmshooks/core";
import { describe, expect, it, vi } from "vitest";
import { documentedExamples } from "./fixtures/documented-examples.js";
import { formatKontentJson } from "./wire-format.js";

// Workers, Deno and Bun resolve @cmshooks/core to its Web Crypto build, where signatures are checked asynchronously.
vi.mock("@cmshooks/core", async () => import("../../core/src/index.js"));

const { kontentSignature } = await import("./signature.js");
const encoder = new TextEncoder();

describe("kontentSignature on Web Crypto (async HMAC)", () => {
  const example = documentedExamples.find((e) => e.vector)!;
  const { secret, signature } = example.vector!;
  const crlf = formatKontentJson(example.body);
  const check = (body: string, normalizeLineBreaks = false) =>
    Promise.resolve(
      kontentSignature({ secret, normalizeLineBreaks }).verify({
        headers: toHeaderReader({ "x-kontent-ai-signature": signature }),
        body: encoder.encode(body),
        url: undefined,
      }),
    ).then((outcome) => outcome?.code);

  it("returns a promise and verifies the published vector", async () => {
    const pending = kontentSignature({ secret }).verify({ headers: toHeaderReader({ "x-kc-signature": signature }), body: encoder.encode(crlf), url: undefined });
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBeUndefined();
  });

  it("rejects the LF body, and accepts it with the line-break fallback", async () => {
    const lf = crlf.replace(/\r\n/g, "\n");
    expect([await check(lf), await check(lf, true), await check(lf.replace("default", "defaulf"), true)]).toEqual([
      "signature_mismatch",
      undefined,
      "signature_mismatch",
    ]);
  });
});

describe("signKontent on Web Crypto", () => {
  const { secret, signature } = documentedExamples.find((e) => e.vector)!.vector!;
  const crlf = formatKontentJson(documentedExamples.find((e) => e.vector)!.body);

  it("signs a string body as its UTF-8 bytes and reproduces the published vector", async () => {
    const { signKontent } = await import("./sign.js");
    expect(await signKontent(crlf, secret)).toBe(signature);
    expect(await signKontent(encoder.encode(crlf), secret)).toBe(signature);
  });
});
