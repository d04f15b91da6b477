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
  it("drops __proto__ keys, spelt out or escaped, so a copy of the payload never gains a prototype", () => {
    for (const body of ['{"__proto__":{"isAdmin":true},"a":1}', '{"a":{"\\u005f_proto__":{"isAdmin":true}},"b":2}', '{"a":1,"__pr\\u006fto__":{"isAdmin":true}}', '{"__\\u0070roto__":{"isAdmin":true}}', '{"__p\\u0072oto__":{"isAdmin":true}}', '{"__pro\\u0074o__":{"isAdmin":true}}']) {
      const parsed = parseJsonBody(new TextEncoder().encode(body)) as Record<string, unknown>;
      const inner = (parsed.a && typeof parsed.a === "object" ? parsed.a : parsed) as Record<string, unknown>;
      expect(Object.hasOwn(inner, "__proto__")).toBe(false);
      expect((Object.assign({}, inner) as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(({ ...inner } as Record<string, unknown>).isAdmin).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("says why a body is refused, without echoing it", () => {
    const message = (fn: () => unknown) => {
      try {
        fn();
        return "ok";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message(() => parseJsonBody(bytes()))).toBe("The body is empty; a JSON delivery was expected");
    expect(message(() => parseJsonBody(bytes(0x7b, 0x22, 0xff, 0x22, 0x7d)))).toBe("The body is not valid UTF-8");
    expect(message(() => parseJsonBody(new TextEncoder().encode('{"a":')))).toMatch(/^The body is not valid JSON: ./);
  });

  it("drops __proto__ keys inside arrays, among primitives and nulls, at any depth", () => {
    const body = '[1,null,"s",{"__proto__":{"isAdmin":true},"k":[null,{"__proto__":{"deep":true}}]}]';
    const parsed = parseJsonBody(new TextEncoder().encode(body)) as [number, null, string, { k: [null, object] }];
    expect(parsed.slice(0, 3)).toEqual([1, null, "s"]);
    expect(Object.hasOwn(parsed[3], "__proto__")).toBe(false);
    expect(Object.hasOwn(parsed[3].k[1], "__proto__")).toBe(false);
    expect(({ ...parsed[3] } as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({ ...parsed[3].k[1] } as Record<string, unknown>).deep).toBeUndefined();
  });

  it("parses bodies with other escapes and keys like the plain parser", () => {
    const body = '{"title":"\\u003cb\\u003e caf\\u00e9","proto":"x","constructor":{"a":1}}';
    expect(parseJsonBody(new TextEncoder().encode(body))).toEqual(JSON.parse(body));
  });
});

describe("canCarryJson", () => {
  it("accepts JSON, +json, text and an absent type", () => {
    for (const t of [undefined, "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/vnd.cms+json", "text/plain"]) {
      expect(canCarryJson(t)).toBe(true);
    }
  });
  it("reads only the type before any parameter, trimmed, in any case", () => {
    for (const t of ["", " ", "; charset=utf-8", " application/json ;charset=utf-8", "Text/JSON", "text/plain;a=b", "application/problem+json; x=y"]) {
      expect([t, canCarryJson(t)]).toEqual([t, true]);
    }
    for (const t of ["text/vnd.x+json", "application/json-seq", "application/jsonx", "xapplication/json", "text/html; type=application/json", "application/x+jsonp"]) {
      expect([t, canCarryJson(t)]).toEqual([t, false]);
    }
  });
  it("refuses forms, multipart and binary types", () => {
    for (const t of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/octet-stream", "image/png"]) {
      expect(canCarryJson(t)).toBe(false);
    }
  });
});
