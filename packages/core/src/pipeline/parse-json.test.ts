import { describe, expect, it } from "vitest";
import { canCarryJson } from "./media-type.js";
import { parseJsonBody } from "./parse-json.js";

const bytes = (...values: number[]) => new Uint8Array(values);
const code = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("parseJsonBody", () => {
  it("parses UTF-8 JSON and drops a byte-order mark", () => {
    expect(parseJsonBody(new TextEncoder().encode('{"a":"é"}'))).toEqual({ a: "é" });
    expect(parseJsonBody(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toEqual({});
  });
  it("rejects an empty body, invalid UTF-8 and broken JSON with 400 codes", () => {
    expect(code(() => parseJsonBody(bytes()))).toBe("empty_body");
    expect(code(() => parseJsonBody(bytes(0x7b, 0x22, 0xff, 0x22, 0x7d)))).toBe("invalid_json");
    expect(code(() => parseJsonBody(new TextEncoder().encode('{"a":')))).toBe("invalid_json");
  });
  it("keeps __proto__ as an own key instead of changing any prototype", () => {
    const parsed = parseJsonBody(new TextEncoder().encode('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(parsed, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("canCarryJson", () => {
  it("accepts JSON, +json, text and an absent type", () => {
    for (const t of [undefined, "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/vnd.cms+json", "text/plain"]) {
      expect(canCarryJson(t)).toBe(true);
    }
  });
  it("refuses forms, multipart and binary types", () => {
    for (const t of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/octet-stream", "image/png"]) {
      expect(canCarryJson(t)).toBe(false);
    }
  });
});
