import { describe, expect, it } from "vitest";
import { resolveContensisPointer } from "./json-pointer.js";

const doc = {
  resource: { sys: { id: "42", "a/b": 1, "m~n": 2 }, list: ["zero", "one"], "": "empty key" },
  user: { firstName: "Tyler" },
};

describe("resolveContensisPointer", () => {
  it("follows RFC 6901 pointers, with ~1 and ~0 escapes and array indexes", () => {
    expect(resolveContensisPointer(doc, "/resource/sys/id")).toBe("42");
    expect(resolveContensisPointer(doc, "/resource/sys/a~1b")).toBe(1);
    expect(resolveContensisPointer(doc, "/resource/sys/m~0n")).toBe(2);
    expect(resolveContensisPointer(doc, "/resource/list/1")).toBe("one");
    expect(resolveContensisPointer(doc, "")).toBe(doc);
  });

  it("reads a trailing slash as the whole value (Contensis' {/resource/})", () => {
    expect(resolveContensisPointer(doc, "/resource/")).toBe(doc.resource);
  });

  it("falls back to a case-insensitive key (the docs write /user/firstname)", () => {
    expect(resolveContensisPointer(doc, "/user/firstname")).toBe("Tyler");
  });

  it("falls back to a dotted path (the docs' URL writes {/resource/sys.id})", () => {
    expect(resolveContensisPointer(doc, "/resource/sys.id")).toBe("42");
  });

  it("gives undefined where the pointer leads nowhere", () => {
    expect(resolveContensisPointer(doc, "/resource/missing")).toBeUndefined();
    expect(resolveContensisPointer(doc, "/resource/list/01")).toBeUndefined();
    expect(resolveContensisPointer(doc, "/resource/list/9")).toBeUndefined();
    expect(resolveContensisPointer(doc, "/resource/sys/id/deeper")).toBeUndefined();
    expect(resolveContensisPointer(doc, "resource")).toBeUndefined();
    expect(resolveContensisPointer(doc, "/__proto__/polluted")).toBeUndefined();
  });
});
