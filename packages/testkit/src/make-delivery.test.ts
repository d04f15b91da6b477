import { describe, expect, it } from "vitest";
import { authHeaders, makeDelivery, pathWithAuth } from "./make-delivery.js";

describe("makeDelivery", () => {
  it("signs the exact bytes it sends and lower-cases every header name", async () => {
    let signed: Uint8Array | undefined;
    const delivery = await makeDelivery({
      vendor: "demo",
      event: "thing.happened",
      payload: { title: "Crème brûlée" },
      path: "/hooks/demo",
      headers: { "X-Extra": "1" },
      sign: async (body) => {
        signed = body;
        return { "X-Signature": "sig" };
      },
    });
    expect(signed).toBe(delivery.body);
    expect(new TextDecoder().decode(delivery.body)).toBe(delivery.text);
    expect(delivery.text).toBe('{"title":"Crème brûlée"}');
    expect(delivery.headers).toEqual({ "content-type": "application/json", "x-signature": "sig", "x-extra": "1" });
    expect(delivery.method).toBe("POST");
  });

  it("uses the kit's serialisation when given (e.g. pretty JSON with CRLF)", async () => {
    const delivery = await makeDelivery({
      vendor: "demo",
      event: "e",
      payload: { a: 1 },
      path: "/",
      serialise: (p) => JSON.stringify(p, null, 2).replace(/\n/g, "\r\n"),
      sign: async () => ({}),
    });
    expect(delivery.text).toBe('{\r\n  "a": 1\r\n}');
  });
});

describe("authHeaders and pathWithAuth", () => {
  it("encodes basic credentials as UTF-8 base64", () => {
    expect(authHeaders({ basic: { username: "cms", password: "pa55" } })).toEqual({ authorization: "Basic Y21zOnBhNTU=" });
    const { authorization } = authHeaders({ basic: { username: "zoë", password: "é:x" } });
    expect(Buffer.from(authorization!.slice(6), "base64").toString("utf8")).toBe("zoë:é:x");
  });

  it("puts a secret header under its lower-case name, and nothing for a query secret", () => {
    expect(authHeaders({ header: { name: "X-Webhook-Secret", value: "v" } })).toEqual({ "x-webhook-secret": "v" });
    expect(authHeaders({ query: { name: "token", value: "t" } })).toEqual({});
    expect(authHeaders(undefined)).toEqual({});
  });

  it("appends a query secret to the path, encoded", () => {
    expect(pathWithAuth("/hooks/x", { query: { name: "token", value: "a b&c" } })).toBe("/hooks/x?token=a%20b%26c");
    expect(pathWithAuth("/hooks/x?v=1", { query: { name: "t", value: "1" } })).toBe("/hooks/x?v=1&t=1");
    expect(pathWithAuth("/hooks/x", { basic: { username: "u", password: "p" } })).toBe("/hooks/x");
  });
});
