import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../errors.js";
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

  it("says what is missing or wrong in each 401, and declares the segment to mask", () => {
    expect(check(undefined)?.message).toBe("The request URL is not available to check the path secret");
    expect(check("/")?.message).toBe("Missing path secret");
    expect(check("/hooks/wrong")?.message).toBe("Path secret is wrong");
    expect(check("/hooks/%E0%A4%A")?.message).toBe("Path secret is wrong");
    expect(secretPathSegment({ value: SECRET, segment: 2 })).toMatchObject({ kind: "secret-path", needsBody: false, secretPathSegments: [2] });
    expect(secretPathSegment({ value: SECRET })).toMatchObject({ secretPathSegments: [-1] });
  });

  it("reads only the path of an absolute URL: its host, a query and a fragment are not segments", () => {
    expect(check(`https://${SECRET}/`)?.code).toBe("credentials_missing");
    expect(check(`https://app.example/hooks?next=/a/${SECRET}`)?.code).toBe("credentials_invalid");
    expect(check(`/hooks#/${SECRET}`)?.code).toBe("credentials_invalid");
    expect(check(`/hooks/${SECRET}#a?b`)).toBeUndefined();
    expect(check(`/hooks/${SECRET}?a#b`)).toBeUndefined();
    expect(check(`HTTP+Unix.x-1://app.example/hooks/${SECRET}`)).toBeUndefined();
    expect(check(`?/hooks/${SECRET}`)?.code).toBe("credentials_missing");
    expect(check(`#/hooks/${SECRET}`)?.code).toBe("credentials_missing");
  });

  it("reads the first segment with segment 0, and does not take a URL inside the path for the scheme", () => {
    expect(check(`/${SECRET}/kapost`, { value: SECRET, segment: 0 })).toBeUndefined();
    expect(check(`/${SECRET}/http://example/x`, { value: SECRET, segment: 0 })).toBeUndefined();
  });

  it("names the secret at fault in its configuration errors", () => {
    expect(() => secretPathSegment({ value: [SECRET, "a#b"] })).toThrow(new ConfigurationError('secretPathSegment: secret #2 cannot contain "/", "?" or "#"'));
    expect(() => secretPathSegment({ value: SECRET, segment: Number.NaN })).toThrow(new ConfigurationError("secretPathSegment: segment must be an integer, got NaN"));
    expect(() => secretPathSegment({ value: "" })).toThrow(new ConfigurationError("secretPathSegment: secret #1 is empty"));
  });
});
