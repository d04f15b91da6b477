import { createReceiver } from "@cmshooks/core";
import { strapi, strapiEvents, type StrapiEventName } from "@cmshooks/strapi";
import { describe, expect, it } from "vitest";
import { authenticatorFor } from "../authenticator-for.js";
import type { TestAuth } from "../test-delivery.js";
import { toHandleInput } from "../to-handle-input.js";
import { strapiTestkit } from "./strapi.js";

const EVENTS = Object.keys(strapiEvents) as StrapiEventName[];
const BEARER: TestAuth = { header: { name: "Authorization", value: "Bearer strapi-kit-t0ken" } };

describe("strapiTestkit", () => {
  it("covers exactly the events of strapiEvents", () => {
    expect(strapiTestkit.events).toEqual(EVENTS);
    expect(strapiTestkit.vendor).toBe("strapi");
  });

  for (const event of EVENTS) {
    it(`makes a ${event} delivery with a bearer token and X-Strapi-Event that a receiver accepts (200) as ${event}`, async () => {
      const seen: { name: string; meta: unknown }[] = [];
      const receiver = createReceiver({ provider: strapi({ auth: authenticatorFor(BEARER) }) });
      receiver.on(EVENTS, ({ name, meta }) => void seen.push({ name, meta }));
      const delivery = await strapiTestkit.delivery(event, { auth: BEARER, seed: 5 });
      expect(delivery.headers).toMatchObject({ authorization: "Bearer strapi-kit-t0ken", "x-strapi-event": event });
      expect((await receiver.handle(toHandleInput(delivery))).status).toBe(200);
      expect(seen).toEqual([{ name: event, meta: { event } }]);
    });
  }

  it("is refused (401) by a receiver expecting another token", async () => {
    const receiver = createReceiver({ provider: strapi({ auth: authenticatorFor({ header: { name: "authorization", value: "Bearer other" } }) }), log: false });
    const delivery = await strapiTestkit.delivery("entry.publish", { auth: BEARER });
    expect((await receiver.handle(toHandleInput(delivery))).status).toBe(401);
  });

  it("makes Strapi 5 entries: a documentId, the uid and a publishedAt only when published", () => {
    const published = strapiTestkit.payload("entry.publish", { seed: 2 });
    const draft = strapiTestkit.payload("entry.update", { seed: 2 });
    expect(published.entry.documentId).toMatch(/^[a-z0-9]{24}$/);
    expect(published.uid).toBe(`api::${published.model}.${published.model}`);
    expect([typeof published.entry.publishedAt, draft.entry.publishedAt]).toEqual(["string", null]);
  });
});
