/**
 * A secret per tenant for every vendor that signs: one endpoint for many
 * customers' projects, each signing with its own secret, resolved from the
 * route's `tenant` parameter. Each vendor's own testkit signs as the vendor
 * does; the receiver's answers are the same for all of them: the tenant's
 * own delivery passes, another tenant's secret or an unknown tenant gets the
 * same 401, and a failing lookup gets 503 with Retry-After.
 */
import { blox } from "@cmshooks/blox";
import { contentful } from "@cmshooks/contentful";
import { createReceiver, type Provider, type SecretResolver, type WebhookError } from "@cmshooks/core";
import { hygraph } from "@cmshooks/hygraph";
import { kontent } from "@cmshooks/kontent";
import { sanity } from "@cmshooks/sanity";
import { storyblok } from "@cmshooks/storyblok";
import { testkit, toHandleInput, type VendorId } from "@cmshooks/testkit";
import { describe, expect, it } from "vitest";

/** Contentful's form: 64 characters. */
const secretOf = (tenant: string) => `${tenant}-secret-`.padEnd(64, "x");
const SECRETS = new Map(["acme", "globex", "initech"].map((t) => [t, secretOf(t)]));

interface SigningVendor {
  readonly id: VendorId;
  readonly event: string;
  readonly provider: (secret: SecretResolver) => Provider;
}

const VENDORS: readonly SigningVendor[] = [
  { id: "blox", event: "editorial.update_asset", provider: (secret) => blox({ secret }) },
  { id: "kontent", event: "content_item.published", provider: (secret) => kontent({ secret }) },
  { id: "storyblok", event: "story.published", provider: (secret) => storyblok({ secret }) },
  { id: "sanity", event: "update", provider: (secret) => sanity({ secret }) },
  { id: "contentful", event: "ContentManagement.Entry.publish", provider: (secret) => contentful({ secret }) },
  { id: "hygraph", event: "publish", provider: (secret) => hygraph({ secret }) },
];

describe.each(VENDORS.map((v) => [v.id, v] as const))("%s with a secret per tenant", (_id, vendor) => {
  const kit = testkit[vendor.id] as { delivery(event: string, options: { secret: string; path?: string }): Promise<Parameters<typeof toHandleInput>[0]> };
  let lookups = 0;
  let failing = false;
  const errors: WebhookError[] = [];
  const handled: (string | undefined)[] = [];
  const receiver = createReceiver({
    provider: vendor.provider(async ({ tenant }) => {
      lookups++;
      if (failing) throw new Error("secret store down");
      return tenant === undefined ? undefined : SECRETS.get(tenant);
    }),
    log: false,
  });
  receiver.onAny((event) => void handled.push(event.tenant));
  receiver.onError((error) => void errors.push(error));

  /** What the receiver answers to a delivery signed with `secret`, sent to tenant `tenant`'s route. */
  const send = async (tenant: string, secret: string) => {
    const delivery = await kit.delivery(vendor.event, { secret, path: `/hooks/${tenant}` });
    const response = await receiver.handle({ ...toHandleInput(delivery), params: { tenant } });
    return { status: response.status, body: response.body, headers: response.headers };
  };

  it("accepts each tenant's delivery under its own secret, and tells handlers the tenant", async () => {
    for (const tenant of SECRETS.keys()) expect((await send(tenant, secretOf(tenant))).status).toBe(200);
    expect(handled).toEqual(["acme", "globex", "initech"]);
  });

  it("answers 401 to one tenant's delivery sent to another's route, and the same 401 to an unknown tenant", async () => {
    const crossed = await send("globex", secretOf("acme"));
    const unknown = await send("nobody", secretOf("nobody"));
    expect(crossed.status).toBe(401);
    expect(JSON.parse(crossed.body).error).toBe("signature_mismatch");
    expect(unknown).toEqual(crossed);
  });

  it("looks each tenant up once while cached, and answers 503 with Retry-After when the lookup fails", async () => {
    const before = lookups;
    await send("acme", secretOf("acme"));
    expect(lookups).toBe(before);
    failing = true;
    try {
      const down = await send("umbrella", secretOf("umbrella"));
      expect(down.status).toBe(503);
      expect(JSON.parse(down.body).error).toBe("credentials_unavailable");
      expect(down.headers["retry-after"]).toBeDefined();
      expect(errors.map((e) => e.code)).toContain("credentials_unavailable");
    } finally {
      failing = false;
    }
  });
});
