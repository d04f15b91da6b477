import { toHeaderReader } from "@cmshooks/core";
import { describe, expect, it } from "vitest";
import { compileKontentAccept } from "./accept-filter.js";
import { readKontentMeta } from "./meta.js";

describe("readKontentMeta", () => {
  it("reads every X-KC-Message-* header, whatever the case the sender used", () => {
    const headers = new Headers({
      "X-KC-Message-Id": "e1b372a2-1186-4929-b370-904c59f060b7",
      "X-KC-Message-Type": "content_item_variant",
      "X-KC-Message-Operation": "publish",
      "X-KC-Message-Api-Name": "delivery_production",
      "X-KC-Message-Project-Id": "bf32e7ab-85c3-0073-47b9-90838a8462de",
      "X-KC-Message-Created-Timestamp": "2020-05-18T10:52:33.1059256Z",
      "X-KC-Message-Webhook-Url": "https://example.com/cache-invalidate",
    });
    expect(readKontentMeta(toHeaderReader(headers))).toEqual({
      id: "e1b372a2-1186-4929-b370-904c59f060b7",
      type: "content_item_variant",
      operation: "publish",
      apiName: "delivery_production",
      projectId: "bf32e7ab-85c3-0073-47b9-90838a8462de",
      createdTimestamp: "2020-05-18T10:52:33.1059256Z",
      webhookUrl: "https://example.com/cache-invalidate",
    });
  });

  it("leaves absent or blank headers undefined (current-format deliveries)", () => {
    const meta = readKontentMeta(toHeaderReader({ "x-kc-message-type": "  " }));
    expect(Object.values(meta).every((v) => v === undefined)).toBe(true);
  });
});

describe("compileKontentAccept", () => {
  const check = compileKontentAccept({ apiName: ["delivery_production"], type: ["content_item_variant", "taxonomy"] });
  const meta = (fields: Partial<Record<"apiName" | "type" | "operation", string>>) =>
    ({ id: undefined, projectId: undefined, createdTimestamp: undefined, webhookUrl: undefined, apiName: undefined, type: undefined, operation: undefined, ...fields });

  it("accepts headers that match every list given", () => {
    expect(check.headers(meta({ apiName: "delivery_production", type: "taxonomy", operation: "archive" }))).toBe(true);
  });

  it("rejects a header value outside a list", () => {
    expect(check.headers(meta({ apiName: "delivery_preview", type: "taxonomy" }))).toBe(false);
    expect(check.headers(meta({ apiName: "delivery_production", type: "asset" }))).toBe(false);
  });

  it("does not decide on absent headers: the body is parsed and checked instead", () => {
    expect(check.headers(meta({}))).toBe(true);
    expect(check.message({ api_name: "delivery_preview", type: "taxonomy" })).toBe(false);
    expect(check.message({ api_name: "delivery_production", type: "content_item_variant" })).toBe(true);
  });

  it("refuses empty lists, unknown values and unknown keys at construction", () => {
    expect(() => compileKontentAccept({ apiName: [] })).toThrow(/apiName: list at least one/);
    // @ts-expect-error — not an API name
    expect(() => compileKontentAccept({ apiName: ["delivery"] })).toThrow(/apiName/);
    // @ts-expect-error — not a filter key
    expect(() => compileKontentAccept({ slot: ["preview"] })).toThrow(/slot/);
  });
});
