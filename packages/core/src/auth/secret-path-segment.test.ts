import { describe, expect, it } from "vitest";
import { toHeaderReader } from "../headers.js";
import type { AuthOutcome } from "./authenticator.js";
import { secretPathSegment, type SecretPathSegmentOptions } from "./secret-path-segment.js";

const SECRET = "pQ7wX2rT9vK4mN8s";
const check = (url: string | undefined, options: SecretPathSegmentOptions = { value: SECRET }) =>
  secretPathSegment(options).verify({ headers: toHeaderReader({}), body: new Uint8Array(0), url }) as AuthOutcome;

describe("secretPathSegment", () => {
  it("accepts the secret as the last path segment", () => {
    expect(check(`/hooks/kapost/${SECRET}`)).toBeUndefined();
  });

  it("ignores the query string, the fragment and a trailing slash", () => {
    expect(check(`/hooks/kapost/${SECRET}/?utm=1#x`)).toBeUndefined();
    expect(check(`/hooks/kapost/${SECRET}#frag`)).toBeUndefined();
  });

  it("reads the path of an absolute URL, as Request.url gives it", () => {
    expect(check(`https://app.example:8443/hooks/kapost/${SECRET}?a=1`)).toBeUndefined();
    expect(check("https://app.example")?.code).toBe("credentials_missing");
  });

  it("rejects a segment differing only in its last character (401 credentials_invalid)", () => {
    const wrong = `${SECRET.slice(0, -1)}${SECRET.endsWith("s") ? "t" : "s"}`;
    expect(check(`/hooks/kapost/${wrong}`)).toMatchObject({ status: 401, code: "credentials_invalid" });
  });

  it("rejects a path without any segment (401 credentials_missing)", () => {
    expect(check("/")).toMatchObject({ status: 401, code: "credentials_missing" });
  });

  it("rejects when the adapter passed no URL (401 credentials_missing)", () => {
    expect(check(undefined)).toMatchObject({ status: 401, code: "credentials_missing" });
  });

  it("does not accept the secret in the query string instead of the path", () => {
    expect(check(`/hooks/kapost?secret=${SECRET}`)?.code).toBe("credentials_invalid");
  });

  it("compares the percent-decoded segment", () => {
    expect(check("/hooks/caf%C3%A9-s3cret", { value: "café-s3cret" })).toBeUndefined();
    expect(check("/hooks/%E0%A4%A", { value: SECRET })?.code).toBe("credentials_invalid");
  });

  it("reads another segment when told which (0-based, or negative from the end)", () => {
    expect(check(`/hooks/${SECRET}/kapost`, { value: SECRET, segment: 1 })).toBeUndefined();
    expect(check(`/hooks/${SECRET}/kapost`, { value: SECRET, segment: -2 })).toBeUndefined();
    expect(check(`/hooks/${SECRET}/kapost`, { value: SECRET })?.code).toBe("credentials_invalid");
    expect(check("/hooks", { value: SECRET, segment: 3 })?.code).toBe("credentials_missing");
  });

  it("accepts every secret of a rotation list", () => {
    const options = { value: ["new-path-secret", "old-path-secret"] };
    expect(check("/hooks/new-path-secret", options)).toBeUndefined();
    expect(check("/hooks/old-path-secret", options)).toBeUndefined();
    expect(check("/hooks/other-path-secret", options)?.code).toBe("credentials_invalid");
  });

  it("never echoes the secret in its error message", () => {
    expect(check("/hooks/wrong")?.message).not.toContain(SECRET);
  });

  it("refuses empty secrets, secrets with URL delimiters and a non-integer segment at construction", () => {
    expect(() => secretPathSegment({ value: "" })).toThrow(/empty/);
    expect(() => secretPathSegment({ value: [] })).toThrow(/at least one secret/);
    expect(() => secretPathSegment({ value: "a/b" })).toThrow(/cannot contain/);
    expect(() => secretPathSegment({ value: "a?b" })).toThrow(/cannot contain/);
    expect(() => secretPathSegment({ value: SECRET, segment: 1.5 })).toThrow(/integer/);
  });
});
