import { createReceiver, type WebhookError } from "@cmshooks/core";
import {
  contensis,
  contensisEvents,
  defineContensisSubscription,
  pointer,
  type ContensisSubscription,
  type ContensisSubscriptionDefinition,
} from "@cmshooks/contensis";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toHandleInput } from "../to-handle-input.js";
import { contensisTestkit, contensisTestkitFor, contensisTestSubscription } from "./contensis.js";

function receiverFor<D extends ContensisSubscriptionDefinition>(subscription: ContensisSubscription<D>) {
  const names: string[] = [];
  const errors: WebhookError[] = [];
  const receiver = createReceiver({ provider: contensis({ subscription }) });
  receiver.onAny((event) => void names.push(`${event.known ? "" : "unknown:"}${event.name}`));
  receiver.onError((error) => void errors.push(error));
  return { receiver, names, errors };
}

describe("contensisTestkit", () => {
  it("lists every native event of the vendor's events table", () => {
    expect([...contensisTestkit.events].sort()).toEqual(Object.keys(contensisEvents).sort());
    expect(contensisTestkit.events).toHaveLength(58);
    expect(contensisTestkit.events).toEqual(expect.arrayContaining(["contentType.published", "component.published", "node.moved", "node.childOrderChanged"]));
  });

  it("makes an authenticated delivery for every native event that the receiver accepts (200) under its own name", async () => {
    const { receiver, names, errors } = receiverFor(contensisTestSubscription);
    for (const event of contensisTestkit.events) {
      const delivery = await contensisTestkit.delivery(event);
      const result = await receiver.handle({ method: delivery.method, headers: delivery.headers, body: delivery.body });
      expect([event, result.status]).toEqual([event, 200]);
    }
    expect(names).toEqual([...contensisTestkit.events]);
    expect(errors).toEqual([]);
  });

  it("renders the default payload and the routing headers, deterministically for a seed", async () => {
    const a = await contensisTestkit.delivery("entry.published", { seed: 7 });
    const b = await contensisTestkit.delivery("entry.published", { seed: 7 });
    const c = await contensisTestkit.delivery("entry.unpublished", { seed: 7 });
    expect(a.text).toBe(b.text);
    expect(a.payload).toMatchObject({ eventName: "published", resource: { type: "entry", contentTypeId: "news" } });
    expect(a.headers).toMatchObject({ "x-webhook-secret": "contensis-test-secret", "x-contensis-event": "published", "x-contensis-resource-type": "entry" });
    expect((c.payload as { eventId: string }).eventId).not.toBe((a.payload as { eventId: string }).eventId);
  });

  it("is refused (401) with another secret, and accepted with the secret the receiver has", async () => {
    const receiver = createReceiver({ provider: contensis({ subscription: contensisTestSubscription }) });
    const wrong = await contensisTestkit.delivery("entry.created", { secret: "another-secret" });
    expect((await receiver.handle({ method: "POST", headers: wrong.headers, body: wrong.body })).status).toBe(401);
    const headers = await contensisTestkit.sign("{}", { auth: { header: { name: "x-webhook-secret", value: "contensis-test-secret" } } });
    expect(headers).toEqual({ "x-webhook-secret": "contensis-test-secret" });
  });

  it("merges overrides into the payload", async () => {
    const delivery = await contensisTestkit.delivery("asset.published", { overrides: { resource: { title: "Harbor at dawn" } } });
    expect(JSON.parse(delivery.text)).toMatchObject({ resource: { type: "asset", title: "Harbor at dawn" } });
  });
});

describe("contensisTestkitFor a templated subscription", () => {
  const subscription = defineContensisSubscription({
    name: "Seed-like",
    url: "https://external.mywebsite.com/handlewebhooks/{/resource/sys.id}",
    topics: [
      { resourceType: "entry", event: ["updated", "created"], contentTypeId: ["blog", "news"] },
      { resourceType: "entry", event: ["published"], contentTypeId: ["news"] },
      { resourceType: "contentType", event: ["created"] },
    ],
    headers: { department: { value: "{/resource/department}" }, secretHeaderSet: { secret: true, value: "cs7vdsdvj~8" } },
    templates: {
      entry: { id: "{/resource/sys/id}", user: "{/user/firstname} {/user/lastname}", department: "{/resource/department}" },
      "entry.news": { id: "{/resource/sys/id}", headline: pointer("/resource/headline", z.string()) },
      contentType: "{/resource/}",
    },
  });
  const kit = contensisTestkitFor(subscription);

  it("renders each event with the template Contensis would pick", async () => {
    const news = await kit.delivery("entry.published", { values: { title: "Budget approved", department: "Newsroom" } });
    expect(news.payload).toEqual({ id: expect.any(String), headline: "Budget approved" });
    expect(news.headers).toMatchObject({ department: "Newsroom", secretheaderset: "cs7vdsdvj~8" });
    const blog = await kit.delivery("entry.created", { contentTypeId: "blog" });
    expect(Object.keys(blog.payload as object)).toEqual(["id", "user", "department"]);
    const contentType = await kit.delivery("contentType.created");
    expect(contentType.payload).toMatchObject({ id: "news", dataFormat: "entry" });
  });

  it("makes every native event of the subscription's table pass its receiver (200)", async () => {
    const { receiver, names } = receiverFor(subscription);
    for (const event of kit.events) {
      const delivery = await kit.delivery(event);
      const result = await receiver.handle({ method: delivery.method, headers: delivery.headers, body: delivery.body });
      expect([event, result.status, result.body]).toEqual([event, 200, expect.any(String)]);
    }
    expect(names).toEqual([...kit.events]);
  });
});

describe("contensisTestkitFor a subscription written with Scriban placeholders ({{…}})", () => {
  const subscription = defineContensisSubscription({
    name: "Scriban",
    url: "https://hooks.example.com/contensis/{{resource.sys.id}}",
    topics: [{ resourceType: "entry", event: ["published"] }],
    headers: { department: { value: "{{resource.department}}" }, "x-webhook-secret": { secret: true, value: "s3cret-value" } },
    templates: { entry: { id: "{{resource.sys.id}}", title: "{{ resource.entryTitle }}" } },
  });
  const kit = contensisTestkitFor(subscription);

  it("renders the URL, headers and template, and the receiver routes and accepts the delivery (200)", async () => {
    const delivery = await kit.delivery("entry.published", { values: { title: "Budget approved", department: "Newsroom" } });
    expect(delivery.payload).toEqual({ id: expect.any(String), title: "Budget approved" });
    expect(delivery.headers).toMatchObject({ department: "Newsroom", "x-contensis-event": "published" });
    expect(delivery.path).not.toContain("{{");
    const { receiver, names, errors } = receiverFor(subscription);
    expect((await receiver.handle(toHandleInput(delivery))).status).toBe(200);
    expect(names).toEqual(["entry.published"]);
    expect(errors).toEqual([]);
  });
});
