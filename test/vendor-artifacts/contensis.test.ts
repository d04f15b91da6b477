/**
 * Contensis' own artifacts through a real receiver: every topic of the docs' update-a-subscription
 * examples, the docs' subscription resource and topics example, the vendor's client-test templates
 * (fixtures/contensis.ts and packages/contensis/src/seed-examples.fixture.ts name each source).
 */
import { createReceiver, secretHeader, type AnyUnifiedEvent, type WebhookError, type WebhookReceiver } from "@cmshooks/core";
import {
  CONTENSIS_ROUTING_HEADERS,
  contensis,
  contensisSampleContext,
  defineContensisSubscription,
  parseContensisSubscription,
  renderContensisDelivery,
  type ContensisEventName,
  type ContensisSubscription,
  type ContensisStoredDefinition,
} from "@cmshooks/contensis";
import { onEveryUnified } from "@cmshooks/testkit";
import { describe, expect, it } from "vitest";
import { DOCS_SUBSCRIPTION_RESOURCE, DOCS_TOPICS_EXAMPLE, parseDocsJson } from "../../packages/contensis/src/seed-examples.fixture.js";
import { UPDATE_SUBSCRIPTION_TOPICS, VENDOR_TEST_CONTENT_TYPES, VENDOR_TEST_TEMPLATES } from "./fixtures/contensis.js";

const SECRET = { name: "x-webhook-secret", value: "contensis-artifacts-secret-5f1c" };

/** Unified kinds the docs' wording implies for the events this work added (a node "updated or moved"). */
const EXPECTED_UNIFIED: Partial<Record<ContensisEventName, string>> = {
  "entry.published": "content.publish",
  "node.moved": "content.update",
  "node.childOrderChanged": "content.update",
  "node.created": "content.create",
  "asset.published": "content.publish",
};

function receiverFor(subscription: { readonly request: unknown } | undefined) {
  const native: string[] = [];
  const unified: string[] = [];
  const unknown: string[] = [];
  const errors: WebhookError[] = [];
  // One provider type for every subscription (the tests read names and kinds, not typed payloads).
  const stored = subscription as ContensisSubscription<ContensisStoredDefinition> | undefined;
  const receiver = createReceiver({ provider: contensis({ subscription: stored, auth: secretHeader(SECRET) }) });
  receiver.onAny((event) => void (event.known ? native.push(event.name) : unknown.push(event.name)));
  onEveryUnified(receiver as unknown as WebhookReceiver, (event: AnyUnifiedEvent) => void unified.push(`${event.nativeEvent}:${event.kind}`));
  receiver.onError((error) => void errors.push(error));
  return { receiver, native, unified, unknown, errors };
}

async function deliver(ctx: ReturnType<typeof receiverFor>, headers: Record<string, string>, payload: unknown) {
  const body = Buffer.from(JSON.stringify(payload));
  return ctx.receiver.handle({ method: "POST", headers: { ...headers, [SECRET.name]: SECRET.value }, body, ip: "127.0.0.1" });
}

describe("every topic of the docs' update-a-subscription examples", () => {
  for (const topic of UPDATE_SUBSCRIPTION_TOPICS) {
    for (const event of topic.event) {
      const name = `${topic.resourceType}.${event}` as ContensisEventName;
      const contentTypeId = "contentTypeId" in topic ? topic.contentTypeId[0] : undefined;
      for (const [how, subscription] of [
        ["a subscription defined in code (routing headers)", defineContensisSubscription({ name: "Example", url: "https://webhook.site/11ac515d", topics: [topic] })],
        ["the same subscription read back (default payload only)", parseContensisSubscription({ name: "Example", url: "https://webhook.site/11ac515d", topics: [topic] })],
      ] as const) {
        it(`${name} with ${how}: 200, native ${name}${EXPECTED_UNIFIED[name] ? `, unified ${EXPECTED_UNIFIED[name]}` : ""}`, async () => {
          const ctx = receiverFor(subscription);
          const context = contensisSampleContext(name, contentTypeId ? { contentTypeId } : {});
          const delivery = renderContensisDelivery(subscription, context);
          const response = await deliver(ctx, delivery.headers, delivery.payload);
          expect(response.status).toBe(200);
          expect(ctx.native).toEqual([name]);
          expect(ctx.unknown).toEqual([]);
          expect(ctx.errors).toEqual([]);
          if (EXPECTED_UNIFIED[name]) expect(ctx.unified).toEqual([`${name}:${EXPECTED_UNIFIED[name]}`]);
        });
      }
    }
  }
});

describe("the docs' subscription resources", () => {
  it("webhook-subscriptions.md: templates as JSON strings, its entry.news template types and routes a delivery", async () => {
    const subscription = parseContensisSubscription(parseDocsJson(DOCS_SUBSCRIPTION_RESOURCE));
    const ctx = receiverFor(subscription);
    const delivery = renderContensisDelivery(subscription, contensisSampleContext("entry.published", { contentTypeId: "news" }));
    expect(delivery.template).toBe("entry.news");
    // A subscription read back has no routing headers: the docs' template carries the event name, the topics the resource type.
    const response = await deliver(ctx, { ...delivery.headers, "x-contensis-event": "entry.published" }, delivery.payload);
    expect(response.status).toBe(200);
    expect(ctx.native).toEqual(["entry.published"]);
  });

  it("topics-and-events.md: event and filters as plain strings, invokeUrl", async () => {
    const subscription = parseContensisSubscription(DOCS_TOPICS_EXAMPLE);
    expect(subscription.request.url).toBe(DOCS_TOPICS_EXAMPLE.invokeUrl);
    const ctx = receiverFor(subscription);
    const delivery = renderContensisDelivery(subscription, contensisSampleContext("contentType.created"));
    expect((await deliver(ctx, delivery.headers, delivery.payload)).status).toBe(200);
    expect(ctx.native).toEqual(["contentType.created"]);
  });
});

describe("the vendor's client-test templates ({{…}} syntax, JSON text)", () => {
  it("render, validate and reach the typed handler", async () => {
    const subscription = parseContensisSubscription({
      name: "Vendor test templates",
      url: "https://hooks.example.com/contensis",
      topics: [{ resourceType: "entry", event: ["published"], contentTypeId: [...VENDOR_TEST_CONTENT_TYPES] }],
      templates: VENDOR_TEST_TEMPLATES,
    });
    const ctx = receiverFor(subscription);
    const payloads: unknown[] = [];
    ctx.receiver.on("entry.published", ({ payload }) => void payloads.push(payload));
    const context = contensisSampleContext("entry.published", { contentTypeId: "artist", resourceId: "0b7e1c2a-0000-4000-8000-00000000000a" });
    const delivery = renderContensisDelivery(subscription, { ...context, event: { ...context.event, alias: "artists" } });
    const response = await deliver(ctx, { "x-contensis-event": "published" }, delivery.payload);
    expect(response.status).toBe(200);
    expect(payloads).toEqual([{ title: expect.any(String), id: "0b7e1c2a-0000-4000-8000-00000000000a", alias: "artists" }]);
  });
});

describe("deliveries whose routing Contensis did not render (issue 16, cases 7 and 11)", () => {
  it("routing headers left as placeholders count as absent: the default payload names entry.published and its handler runs", async () => {
    const subscription = defineContensisSubscription({ name: "x", url: "https://example.com/hook", topics: [{ resourceType: "entry", event: ["published", "updated"] }] });
    const ctx = receiverFor(subscription);
    const delivery = renderContensisDelivery(subscription, contensisSampleContext("entry.published"));
    const unrendered = Object.fromEntries(Object.values(CONTENSIS_ROUTING_HEADERS).map(({ name, value }) => [name, value]));
    const legacySyntax = { ...unrendered, "x-contensis-event": "{/event/name}", "x-contensis-resource-type": "{/event/resourceType}" };
    for (const headers of [unrendered, legacySyntax]) {
      expect((await deliver(ctx, headers, delivery.payload)).status).toBe(200);
    }
    expect(ctx.native).toEqual(["entry.published", "entry.published"]);
    expect(ctx.unknown).toEqual([]);
  });

  it("a default payload with no resource.type, no routing headers and no subscription is acknowledged (200) and reaches onAny", async () => {
    const ctx = receiverFor(undefined);
    const payload = { eventId: "4f0c2b1e", eventName: "published", subscriptionId: "s1", datetime: "2026-03-18T09:41:27.512Z", resource: { id: "r1" } };
    const response = await deliver(ctx, {}, payload);
    expect(response.status).toBe(200);
    expect(ctx.unknown).toEqual(["published"]);
    expect(ctx.native).toEqual([]);
    // Never silent: reported as a warning with what was seen and what to configure.
    expect(ctx.errors).toEqual([expect.objectContaining({ code: "unknown_event", level: "warning", hint: expect.stringMatching(/contensis\(\{ subscription \}\)/) })]);
  });
});
