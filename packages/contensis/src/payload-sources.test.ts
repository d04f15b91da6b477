import { describe, expect, it } from "vitest";
import { defineContensisSubscription } from "./define-subscription.js";
import { payloadSources } from "./subscription-payloads.js";

const subscription = defineContensisSubscription({
  name: "x",
  url: "https://example.com/hook",
  topics: [
    { resourceType: "entry", event: ["created"], contentTypeId: ["blog", "news"] },
    { resourceType: "entry", event: ["published"], contentTypeId: ["news"] },
    { resourceType: "entry", event: ["deleted"] },
    { resourceType: "asset", event: ["published"] },
  ],
  templates: { entry: { id: "{/resource/sys/id}" }, "entry.news": { id: "{/resource/sys/id}", headline: "{/resource/headline}" }, contentType: "{/resource/}" },
});

const keys = (resourceType: Parameters<typeof payloadSources>[2], event: string) =>
  payloadSources(subscription.templates, subscription.topics, resourceType, event).map((s) => (s === "default" ? s : s.key));

describe("payloadSources: which body an event can arrive with", () => {
  it("uses only the content types the topics name", () => {
    expect(keys("entry", "published")).toEqual(["entry.news"]);
    expect(keys("entry", "created")).toEqual(["entry", "entry.news"]);
  });

  it("uses every template of the resource type when any content type can send the event", () => {
    expect(keys("entry", "deleted")).toEqual(["entry.news", "entry"]);
    expect(keys("entry", "archived")).toEqual(["entry.news", "entry"]);
  });

  it("uses the resource type's template, or the default payload where there is none", () => {
    expect(keys("contentType", "created")).toEqual(["contentType"]);
    expect(keys("asset", "published")).toEqual(["default"]);
    expect(keys("user", "created")).toEqual(["default"]);
  });
});
