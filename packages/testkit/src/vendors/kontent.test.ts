import { createReceiver, type WebhookError } from "@cmshooks/core";
import { kontent, kontentEvents, kontentLegacyEvents, type KontentEventName } from "@cmshooks/kontent";
import { describe, expect, it } from "vitest";
import { kontentTestkit } from "./kontent.js";

const SECRET = "kontent-testkit-secret";
const names = Object.keys(kontentEvents) as KontentEventName[];

function receiverFor(name: KontentEventName) {
  const received: { name: string; payload: unknown; index: number }[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({ provider: kontent({ secret: SECRET }) });
  receiver.on(name, (event) => void received.push({ name: event.name, payload: event.payload, index: event.index }));
  receiver.onAny((event) => void (event.name !== name && received.push({ name: `other:${event.name}`, payload: event.payload, index: event.index })));
  receiver.onError((error) => void errors.push(error));
  return { receiver, received, errors };
}

describe("kontentTestkit", () => {
  it("lists every native event of @cmshooks/kontent", () => {
    expect(kontentTestkit.events).toEqual(names);
  });

  for (const name of names) {
    it(`delivers a signed ${name} that the receiver answers 200 and routes to its native handler`, async () => {
      const delivery = await kontentTestkit.delivery(name, { secret: SECRET });
      const { receiver, received, errors } = receiverFor(name);
      const result = await receiver.handle({ method: delivery.method, headers: delivery.headers, body: delivery.body });
      expect(result.status).toBe(200);
      expect(received).toEqual([{ name, payload: delivery.payload, index: 0 }]);
      expect(errors).toEqual([]); // includes: no header/body mismatch warning for legacy deliveries
    });
  }

  it("signs legacy events in X-KC-Signature with X-KC-Message-* headers, current ones in X-Kontent-ai-Signature as a batch", async () => {
    const legacy = await kontentTestkit.delivery("content_item_variant.publish", { secret: SECRET });
    expect(Object.keys(legacy.headers)).toEqual(expect.arrayContaining(["x-kc-signature", "x-kc-message-id", "x-kc-message-api-name"]));
    expect(legacy.headers["x-kc-message-id"]).toBe(legacy.payload.message.id);
    expect(JSON.parse(legacy.text)).toEqual(legacy.payload);

    const current = await kontentTestkit.delivery("content_item.published", { secret: SECRET });
    expect(current.headers).toHaveProperty("x-kontent-ai-signature");
    expect(current.headers).not.toHaveProperty("x-kc-signature");
    expect(JSON.parse(current.text)).toEqual({ notifications: [current.payload] });
    expect(current.text).toContain("\r\n  ");
  });

  it("gives the same payload for the same seed and another one for another seed, always schema-valid", () => {
    for (const name of names) {
      const a = kontentTestkit.payload(name, { seed: 7 });
      expect(kontentTestkit.payload(name, { seed: 7 })).toEqual(a);
      expect(kontentTestkit.payload(name, { seed: 8 })).not.toEqual(a);
      expect(kontentEvents[name].schema.safeParse(a).success).toBe(true);
    }
  });

  it("keeps ids consistent inside one payload (the same sample id maps to the same new id)", () => {
    const a = kontentTestkit.payload("taxonomy.upsert", { seed: 3 });
    const b = kontentTestkit.payload("taxonomy.upsert", { seed: 3 });
    expect(a.message.project_id).toBe(b.message.project_id);
    expect(a.message.project_id).not.toBe("bf32e7ab-85c3-0073-47b9-90838a8462de");
  });

  it("applies overrides to the payload and re-signs the result", async () => {
    const delivery = await kontentTestkit.delivery("content_item.published", {
      secret: SECRET,
      overrides: { data: { system: { codename: "launch_day" } } },
    });
    expect(delivery.payload.data.system.codename).toBe("launch_day");
    const { receiver, received } = receiverFor("content_item.published");
    expect((await receiver.handle({ method: "POST", headers: delivery.headers, body: delivery.body })).status).toBe(200);
    expect(received[0]?.payload).toMatchObject({ data: { system: { codename: "launch_day" } } });
  });

  it("signs arbitrary bodies so the receiver accepts them, and a wrong secret is a 401", async () => {
    const body = (await kontentTestkit.delivery("asset.deleted")).text;
    const receiver = createReceiver({ provider: kontent({ secret: SECRET }) });
    const ok = await receiver.handle({ method: "POST", headers: { "content-type": "application/json", ...(await kontentTestkit.sign(body, { secret: SECRET })) }, body });
    const bad = await receiver.handle({ method: "POST", headers: { "content-type": "application/json", ...(await kontentTestkit.sign(body, { secret: "nope" })) }, body });
    expect([ok.status, bad.status]).toEqual([200, 401]);
  });

  it("covers both formats", () => {
    const legacy = names.filter((n) => n in kontentLegacyEvents);
    expect([legacy.length, names.length - legacy.length]).toEqual([18, 24]);
    expect(names).toEqual(expect.arrayContaining(["content_item.changed", "asset.changed", "content_item_variant.create", "content_item_variant.upsert"]));
  });
});
