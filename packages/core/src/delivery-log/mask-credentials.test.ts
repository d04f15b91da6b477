import { describe, expect, it } from "vitest";
import { basicAuth } from "../auth/basic-auth.js";
import { secretHeader } from "../auth/secret-header.js";
import { secretPathSegment } from "../auth/secret-path-segment.js";
import { secretQueryParam } from "../auth/secret-query-param.js";
import { compileCredentialMask, MASKED } from "./mask-credentials.js";

const mask = compileCredentialMask([
  basicAuth({ username: "cms", password: "pa55-word" }),
  secretHeader({ name: "X-Webhook-Secret", value: "header-s3cret" }),
  secretQueryParam({ name: "token", value: "query-s3cret" }),
  secretPathSegment({ value: "path-s3cret", segment: -1 }),
]);

describe("compileCredentialMask", () => {
  it("masks Authorization (keeping its scheme) and the secret headers the authenticators read, and keeps a signature", () => {
    const headers = mask.headers({
      authorization: "Basic Y21zOnBhNTUtd29yZA==",
      "x-webhook-secret": "header-s3cret",
      "x-hook-signature": "q1w2e3r4t5y6=",
      cookie: "session=abc",
      "content-type": "application/json",
    });
    expect(headers).toEqual({
      authorization: `Basic ${MASKED}`,
      "x-webhook-secret": MASKED,
      "x-hook-signature": "q1w2e3r4t5y6=",
      cookie: MASKED,
      "content-type": "application/json",
    });
  });

  it("reads a Fetch Headers object and joins repeated Node headers", () => {
    expect(mask.headers(new Headers({ "X-Webhook-Secret": "header-s3cret", Accept: "*/*" }))).toEqual({ "x-webhook-secret": MASKED, accept: "*/*" });
    expect(mask.headers({ "x-a": ["1", "2"], "x-b": undefined })).toEqual({ "x-a": "1, 2" });
  });

  it("masks the secret path segment and every value of a secret query parameter, leaving the rest of the target as received", () => {
    expect(mask.target("/hooks/kapost/path-s3cret?token=query-s3cret&tenant=a%20b&token=again")).toBe(
      `/hooks/kapost/${MASKED}?token=${MASKED}&tenant=a%20b&token=${MASKED}`,
    );
  });

  it("reduces an absolute URL (as Request.url gives it) to its path and query, without the fragment", () => {
    expect(mask.target("https://app.example:8443/hooks/kapost/path-s3cret/?x=1#frag")).toBe(`/hooks/kapost/${MASKED}/?x=1`);
    expect(mask.target(undefined)).toBe("/");
  });

  it("masks only Authorization, Proxy-Authorization and Cookie when the provider reads nothing else", () => {
    const plain = compileCredentialMask([]);
    expect(plain.headers({ "proxy-authorization": "Bearer abc", "x-webhook-secret": "kept" })).toEqual({
      "proxy-authorization": `Bearer ${MASKED}`,
      "x-webhook-secret": "kept",
    });
    expect(plain.target("/a/b?token=kept")).toBe("/a/b?token=kept");
  });
});
