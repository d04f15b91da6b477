import { createHmac } from "node:crypto";
import { createReceiver, secretQueryParam } from "@cmshooks/core";
import { storyblok, storyblokEvents, type StoryblokEventName } from "@cmshooks/storyblok";
import { describe, expect, it } from "vitest";
import { toHandleInput } from "../to-handle-input.js";
import { storyblokTestkit } from "./storyblok.js";

const EVENTS = Object.keys(storyblokEvents) as StoryblokEventName[];
const SECRET = "storyblok-kit-secret";

describe("storyblokTestkit", () => {
  it("covers exactly the events of storyblokEvents", () => {
    expect(storyblokTestkit.events).toEqual(EVENTS);
    expect(storyblokTestkit.vendor).toBe("storyblok");
  });

  it("signs as Storyblok's documented recipe does: createHmac('sha1', secret).update(body).digest('hex')", async () => {
    const delivery = await storyblokTestkit.delivery("story.published", { secret: SECRET });
    expect(delivery.headers["webhook-signature"]).toBe(createHmac("sha1", SECRET).update(delivery.text).digest("hex"));
  });

  for (const event of EVENTS) {
    it(`makes a signed ${event} delivery that a receiver accepts (200) as ${event}`, async () => {
      const seen: string[] = [];
      const receiver = createReceiver({ provider: storyblok({ secret: SECRET }) });
      receiver.on(EVENTS, ({ name }) => void seen.push(name));
      const delivery = await storyblokTestkit.delivery(event, { secret: SECRET, seed: 11 });
      expect((await receiver.handle(toHandleInput(delivery))).status).toBe(200);
      expect(seen).toEqual([event]);
    });
  }

  it("adds receiver-side credentials when asked, for receivers that check both", async () => {
    const auth = { query: { name: "token", value: "q-s3cret" } } as const;
    const receiver = createReceiver({ provider: storyblok({ secret: SECRET, auth: secretQueryParam(auth.query) }), log: false });
    const delivery = await storyblokTestkit.delivery("asset.deleted", { secret: SECRET, auth });
    expect(delivery.path).toBe("/hooks/storyblok?token=q-s3cret");
    expect((await receiver.handle(toHandleInput(delivery))).status).toBe(200);
    const without = await storyblokTestkit.delivery("asset.deleted", { secret: SECRET });
    expect((await receiver.handle(toHandleInput(without))).status).toBe(401);
  });

  it("gives the same payload for the same seed and another for another seed", () => {
    expect(storyblokTestkit.payload("story.moved", { seed: 3 })).toEqual(storyblokTestkit.payload("story.moved", { seed: 3 }));
    expect(storyblokTestkit.payload("story.moved", { seed: 3 })).not.toEqual(storyblokTestkit.payload("story.moved", { seed: 4 }));
  });
});
