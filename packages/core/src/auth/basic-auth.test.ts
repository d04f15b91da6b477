import { describe, expect, it } from "vitest";
import { toHeaderReader } from "../headers.js";
import { basicAuth } from "./basic-auth.js";

const header = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`, "utf8").toString("base64")}`;
const check = (auth: ReturnType<typeof basicAuth>, authorization?: string) => {
  const result = auth.verify({ headers: toHeaderReader(authorization === undefined ? {} : { authorization }), body: new Uint8Array(), url: undefined });
  return (result as { code?: string } | undefined)?.code ?? "ok";
};

describe("basicAuth", () => {
  const auth = basicAuth({ username: "cms", password: "pa:ss:wörd" });

  it("accepts the right credentials, with a colon and non-ASCII in the password", () => expect(check(auth, header("cms", "pa:ss:wörd"))).toBe("ok"));
  it("rejects a password differing only in its last character", () => expect(check(auth, header("cms", "pa:ss:wörc"))).toBe("credentials_invalid"));
  it("rejects the right password for another user", () => expect(check(auth, header("cmx", "pa:ss:wörd"))).toBe("credentials_invalid"));
  it("reports missing credentials", () => expect(check(auth)).toBe("credentials_missing"));
  it("rejects malformed headers without throwing", () => {
    for (const value of ["Bearer abc", "Basic", "Basic !!!", `Basic ${btoa("no-colon")}`, "Basic /w==", "basic"]) {
      expect(check(auth, value)).toBe("credentials_invalid");
    }
  });
  it("accepts the scheme name in any case", () => expect(check(auth, header("cms", "pa:ss:wörd").replace("Basic", "bAsIc"))).toBe("ok"));
  it("answers with a WWW-Authenticate challenge", () => {
    const result = auth.verify({ headers: toHeaderReader({}), body: new Uint8Array(), url: undefined }) as { headers?: Record<string, string> };
    expect(result.headers?.["www-authenticate"]).toBe('Basic realm="webhooks", charset="UTF-8"');
  });
  it("accepts every pair of a rotation list", () => {
    const rotating = basicAuth({ credentials: [{ username: "cms", password: "new" }, { username: "cms", password: "old" }] });
    expect([check(rotating, header("cms", "new")), check(rotating, header("cms", "old")), check(rotating, header("cms", "mid"))]).toEqual([
      "ok",
      "ok",
      "credentials_invalid",
    ]);
  });
  it("refuses empty credentials and a username with a colon at construction", () => {
    expect(() => basicAuth({ username: "", password: "x" })).toThrow(/empty username/);
    expect(() => basicAuth({ username: "a", password: "" })).toThrow(/empty password/);
    expect(() => basicAuth({ username: "a:b", password: "x" })).toThrow(/cannot contain/);
    expect(() => basicAuth({ credentials: [] })).toThrow(/at least one/);
  });
});
