import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../errors.js";
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
  it("says what is wrong in each 401, always with the challenge", () => {
    const outcome = (authorization?: string) =>
      auth.verify({ headers: toHeaderReader(authorization === undefined ? {} : { authorization }), body: new Uint8Array(), url: undefined });
    const challenge = { "www-authenticate": 'Basic realm="webhooks", charset="UTF-8"' };
    expect(outcome()).toMatchObject({ status: 401, message: "Missing Authorization header", headers: challenge });
    expect(outcome("Bearer abc")).toMatchObject({ status: 401, message: "Authorization is not valid Basic credentials", headers: challenge });
    expect(outcome(header("cms", "nope"))).toMatchObject({ status: 401, message: "Wrong username or password", headers: challenge });
  });
  it("accepts tabs and spaces around the credentials, and base64 with its padding", () => {
    const exact = basicAuth({ username: "ab", password: "c" }); // "ab:c" is base64 "YWI6Yw==": two padding characters
    expect([check(exact, "Basic \t YWI6Yw== \t"), check(exact, "Basic YWI6Yw=")]).toEqual(["ok", "credentials_invalid"]);
  });
  it("reads the scheme only at the start and the credentials only to the end of the header", () => {
    const valid = header("cms", "pa:ss:wörd");
    expect([check(auth, `X${valid}`), check(auth, `${valid}!`), check(auth, valid.replace(" ", "  "))]).toEqual(["credentials_invalid", "credentials_invalid", "ok"]);
  });
  it("tells credentials without a colon (malformed) from an empty username (wrong)", () => {
    const outcome = (credentials: string) =>
      auth.verify({ headers: toHeaderReader({ authorization: `Basic ${Buffer.from(credentials).toString("base64")}` }), body: new Uint8Array(), url: undefined });
    expect(outcome("no-colon")).toMatchObject({ message: "Authorization is not valid Basic credentials" });
    expect(outcome(":pa:ss:wörd")).toMatchObject({ message: "Wrong username or password" });
  });
  it("refuses credentials that are not UTF-8 as malformed, not as a wrong password", () => {
    const latin1 = `Basic ${Buffer.from("cms:pa:ss:w\xf6rd", "latin1").toString("base64")}`;
    const outcome = auth.verify({ headers: toHeaderReader({ authorization: latin1 }), body: new Uint8Array(), url: undefined });
    expect(outcome).toMatchObject({ code: "credentials_invalid", message: "Authorization is not valid Basic credentials" });
  });
  it("names the realm it is given, without characters that would break the header", () => {
    const realm = basicAuth({ username: "a", password: "b", realm: 'CMS "prod" \\ hooks' });
    const result = realm.verify({ headers: toHeaderReader({}), body: new Uint8Array(), url: undefined }) as { headers?: Record<string, string> };
    expect(result.headers?.["www-authenticate"]).toBe('Basic realm="CMS prod  hooks", charset="UTF-8"');
  });
  it("declares the Authorization header as the credential to mask", () => expect(auth).toMatchObject({ kind: "basic", needsBody: false, secretHeaders: ["authorization"] }));
  it("names the pair at fault in its configuration errors", () => {
    const pairs = (second: { username: unknown; password: unknown }) => () =>
      basicAuth({ credentials: [{ username: "ok", password: "ok" }, second as { username: string; password: string }] });
    expect(pairs({ username: undefined, password: "x" })).toThrow(new ConfigurationError("basicAuth: credentials #2 has an empty username"));
    expect(pairs({ username: "a:b", password: "x" })).toThrow(new ConfigurationError('basicAuth: credentials #2: a username cannot contain ":"'));
    expect(pairs({ username: "a", password: 42 })).toThrow(new ConfigurationError("basicAuth: credentials #2 has an empty password"));
    expect(() => basicAuth({ credentials: [] })).toThrow(new ConfigurationError("basicAuth: at least one username/password pair is required"));
  });
});
