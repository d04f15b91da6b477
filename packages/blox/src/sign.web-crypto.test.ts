import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Workers, Deno and Bun resolve @cmshooks/core to its Web Crypto entry (here from source, as mutation runs need), which signs bytes only: a string must be encoded first.
vi.mock("@cmshooks/core", async () => import("../../core/src/index.js"));

const { signBlox } = await import("./sign.js");

describe("signBlox on Web Crypto", () => {
  const body = '{"event":"editorial.update_asset","title":"Grüße"}';
  const expected = createHmac("sha256", "blox-secret").update(body, "utf8").digest("base64");

  it("signs a string body as its UTF-8 bytes, as BLOX does", async () => expect(await signBlox(body, "blox-secret")).toBe(expected));
  it("signs the same bytes given as a Uint8Array alike", async () =>
    expect(await signBlox(new TextEncoder().encode(body), "blox-secret")).toBe(expected));
});
