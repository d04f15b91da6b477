import { describe, expect, it } from "vitest";
import { DOCS_SUBSCRIPTION_RESOURCE, SEED_CREATE_REQUEST, SEED_CREATE_RESPONSE, parseDocsJson } from "./seed-examples.fixture.js";
import {
  contensisErrorSchema,
  contensisSubscriptionRequestSchema,
  contensisSubscriptionSchema,
  isContensisTemplateKey,
  parseContensisTemplateKey,
} from "./subscription-schemas.js";


const request = parseDocsJson(SEED_CREATE_REQUEST);
const created = parseDocsJson(SEED_CREATE_RESPONSE);
const docsResource = parseDocsJson(DOCS_SUBSCRIPTION_RESOURCE);

const issuesOf = (body: unknown) => {
  const result = contensisSubscriptionRequestSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe("subscription schemas on the docs' examples", () => {
  it("parses the seed's create request as a request", () => {
    const parsed = contensisSubscriptionRequestSchema.parse(request);
    expect(parsed.topics).toHaveLength(6);
    expect(parsed.templates?.["entry.news"]).toEqual({
      event: "{/event/name}",
      id: "{/resource/sys/id}",
      title: "{/resource/entryTitle}",
      headline: "{/resource/headline}",
    });
    expect(parsed.headers?.secretHeaderGet).toEqual({ secret: true });
  });

  it("parses the seed's 201 response as a subscription resource", () => {
    const parsed = contensisSubscriptionSchema.parse(created);
    expect(parsed.id).toBe("3a7ce8e3-9c9f-4242-be20-35edb29c4a07");
    expect(parsed.version?.versionNo).toBe("1.0");
    expect(parsed.templates?.contentType).toBe("{/resource/}");
  });

  it("parses the docs repository's resource, with a plain-string name and templates as JSON strings", () => {
    const asResource = contensisSubscriptionSchema.parse(docsResource);
    expect(asResource.name).toBe("name");
    expect(asResource.method).toBe("POST");
    expect(typeof asResource.templates?.entry).toBe("string");
    expect(contensisSubscriptionRequestSchema.safeParse(docsResource).success).toBe(true);
  });

  it("keeps fields it does not know (loose objects)", () => {
    const parsed = contensisSubscriptionSchema.parse({ ...created, retryPolicy: { attempts: 10 } });
    expect((parsed as Record<string, unknown>).retryPolicy).toEqual({ attempts: 10 });
  });

  it("accepts invokeUrl in place of url in a returned resource, and neither is an error", () => {
    const { url: _url, ...withoutUrl } = created;
    expect(contensisSubscriptionSchema.safeParse({ ...withoutUrl, invokeUrl: "https://example.com/hook" }).success).toBe(true);
    expect(contensisSubscriptionSchema.safeParse(withoutUrl).error?.issues[0]?.path).toEqual(["url"]);
  });
});

describe("subscription request schema rejects what Contensis would", () => {
  const topics = request.topics as Record<string, unknown>[];

  it("rejects an unknown resource type at its path", () => {
    const body = { ...request, topics: [topics[0], topics[1], { resourceType: "page", event: ["created"] }] };
    expect(issuesOf(body)).toEqual([expect.objectContaining({ path: ["topics", 2, "resourceType"] })]);
  });

  it("rejects a misspelt event at its path", () => {
    const body = { ...request, topics: [{ resourceType: "entry", event: ["updated", "publishd"] }] };
    expect(issuesOf(body)).toEqual([expect.objectContaining({ path: ["topics", 0, "event", 1] })]);
  });

  it("rejects an event the resource type does not raise", () => {
    const body = { ...request, topics: [{ resourceType: "contentType", event: ["unpublished"] }] };
    expect(issuesOf(body)).toEqual([expect.objectContaining({ path: ["topics", 0, "event", 0] })]);
  });

  it("accepts the events the docs list beyond topics-and-events.md: contentType/component published, node moved and childOrderChanged", () => {
    const body = {
      ...request,
      topics: [
        { resourceType: "contentType", event: ["created", "updated", "deleted", "published"] },
        { resourceType: "component", event: ["published"] },
        { resourceType: "node", event: ["created", "updated", "deleted", "moved", "childOrderChanged"] },
      ],
    };
    expect(issuesOf(body)).toEqual([]);
  });

  it("rejects a topic without events, and a subscription without topics", () => {
    expect(issuesOf({ ...request, topics: [{ resourceType: "entry", event: [] }] })[0]?.path).toEqual(["topics", 0, "event"]);
    expect(issuesOf({ ...request, topics: [] })[0]?.path).toEqual(["topics"]);
  });

  it("rejects a template key that is not a resource type", () => {
    const body = { ...request, templates: { entyr: { id: "{/resource/sys/id}" } } };
    expect(issuesOf(body)).toEqual([expect.objectContaining({ path: ["templates", "entyr"] })]);
  });

  it("rejects a header name HTTP does not allow, and a URL that is not http(s)", () => {
    expect(issuesOf({ ...request, headers: { "bad header": { value: "x" } } })[0]?.path).toEqual(["headers", "bad header"]);
    expect(issuesOf({ ...request, url: "ftp://example.com" })[0]?.path).toEqual(["url"]);
  });
});

describe("template keys", () => {
  it("reads resource types, content-typed keys and the dotted comment.entry type", () => {
    expect(parseContensisTemplateKey("entry.news")).toEqual({ resourceType: "entry", contentTypeId: "news" });
    expect(parseContensisTemplateKey("comment.entry")).toEqual({ resourceType: "comment.entry" });
    expect(parseContensisTemplateKey("contentType")).toEqual({ resourceType: "contentType" });
    expect(isContensisTemplateKey("contentType.blog")).toBe(false);
    expect(isContensisTemplateKey("entry.")).toBe(false);
  });
});

describe("error schema", () => {
  it("parses an error body and keeps its unknown fields", () => {
    const parsed = contensisErrorSchema.parse({ message: "Invalid topic", logId: "0f0e", data: [{ field: "topics" }], extra: true });
    expect(parsed).toMatchObject({ message: "Invalid topic", extra: true });
  });
});
