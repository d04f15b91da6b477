import { describe, expect, it } from "vitest";
import { constantTimeEqual, constantTimeIncludes } from "./constant-time.js";

describe("constantTimeEqual", () => {
  it("accepts identical strings", () => expect(constantTimeEqual("s3cr3t-value", "s3cr3t-value")).toBe(true));
  it("rejects a string differing only in its last character", () => expect(constantTimeEqual("s3cr3t-valuf", "s3cr3t-value")).toBe(false));
  it("rejects a prefix and an extension of the expected value", () => {
    expect(constantTimeEqual("s3cr3t", "s3cr3t-value")).toBe(false);
    expect(constantTimeEqual("s3cr3t-value-and-more", "s3cr3t-value")).toBe(false);
  });
  it("rejects an empty value against a non-empty secret", () => expect(constantTimeEqual("", "x")).toBe(false));
  it("compares non-ASCII code units exactly", () => {
    expect(constantTimeEqual("pässwörd", "pässwörd")).toBe(true);
    expect(constantTimeEqual("passwörd", "pässwörd")).toBe(false);
  });
});

describe("constantTimeIncludes", () => {
  it("accepts any entry of a rotation list", () => {
    expect(constantTimeIncludes("old", ["new", "old"])).toBe(true);
    expect(constantTimeIncludes("new", ["new", "old"])).toBe(true);
  });
  it("rejects a value on no list entry", () => expect(constantTimeIncludes("other", ["new", "old"])).toBe(false));
});
