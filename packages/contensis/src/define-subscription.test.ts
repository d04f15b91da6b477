import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ContensisSubscriptionInvalidError, defineContensisSubscription, parseContensisSubscription } from "./define-subscription.js";
import { CONTENSIS_ROUTING_HEADERS } from "./routing-headers.js";
import { DOCS_SUBSCRIPTION_RESOURCE, DOCS_TOPICS_EXAMPLE, SEED_CREATE_REQUEST, parseDocsJson } from "./seed-examples.fixture.js";
import { pointer } from "./template-pointer.js";


const base = {
  name: { "en-GB": "News" },
  url: "https://hooks.example.com/contensis/{/resource/sys/id}",
  topics: [{ resourceType: "entry", event: ["published"], contentTypeId: ["news"] }],
} as const;

function invalid(run: () => unknown): ContensisSubscriptionInvalidError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContensisSubscriptionInvalidError) return error;
    throw error;
  }
  throw new Error("expected ContensisSubscriptionInvalidError");
}

describe("defineContensisSubscription", () => {
  it("writes one template once: the Management API JSON has the placeholders, pointer() included", () => {
    const subscription = defineContensisSubscription({
      ...base,
      templates: { "entry.news": { id: "{/resource/sys/id}", headline: pointer("/resource/headline", z.string()), tags: ["{/resource/tags}"] } },
    });
    expect(subscription.request.templates).toEqual({ "entry.news": { id: "{/resource/sys/id}", headline: "{/resource/headline}", tags: ["{/resource/tags}"] } });
    expect(JSON.parse(JSON.stringify(subscription.definition.templates))).toEqual(subscription.request.templates);
    const [template] = subscription.templates;
    expect(template?.schema.safeParse({ id: "1", headline: "Budget", tags: [["a"]] }).success).toBe(true);
    expect(template?.schema.safeParse({ id: "1", headline: 7, tags: [[]] }).error?.issues[0]?.path).toEqual(["headline"]);
  });

  it("adds the routing headers, enabled: true, and keeps the user's own header of the same name", () => {
    const subscription = defineContensisSubscription({ ...base, headers: { "X-Contensis-Resource-Type": { value: "{/event/type}" } } });
    const headers = subscription.request.headers!;
    expect(headers["x-contensis-event"]).toEqual({ value: "{{event.name}}" });
    expect(headers["X-Contensis-Resource-Type"]).toEqual({ value: "{/event/type}" });
    expect(headers["x-contensis-resource-type"]).toBeUndefined();
    expect(Object.keys(headers)).toHaveLength(Object.keys(CONTENSIS_ROUTING_HEADERS).length);
    expect(subscription.request.enabled).toBe(true);
  });

  it("adds no routing headers when told not to", () => {
    expect(defineContensisSubscription({ ...base, routingHeaders: false }).request.headers).toEqual({});
    expect("routingHeaders" in defineContensisSubscription({ ...base, routingHeaders: false }).request).toBe(false);
  });

  it("collects secret headers for auth and the other custom headers for meta", () => {
    const subscription = defineContensisSubscription({
      ...base,
      headers: { "x-webhook-secret": { value: "s3cret", secret: true }, department: { value: "{/resource/department}" } },
    });
    expect(subscription.secretHeaders).toEqual([{ name: "x-webhook-secret", value: "s3cret" }]);
    expect(subscription.metaHeaders).toEqual(["department"]);
  });

  it("refuses a secret header whose value is a placeholder (either syntax) or the API's mask: it would become the expected secret", () => {
    for (const value of ["{/event/subscriptionId}", "{{event.subscriptionId}}", "************"]) {
      const error = invalid(() => defineContensisSubscription({ ...base, headers: { "x-webhook-secret": { value, secret: true } } }));
      expect(error.issues[0]?.path).toEqual(["headers", "x-webhook-secret", "value"]);
    }
  });

  it("never takes a read-back secret header's mask or placeholder as the expected secret", () => {
    const parsed = parseContensisSubscription({
      ...base,
      headers: { masked: { value: "************", secret: true }, templated: { value: "{/event/subscriptionId}", secret: true }, real: { value: "s3cret", secret: true } },
    });
    expect(parsed.secretHeaders).toEqual([{ name: "real", value: "s3cret" }]);
  });

  it("reads back topics whose event and filters are plain strings, and invokeUrl (topics-and-events.md)", () => {
    const parsed = parseContensisSubscription(DOCS_TOPICS_EXAMPLE);
    expect(parsed.topics).toEqual([
      { resourceType: "entry", event: ["updated"], language: ["fr-fr"], contentTypeId: ["blog"], owner: "t.durden" },
      { resourceType: "entry", event: ["published"], contentTypeId: ["news"], owner: "t.durden" },
      { resourceType: "contentType", event: ["created"] },
    ]);
    expect(parsed.request.url).toBe("https://external.mywebsite.com/handlewebhooks");
  });

  it("rejects a wrong topic with the path of the failing element, before anything is sent", () => {
    const error = invalid(() =>
      defineContensisSubscription({
        ...base,
        // @ts-expect-error — a misspelt event does not compile either
        topics: [{ resourceType: "entry", event: ["published", "unpublishd"] }],
      }),
    );
    expect(error.issues[0]?.path).toEqual(["topics", 0, "event", 1]);
    expect(error.message).toMatch(/topics\.0\.event\.1/);
  });

  it("rejects an unknown resource type and a wrong template key", () => {
    // @ts-expect-error — not a resource type
    expect(invalid(() => defineContensisSubscription({ ...base, topics: [{ resourceType: "page", event: ["created"] }] })).issues[0]?.path).toEqual([
      "topics",
      0,
      "resourceType",
    ]);
    // @ts-expect-error — not a template key
    expect(invalid(() => defineContensisSubscription({ ...base, templates: { entyr: { id: "{/resource/sys/id}" } } })).issues[0]?.path).toEqual([
      "templates",
      "entyr",
    ]);
  });

  it("asks for templates as JSON values rather than JSON strings", () => {
    const error = invalid(() => defineContensisSubscription({ ...base, templates: { entry: '{"id": "{/resource/sys/id}"}' } }));
    expect(error.issues[0]).toMatchObject({ path: ["templates", "entry"], message: expect.stringMatching(/JSON value/) });
  });

  it("accepts the seed's request as a definition", () => {
    const seed = parseDocsJson(SEED_CREATE_REQUEST) as unknown as Parameters<typeof defineContensisSubscription>[0];
    const subscription = defineContensisSubscription(seed);
    expect(subscription.templates.map((t) => t.key)).toEqual(["entry", "entry.news", "contentType"]);
    expect(subscription.secretHeaders).toEqual([{ name: "secretHeaderSet", value: "cs7vdsdvj~8" }]);
  });
});

describe("parseContensisSubscription", () => {
  it("reads the docs' resource (templates as JSON strings) into the same templates as the seed's objects", () => {
    const stored = parseContensisSubscription(parseDocsJson(DOCS_SUBSCRIPTION_RESOURCE));
    const seed = parseContensisSubscription(parseDocsJson(SEED_CREATE_REQUEST));
    const byKey = (s: typeof stored) => Object.fromEntries(s.templates.map((t) => [t.key, t.body]));
    expect(byKey(stored)["entry.news"]).toEqual(byKey(seed)["entry.news"]);
    expect(byKey(stored).contentType).toBe("{/resource/}");
    // the masked secret is never taken as the expected value
    expect(stored.secretHeaders).toEqual([{ name: "secretHeaderSet", value: "cs7vdsdvj~8" }]);
    expect(stored.request).not.toHaveProperty("id");
  });
});
