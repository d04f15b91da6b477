import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CryptoEngine } from "../crypto/engine.js";
import { nodeCryptoEngine } from "../crypto/node-crypto.js";
import { webCryptoEngine } from "../crypto/web-crypto.js";
import { ConfigurationError } from "../errors.js";
import { toHeaderReader } from "../headers.js";
import { makeHmacMatcher } from "./hmac-matcher.js";
import { CredentialsUnavailableError, type TenantContext } from "./tenant-secrets.js";

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

    it("says whether it needs the delivery's tenant: not with fixed secrets, yes with a function", () => {
      expect(hmacMatcher({ secret: "s3cret" }).perTenant).toBe(false);
      expect(hmacMatcher({ secret: ["new", "old"] }).perTenant).toBe(false);
      expect(hmacMatcher({ secret: () => "s3cret" }).perTenant).toBe(true);
    });

    describe("with a secret per tenant", () => {
      const secrets: Record<string, string | string[]> = { acme: "acme-secret", globex: ["globex-new", "globex-old"] };
      const tenant = (name: string | undefined): TenantContext => ({ tenant: name, params: {}, headers: toHeaderReader({}), peek: () => undefined });

      it("matches the tenant's own secret (any of its rotation list), never another tenant's", async () => {
        const matches = hmacMatcher({ secret: ({ tenant: name }) => (name ? secrets[name] : undefined) });
        expect(await matches(data, digest("acme-secret", "base64"), tenant("acme"))).toBe(true);
        expect(await matches(data, digest("globex-old", "base64"), tenant("globex"))).toBe(true);
        expect(await matches(data, digest("acme-secret", "base64"), tenant("globex"))).toBe(false);
      });

      it("never matches for an unknown tenant, and answers in the engine's own way (a boolean where it is synchronous)", async () => {
        const matches = hmacMatcher({ secret: ({ tenant: name }) => (name ? secrets[name] : undefined) });
        const result = matches(data, digest("acme-secret", "base64"), tenant("initech"));
        expect(typeof result === "boolean").toBe(engine.sync);
        expect(await result).toBe(false);
        // No tenant at all: the lookup sees none, and nothing matches.
        expect(await matches(data, digest("acme-secret", "base64"))).toBe(false);
      });

      it("waits for a lookup that answers later, and caches its answer", async () => {
        let lookups = 0;
        const matches = hmacMatcher({ secret: async ({ tenant: name }) => (lookups++, name ? secrets[name] : undefined) });
        expect(await matches(data, digest("acme-secret", "base64"), tenant("acme"))).toBe(true);
        expect(await matches(data, digest("other", "base64"), tenant("acme"))).toBe(false);
        expect(await matches(data, digest("acme-secret", "base64"), tenant("nobody"))).toBe(false);
        expect(lookups).toBe(2);
      });

      it("throws CredentialsUnavailableError (503) when the lookup fails, rather than answering a mismatch", async () => {
        const matches = hmacMatcher({
          secret: () => {
            throw new Error("vault down");
          },
        });
        await expect(async () => matches(data, digest("acme-secret", "base64"), tenant("acme"))).rejects.toBeInstanceOf(CredentialsUnavailableError);
      });
    });

    it("refuses an empty secret or an unknown encoding at construction", () => {
      expect(() => hmacMatcher({ secret: "", what: "sanity" })).toThrow(/sanity: secret #1 is empty/);
      // @ts-expect-error — not an encoding
      expect(() => hmacMatcher({ secret: "s", encoding: "base32" })).toThrow(/unknown encoding/);
    });
  });
}

describe("hmacMatcher with a secret per tenant: an unknown tenant costs what a known one does", () => {
  it("computes one HMAC per delivery for a known tenant, an unknown one and no tenant alike", () => {
    let signed = 0;
    const counting: CryptoEngine = {
      ...nodeCryptoEngine,
      hmac(algorithm, secret) {
        const sign = nodeCryptoEngine.hmac(algorithm, secret);
        return (bytes, encoding) => (signed++, sign(bytes, encoding));
      },
    };
    const matches = makeHmacMatcher(counting)({ secret: ({ tenant }) => (tenant === "acme" ? "acme-secret" : undefined) });
    const context = (tenant: string | undefined): TenantContext => ({ tenant, params: {}, headers: toHeaderReader({}), peek: () => undefined });
    const costs = [context("acme"), context("initech"), undefined].map((tenant) => {
      const before = signed;
      const result = matches(data, digest("acme-secret", "base64"), tenant);
      return [result, signed - before];
    });
    expect(costs).toEqual([
      [true, 1],
      [false, 1],
      [false, 1],
    ]);
  });
});

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

