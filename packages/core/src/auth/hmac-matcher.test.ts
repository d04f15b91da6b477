import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nodeCryptoEngine } from "../crypto/node-crypto.js";
import { webCryptoEngine } from "../crypto/web-crypto.js";
import { ConfigurationError } from "../errors.js";
import { makeHmacMatcher } from "./hmac-matcher.js";

const data = new TextEncoder().encode('1700000000000.{"_id":"movie_1"}');
const digest = (secret: string, encoding: "base64" | "base64url" | "hex") => createHmac("sha256", secret).update(data).digest(encoding);

for (const [engineName, engine] of [
  ["node:crypto", nodeCryptoEngine],
  ["Web Crypto", webCryptoEngine],
] as const) {
  const hmacMatcher = makeHmacMatcher(engine);

  describe(`hmacMatcher with ${engineName}`, () => {
    it("matches base64url without padding, as Sanity writes it", async () => {
      const matches = hmacMatcher({ secret: "s3cret", encoding: "base64url" });
      expect(await matches(data, digest("s3cret", "base64url"))).toBe(true);
      expect(digest("s3cret", "base64url")).not.toMatch(/[+/=]/);
    });

    it("does not accept the base64 form where base64url is expected", async () => {
      const matches = hmacMatcher({ secret: "s3cret", encoding: "base64url" });
      const base64 = digest("s3cret", "base64");
      // Only differs when the digest has + / or padding; force a padded one.
      expect(await matches(data, `${digest("s3cret", "base64url")}=`)).toBe(false);
      if (/[+/]/.test(base64)) expect(await matches(data, base64)).toBe(false);
    });

    it("accepts any secret of a rotation list and refuses another secret", async () => {
      const matches = hmacMatcher({ secret: ["new", "old"], encoding: "base64" });
      expect(await matches(data, digest("old", "base64"))).toBe(true);
      expect(await matches(data, digest("other", "base64"))).toBe(false);
    });

    it("compares hex case-insensitively and treats a truncated digest as a mismatch", async () => {
      const matches = hmacMatcher({ secret: "s3cret", encoding: "hex" });
      expect(await matches(data, digest("s3cret", "hex").toUpperCase())).toBe(true);
      expect(await matches(data, digest("s3cret", "hex").slice(0, 10))).toBe(false);
    });

    it("answers synchronously where the engine is synchronous", () => {
      const result = hmacMatcher({ secret: "s3cret" })(data, digest("s3cret", "base64"));
      expect(typeof result === "boolean").toBe(engine.sync);
    });

    it("refuses an empty secret or an unknown encoding at construction", () => {
      expect(() => hmacMatcher({ secret: "", what: "sanity" })).toThrow(/sanity: secret #1 is empty/);
      // @ts-expect-error — not an encoding
      expect(() => hmacMatcher({ secret: "s", encoding: "base32" })).toThrow(/unknown encoding/);
    });
  });
}

describe("hmacMatcher algorithms and base64url", () => {
  const hmacMatcher = makeHmacMatcher(nodeCryptoEngine);

  it("signs with sha1 and sha512 when asked", () => {
    for (const algorithm of ["sha1", "sha512"] as const) {
      const expected = createHmac(algorithm, "s3cret").update(data).digest("base64");
      expect([hmacMatcher({ secret: "s3cret", algorithm })(data, expected), hmacMatcher({ secret: "s3cret" })(data, expected)]).toEqual([true, false]);
    }
  });

  it("writes base64url with - and _ and without any padding, whatever the digest", () => {
    // Twenty secrets: their SHA-512 digests hold "+" and "/" in base64, and every one is padded with "==".
    const secrets = Array.from({ length: 20 }, (_, i) => `secret-${i}`);
    const base64 = secrets.map((s) => createHmac("sha512", s).update(data).digest("base64"));
    expect([base64.some((d) => d.includes("+")), base64.some((d) => d.includes("/")), base64.every((d) => d.endsWith("=="))]).toEqual([true, true, true]);
    for (const secret of secrets) {
      const matches = hmacMatcher({ secret, algorithm: "sha512", encoding: "base64url" });
      expect(matches(data, createHmac("sha512", secret).update(data).digest("base64url"))).toBe(true);
    }
  });

  it("names itself, or who asks, in its configuration errors", () => {
    // @ts-expect-error — not an encoding
    expect(() => hmacMatcher({ secret: "s", encoding: "base32" })).toThrow(new ConfigurationError('hmacMatcher: unknown encoding "base32"'));
    // @ts-expect-error — not an algorithm
    expect(() => hmacMatcher({ secret: "s", algorithm: "md5", what: "sanity" })).toThrow(new ConfigurationError('sanity: unknown algorithm "md5"'));
  });
});

