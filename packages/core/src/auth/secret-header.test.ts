import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../errors.js";
import { toHeaderReader } from "../headers.js";
import { secretHeader } from "./secret-header.js";
import { secretQueryParam } from "./secret-query-param.js";

const code = (result: unknown) => (result as { code?: string } | undefined)?.code ?? "ok";

describe("secretHeader", () => {
  const auth = secretHeader({ name: "X-Webhook-Secret", value: ["current-secret", "previous-secret"] });
  const check = (headers: Record<string, string>) => code(auth.verify({ headers: toHeaderReader(headers), body: new Uint8Array(), url: undefined }));

  it("accepts either secret of the rotation list, with the header name in lower case", () => {
    expect(check({ "x-webhook-secret": "current-secret" })).toBe("ok");
    expect(check({ "x-webhook-secret": "previous-secret" })).toBe("ok");
  });
  it("rejects a value differing only in its last character", () => expect(check({ "x-webhook-secret": "current-secreu" })).toBe("credentials_invalid"));
  it("reports a missing header", () => expect(check({})).toBe("credentials_missing"));
  it("runs before the body is read", () => expect(auth.needsBody).toBe(false));
  it("refuses an empty value at construction, naming the header", () =>
    expect(() => secretHeader({ name: "X-Hook", value: "" })).toThrow("secretHeader(x-hook): secret #1 is empty"));
  it("refuses a missing or empty header name with a configuration error, not a TypeError", () => {
    for (const name of [undefined, ""]) {
      expect(() => secretHeader({ name: name as unknown as string, value: "s" })).toThrow(
        expect.objectContaining({ name: "ConfigurationError", message: "secretHeader: `name` is required" }),
      );
    }
  });
  it("says which header is missing or wrong, and declares it as a secret header to mask", () => {
    const headers = (h: Record<string, string>) => ({ headers: toHeaderReader(h), body: new Uint8Array(), url: undefined });
    expect(auth.verify(headers({}))).toMatchObject({ status: 401, message: "Missing x-webhook-secret header" });
    expect(auth.verify(headers({ "x-webhook-secret": "nope" }))).toMatchObject({ status: 401, message: "x-webhook-secret is wrong" });
    expect(secretHeader({ name: "X-Webhook-Secret", value: "s" })).toMatchObject({ kind: "secret-header", needsBody: false, secretHeaders: ["x-webhook-secret"] });
  });
});

describe("secretQueryParam", () => {
  const auth = secretQueryParam({ name: "token", value: "t0ken/with+chars" });
  const check = (url: string | undefined) => code(auth.verify({ headers: toHeaderReader({}), body: new Uint8Array(), url }));

  it("accepts the secret from a path-and-query or a full URL, percent-encoded", () => {
    expect(check("/hooks/kapost?token=t0ken%2Fwith%2Bchars")).toBe("ok");
    expect(check("https://app.example/hooks?a=1&token=t0ken%2Fwith%2Bchars#frag")).toBe("ok");
  });
  it("rejects a wrong token and reports a missing one", () => {
    expect(check("/hooks?token=t0ken%2Fwith%2Bchart")).toBe("credentials_invalid");
    expect(check("/hooks?other=1")).toBe("credentials_missing");
    expect(check(undefined)).toBe("credentials_missing");
  });
  it("reads the parameter up to the fragment, not from it", () => {
    expect(check("/hooks?a=1#token=t0ken%2Fwith%2Bchars")).toBe("credentials_missing");
    expect(check("/hooks?token=t0ken%2Fwith%2Bchars#x?token=other")).toBe("ok");
  });
  it("finds no query in a fragment: a `?` after the `#` starts none", () => {
    expect(check("/hooks#frag?token=t0ken%2Fwith%2Bchars")).toBe("credentials_missing");
    expect(check("/hooks#?token=t0ken%2Fwith%2Bchars")).toBe("credentials_missing");
    expect(check("#?token=t0ken%2Fwith%2Bchars")).toBe("credentials_missing");
  });
  it("takes a malformed escape as written, without throwing", () => {
    expect(check("/hooks?token=%E0%A4%A&a=%")).toBe("credentials_invalid");
  });
  it("reads the query string only: a target that is nothing but a query works, one without any does not", () => {
    expect(check("?token=t0ken%2Fwith%2Bchars")).toBe("ok");
    expect(check("/hooks&token=t0ken%2Fwith%2Bchars")).toBe("credentials_missing");
  });
  it("says which parameter is missing or wrong, and declares it as the credential to mask", () => {
    const outcome = (url: string | undefined) => auth.verify({ headers: toHeaderReader({}), body: new Uint8Array(), url });
    expect(outcome("/hooks")).toMatchObject({ status: 401, message: "Missing token query parameter" });
    expect(outcome("/hooks?token=x")).toMatchObject({ status: 401, message: "token query parameter is wrong" });
    expect(secretQueryParam({ name: "token", value: "s" })).toMatchObject({ kind: "secret-query", needsBody: false, secretQueryParams: ["token"] });
  });
  it("refuses a missing name or an empty value at construction, naming the parameter", () => {
    expect(() => secretQueryParam({ name: "", value: "s" })).toThrow(new ConfigurationError("secretQueryParam: `name` is required"));
    expect(() => secretQueryParam({ name: "token", value: ["s", ""] })).toThrow(new ConfigurationError("secretQueryParam(token): secret #2 is empty"));
  });
});
