import { createReceiver } from "@cmshooks/core";
import { sanity, sanityEvents, type SanityEventName } from "@cmshooks/sanity";
import { isValidSignature, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { describe, expect, it } from "vitest";
import { toHandleInput } from "../to-handle-input.js";
import { sanityTestkit } from "./sanity.js";

const SECRET = "sanity-kit-secret";
const EVENTS = Object.keys(sanityEvents) as SanityEventName[];

describe("sanityTestkit", () => {
  it("covers exactly the events of sanityEvents", () => {
    expect(sanityTestkit.events).toEqual(EVENTS);
    expect(sanityTestkit.vendor).toBe("sanity");
  });

  for (const event of EVENTS) {
    it(`makes a ${event} delivery that a receiver accepts (200) as ${event}, with its delivery id from idempotency-key`, async () => {
      const seen: { name: string; deliveryId: string }[] = [];
      const receiver = createReceiver({ provider: sanity({ secret: SECRET }) });
      receiver.on(EVENTS, ({ name, deliveryId }) => void seen.push({ name, deliveryId }));
      const delivery = await sanityTestkit.delivery(event, { secret: SECRET, seed: 4 });
      expect((await receiver.handle(toHandleInput(delivery))).status).toBe(200);
      expect(seen).toEqual([{ name: event, deliveryId: delivery.headers["idempotency-key"] }]);
      expect(delivery.headers["sanity-operation"]).toBe(event);
      expect(delivery.headers["sanity-document-id"]).toBe(delivery.payload._id);
    });

    it(`signs a ${event} delivery so that @sanity/webhook accepts it, and not with another secret`, async () => {
      const delivery = await sanityTestkit.delivery(event, { secret: SECRET });
      const signature = delivery.headers[SIGNATURE_HEADER_NAME]!;
      expect(await isValidSignature(delivery.text, signature, SECRET)).toBe(true);
      expect(await isValidSignature(delivery.text, signature, "another-secret")).toBe(false);
    });
  }

  it("makes a new draft on create and the published document on update and delete", () => {
    expect(sanityTestkit.payload("create")._id).toMatch(/^drafts\./);
    expect(sanityTestkit.payload("update")._id).not.toMatch(/^drafts\./);
    expect(sanityTestkit.payload("delete")._id).not.toMatch(/^drafts\./);
  });

  it("follows an overridden _id in the sanity-document-id header", async () => {
    const delivery = await sanityTestkit.delivery("update", { overrides: { _id: "movie_10" } });
    expect(delivery.headers["sanity-document-id"]).toBe("movie_10");
  });

  it("gives the same payload for the same seed and another one for another seed", () => {
    expect(sanityTestkit.payload("update", { seed: 3 })).toEqual(sanityTestkit.payload("update", { seed: 3 }));
    expect(sanityTestkit.payload("update", { seed: 3 })).not.toEqual(sanityTestkit.payload("update", { seed: 4 }));
  });
});
