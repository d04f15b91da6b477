import { describe, expect, it } from "vitest";
import { deepMerge } from "./deep-merge.js";

describe("deepMerge", () => {
  it("merges nested objects and keeps the fields it does not override", () => {
    expect(deepMerge({ data: { title: "A", revision: 1 }, event: "x" }, { data: { title: "B" } })).toEqual({
      data: { title: "B", revision: 1 },
      event: "x",
    });
  });

  it("replaces arrays instead of merging them index by index", () => {
    expect(deepMerge({ flags: ["a", "b"] }, { flags: ["c"] })).toEqual({ flags: ["c"] });
  });

  it("returns the base unchanged for undefined overrides and never mutates its inputs", () => {
    const base = { data: { title: "A" } };
    expect(deepMerge(base, undefined)).toBe(base);
    const merged = deepMerge(base, { data: { title: "B" } });
    expect(base.data.title).toBe("A");
    expect(merged).not.toBe(base);
  });

  it("ignores __proto__ keys from JSON overrides (no prototype pollution)", () => {
    const merged = deepMerge({ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(merged.polluted).toBeUndefined();
  });
});
