import { ConfigurationError, InvalidBodyError, parseDelivery, UnauthorizedError, ValidationError, verifyAuthenticity, secretHeader } from "@cmshooks/core";
import { blox, bloxSamples, signBlox, verifyBloxSignature } from "@cmshooks/blox";
import { formatKontentJson, kontent, kontentSamples, signKontent, verifyKontentSignature } from "@cmshooks/kontent";
import { describe, expect, expectTypeOf, it } from "vitest";

const SECRET = "standalone-secret-0123";
const OLD_SECRET = "standalone-secret-old";
const bloxBody = JSON.stringify(bloxSamples["editorial.update_asset"]);
const kontentBody = formatKontentJson({ notifications: [kontentSamples["content_item.published"]] });

describe.each([
  { vendor: "BLOX", verify: verifyBloxSignature, sign: signBlox, body: bloxBody },
  { vendor: "Kontent.ai", verify: verifyKontentSignature, sign: signKontent, body: kontentBody },
])("verify$vendor signature, standalone", ({ verify, sign, body }) => {
  it("is true for the signature of the exact body, as a string or as bytes", async () => {
    const signature = await sign(body, SECRET);
    expect(await verify(body, signature, SECRET)).toBe(true);
    expect(await verify(new TextEncoder().encode(body), signature, SECRET)).toBe(true);
  });

  it("is false for a changed body, another secret, or a missing / empty header", async () => {
    const signature = await sign(body, SECRET);
    expect(await verify(`${body} `, signature, SECRET)).toBe(false);
    expect(await verify(body, signature, "another-secret")).toBe(false);
    expect(await verify(body, null, SECRET)).toBe(false);
    expect(await verify(body, undefined, SECRET)).toBe(false);
    expect(await verify(body, "", SECRET)).toBe(false);
  });

  it("accepts any secret of a rotation list", async () => {
    const signature = await sign(body, OLD_SECRET);
    expect(await verify(body, signature, [SECRET, OLD_SECRET])).toBe(true);
    expect(await verify(body, signature, [SECRET])).toBe(false);
  });

  it("throws on an empty secret rather than accepting anything", async () => {
    expect(() => verify(body, "x", "")).toThrow(ConfigurationError);
  });
});

describe("verifyAuthenticity", () => {
  it("runs any authenticator: a secret header passes with the value and fails without it", async () => {
    const check = secretHeader({ name: "x-webhook-secret", value: "s3cret" });
    expect(await verifyAuthenticity(check, { headers: { "x-webhook-secret": "s3cret" }, body: "{}" })).toBe(true);
    expect(await verifyAuthenticity(check, { headers: {}, body: "{}" })).toBe(false);
  });
});

describe("parseDelivery", () => {
  it("verifies, parses and validates a delivery and returns typed events", async () => {
    const headers = new Headers({ "content-type": "application/json", "x-hook-signature": await signBlox(bloxBody, SECRET) });
    const { events, warnings, ignored } = await parseDelivery(blox({ secret: SECRET }), { headers, body: bloxBody });
    expect(ignored).toBe(false);
    expect(warnings).toEqual([]);
    expect(events.map((e) => e.name)).toEqual(["editorial.update_asset"]);
    const [event] = events;
    if (event?.known && event.name === "editorial.update_asset") {
      expectTypeOf(event.payload.data.uuid).toEqualTypeOf<string>();
      expect(event.payload.data.uuid).toBe(bloxSamples["editorial.update_asset"].data.uuid);
      expect(event.deliveryId).toMatch(/^[0-9a-f]{64}:editorial\.update_asset$/);
    } else {
      expect.fail("the event was not narrowed to editorial.update_asset");
    }
  });

  it("rejects a forged delivery with the receiver's 401 error", async () => {
    const headers = { "x-hook-signature": await signBlox(bloxBody, "wrong-secret") };
    const failure = parseDelivery(blox({ secret: SECRET }), { headers, body: bloxBody });
    await expect(failure).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: "signature_mismatch" });
  });

  it("rejects broken JSON with 400 and a payload off the schema with 422 and its paths", async () => {
    const broken = '{"application":"editorial",';
    await expect(parseDelivery(blox({ secret: SECRET }), { headers: { "x-hook-signature": await signBlox(broken, SECRET) }, body: broken })).rejects.toBeInstanceOf(
      InvalidBodyError,
    );
    const { uuid: _uuid, ...data } = bloxSamples["editorial.update_asset"].data;
    const invalid = JSON.stringify({ ...bloxSamples["editorial.update_asset"], data });
    const failure = parseDelivery(blox({ secret: SECRET }), { headers: { "x-hook-signature": await signBlox(invalid, SECRET) }, body: invalid });
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toMatchObject({ status: 422, issues: [expect.objectContaining({ path: ["data", "uuid"] })] });
  });

  it("returns the valid events of a batch and a warning for the invalid one", async () => {
    const good = kontentSamples["content_item.published"];
    const body = formatKontentJson({ notifications: [good, { ...good, data: {} }] });
    const headers = { "x-kontent-ai-signature": await signKontent(body, SECRET) };
    const { events, warnings } = await parseDelivery(kontent({ secret: SECRET }), { headers, body });
    expect(events.map((e) => e.name)).toEqual(["content_item.published"]);
    expect(warnings.map((w) => w.code)).toEqual(["invalid_event"]);
  });
});
