import { createReceiver } from "@cmshooks/core";
import { contentful, contentfulEvents, type ContentfulEventName } from "@cmshooks/contentful";
import { verifyRequest } from "@contentful/node-apps-toolkit";
import { describe, expect, it } from "vitest";
import { toHandleInput } from "../to-handle-input.js";
import { contentfulTestkit } from "./contentful.js";

const SECRET = "kitSecret0123456789kitSecret0123456789kitSecret0123456789abcdefg";
const EVENTS = Object.keys(contentfulEvents) as ContentfulEventName[];

describe("contentfulTestkit", () => {
  it("covers exactly the topics of contentfulEvents", () => {
    expect(contentfulTestkit.events).toEqual(EVENTS);
    expect(contentfulTestkit.vendor).toBe("contentful");
  });

  it("makes a delivery for every topic that a receiver accepts (200), with its topic, media type and idempotency key", async () => {
    const receiver = createReceiver({ provider: contentful({ secret: SECRET }) });
    const seen: { name: string; deliveryId: string }[] = [];
    receiver.on(EVENTS, ({ name, deliveryId }) => void seen.push({ name, deliveryId }));
    const keys = new Set<string>();
    for (const event of EVENTS) {
      const delivery = await contentfulTestkit.delivery(event, { secret: SECRET, seed: 4 });
      expect((await receiver.handle(toHandleInput(delivery))).status, event).toBe(200);
      expect(delivery.headers["x-contentful-topic"]).toBe(event);
      expect(delivery.headers["content-type"]).toBe("application/vnd.contentful.management.v1+json");
      keys.add(delivery.headers["x-contentful-idempotency-key"]!);
    }
    expect(seen.map((s) => s.name)).toEqual(EVENTS);
    expect(keys.size, "one idempotency key per topic").toBe(EVENTS.length);
  });

  it("signs the path it is given, so that verifyRequest accepts the delivery there and not elsewhere", async () => {
    const delivery = await contentfulTestkit.delivery("ContentManagement.Entry.publish", { secret: SECRET, path: "/webhooks/cms?env=prod" });
    const canonical = (path: string) => ({ method: "POST" as const, path, headers: delivery.headers, body: delivery.text });
    expect(delivery.path).toBe("/webhooks/cms?env=prod");
    expect(verifyRequest(SECRET, canonical("/webhooks/cms?env=prod"))).toBe(true);
    expect(verifyRequest(SECRET, canonical("/hooks/contentful"))).toBe(false);
  });

  it("gives the same payload for the same seed and another one for another seed", () => {
    const topic = "ContentManagement.Entry.save";
    expect(contentfulTestkit.payload(topic, { seed: 3 })).toEqual(contentfulTestkit.payload(topic, { seed: 3 }));
    expect(contentfulTestkit.payload(topic, { seed: 3 })).not.toEqual(contentfulTestkit.payload(topic, { seed: 4 }));
  });
});
