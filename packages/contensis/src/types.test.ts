import { createReceiver, secretHeader } from "@cmshooks/core";
import { z } from "zod";
import { describe, expect, expectTypeOf, it } from "vitest";
import { contensis, ContensisSubscriptionInvalidError, defineContensisSubscription, pointer, type ContensisEventName, type ContensisJson, type ContensisResource } from "./index.js";

// Checked by `tsc`; at run time these tests only register handlers.
const subscription = defineContensisSubscription({
  name: { "en-GB": "Site events" },
  url: "https://external.mywebsite.com/handlewebhooks/{/resource/sys.id}",
  topics: [
    { resourceType: "entry", event: ["updated", "created"], language: ["fr-fr"], contentTypeId: ["blog", "news"], owner: "t.durden" },
    { resourceType: "entry", event: ["published"], contentTypeId: ["news"], owner: "t.durden" },
    { resourceType: "contentType", event: ["created"] },
    { resourceType: "asset", event: ["published"] },
    { resourceType: "entry", event: ["workflowEventRaised"], contentTypeId: ["blog"], workflowEvent: ["contensisentrybasic.draft.submit"] },
  ],
  headers: {
    target: { value: "internal" },
    department: { value: "{/resource/department}" },
    "x-webhook-secret": { secret: true, value: "cs7vdsdvj~8" },
  },
  templates: {
    entry: {
      event: "{/event/name}",
      user: "{/user/firstName} {/user/lastName}",
      id: "{/resource/sys/id}",
      title: "{/resource/entryTitle}",
      description: "{/resource/entryDescription}",
      department: "{/resource/department}",
    },
    "entry.news": {
      event: "{/event/name}",
      id: "{/resource/sys/id}",
      title: "{/resource/entryTitle}",
      headline: pointer("/resource/headline", z.string()),
      version: 2,
    },
    contentType: "{/resource/}",
  },
});

describe("Contensis handler types", () => {
  const receiver = createReceiver({ provider: contensis({ subscription }) });

  it("types a templated event from its template", () => {
    receiver.on("entry.published", ({ payload }) => {
      // published is only sent for news: the entry.news template
      expectTypeOf(payload).toEqualTypeOf<{ event: string; id: string; title: string; headline: string; version: 2 }>();
      // @ts-expect-error — a misspelt template field does not compile
      void payload.headlin;
    });
    receiver.on("entry.created", ({ payload }) => {
      // blog or news: either template
      expectTypeOf(payload).toEqualTypeOf<
        | { event: string; id: string; title: string; headline: string; version: 2 }
        | { event: string; user: string; id: string; title: string; description: ContensisJson; department: ContensisJson }
      >();
    });
    receiver.on("entry.workflowEventRaised", ({ payload }) => {
      expectTypeOf(payload.user).toEqualTypeOf<string>();
    });
  });

  it("types Scriban placeholders ({{resource.sys.id}}) as text, at compile time and at run time", () => {
    const scriban = defineContensisSubscription({
      name: "x",
      url: "https://example.com/hooks/{{resource.sys.id}}",
      topics: [{ resourceType: "entry", event: ["published"] }],
      headers: { "x-webhook-secret": { secret: true, value: "s" } },
      templates: { entry: { title: "{{resource.entryTitle}}", id: "{{ resource.sys.id }}", fixed: "webhook" } },
    });
    createReceiver({ provider: contensis({ subscription: scriban }) }).on("entry.published", ({ payload }) => {
      expectTypeOf(payload).toEqualTypeOf<{ title: string; id: string; fixed: "webhook" }>();
    });
    const schema = scriban.templates[0]!.schema;
    expect(schema.safeParse({ title: "Hello", id: "42", fixed: "webhook" }).success).toBe(true);
    expect(schema.safeParse({ title: 7, id: "42", fixed: "webhook" }).success).toBe(false);
  });

  it("types a whole-resource template as the resource", () => {
    receiver.on("contentType.created", ({ payload }) => {
      expectTypeOf(payload).toEqualTypeOf<ContensisResource<"contentType">>();
    });
  });

  it("types events without a template with the default payload", () => {
    receiver.on("asset.published", ({ payload }) => {
      expectTypeOf(payload.eventId).toEqualTypeOf<string>();
      expectTypeOf(payload.resource.id).toEqualTypeOf<string>();
    });
  });

  it("types the subscription's non-secret headers in meta", () => {
    receiver.on("entry.published", ({ meta }) => {
      expectTypeOf(meta.headers.department).toEqualTypeOf<string | undefined>();
      expectTypeOf(meta.event).toEqualTypeOf<string | undefined>();
      // @ts-expect-error — secret headers are not in meta
      void meta.headers["x-webhook-secret"];
    });
  });

  it("does not compile an event the subscription never sends (every event stays allowed without one)", () => {
    // @ts-expect-error — no topic sends group events
    expect(() => receiver.on("group.userAdded", () => {})).not.toThrow();
    // @ts-expect-error — entry topics send created, updated, published and workflowEventRaised, not deleted
    receiver.on(["entry.published", "entry.deleted"], () => {});
    const plain = createReceiver({ provider: contensis({ auth: secretHeader({ name: "x-webhook-secret", value: "s" }) }) });
    plain.on("group.userAdded", ({ payload }) => expectTypeOf(payload.eventName).toEqualTypeOf<string>());
  });

  it("types unified events by the native events the subscription sends", () => {
    receiver.onContentPublish((event) => {
      expectTypeOf(event.nativeEvent).toEqualTypeOf<"entry.published" | "asset.published">();
      if (event.nativeEvent === "entry.published") expectTypeOf(event.raw.headline).toEqualTypeOf<string>();
      // @ts-expect-error — the subscription sends no node events
      void (event.nativeEvent === "node.created");
    });
  });

  it("does not compile a misspelt event name", () => {
    // @ts-expect-error — not a Contensis event
    expectTypeOf(receiver.on).toBeCallableWith("entry.publishd", () => {});
    expectTypeOf<"comment.entry.replied">().toMatchTypeOf<ContensisEventName>();
  });

  it("types every payload as the default one without a subscription", () => {
    const plain = createReceiver({ provider: contensis({ auth: secretHeader({ name: "x-webhook-secret", value: "s" }) }) });
    plain.on("entry.published", ({ payload }) => {
      expectTypeOf(payload.resource.contentTypeId).toEqualTypeOf<string>();
    });
  });

  it("rejects a topic event its resource type does not raise, at compile time (and at run time)", () => {
    expect(() =>
      defineContensisSubscription({
        name: "x",
        url: "https://example.com",
        // @ts-expect-error — contentType has no "unpublished"
        topics: [{ resourceType: "contentType", event: ["unpublished"] }],
      }),
    ).toThrow(ContensisSubscriptionInvalidError);
    expect(() =>
      defineContensisSubscription({
        name: "x",
        url: "https://example.com",
        topics: [{ resourceType: "entry", event: ["published"] }],
        // @ts-expect-error — not a template key
        templates: { entyr: { id: "{/resource/sys/id}" } },
      }),
    ).toThrow(ContensisSubscriptionInvalidError);
  });
});
