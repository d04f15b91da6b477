import { createReceiver } from "@cmshooks/core";
import { hygraph, hygraphEvents, type HygraphEventName } from "@cmshooks/hygraph";
import { verifyWebhookSignature } from "@hygraph/utils";
import { describe, expect, it } from "vitest";
import { toHandleInput } from "../to-handle-input.js";
import { hygraphTestkit } from "./hygraph.js";

const SECRET = "hygraph-kit-secret";
const EVENTS = Object.keys(hygraphEvents) as HygraphEventName[];

describe("hygraphTestkit", () => {
  it("covers exactly the events of hygraphEvents", () => {
    expect(hygraphTestkit.events).toEqual(EVENTS);
    expect(hygraphTestkit.vendor).toBe("hygraph");
  });

  for (const event of EVENTS) {
    it(`makes a ${event} delivery that a receiver accepts (200) as ${event}`, async () => {
      const seen: string[] = [];
      const receiver = createReceiver({ provider: hygraph({ secret: SECRET }) });
      receiver.on(EVENTS, ({ name, meta }) => void seen.push(`${name}@${meta.environment}`));
      const delivery = await hygraphTestkit.delivery(event, { secret: SECRET, seed: 4 });
      expect((await receiver.handle(toHandleInput(delivery))).status).toBe(200);
      expect(seen).toEqual([`${event}@master`]);
      expect(delivery.payload.operation).toBe(event);
    });

    it(`signs a ${event} delivery so that @hygraph/utils accepts it, and not with another secret`, async () => {
      const delivery = await hygraphTestkit.delivery(event, { secret: SECRET });
      const signature = delivery.headers["gcms-signature"]!;
      expect(verifyWebhookSignature({ rawPayload: delivery.text, signature, secret: SECRET })).toBe(true);
      expect(verifyWebhookSignature({ rawPayload: delivery.text, signature, secret: "another-secret" })).toBe(false);
    });
  }

  it("sends the draft for create, update and delete, and the published snapshot for publish and unpublish", () => {
    expect(EVENTS.map((event) => hygraphTestkit.payload(event).data.stage)).toEqual(["DRAFT", "DRAFT", "DRAFT", "PUBLISHED", "PUBLISHED"]);
  });

  it("gives the same payload for the same seed and another one for another seed", () => {
    expect(hygraphTestkit.payload("publish", { seed: 3 })).toEqual(hygraphTestkit.payload("publish", { seed: 3 }));
    expect(hygraphTestkit.payload("publish", { seed: 3 })).not.toEqual(hygraphTestkit.payload("publish", { seed: 4 }));
  });
});
