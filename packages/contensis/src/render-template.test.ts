import { describe, expect, it } from "vitest";
import { renderContensisString, renderContensisTemplate, normalizeContensisTemplate, type ContensisJson } from "./render-template.js";
import { contensisSampleContext } from "./samples.js";
import { DOCS_SUBSCRIPTION_RESOURCE, SEED_CREATE_REQUEST, parseDocsJson } from "./seed-examples.fixture.js";

const seed = parseDocsJson<{ url: string; headers: Record<string, { value?: string }>; templates: Record<string, ContensisJson> }>(SEED_CREATE_REQUEST);
const docs = parseDocsJson<{ templates: Record<string, ContensisJson> }>(DOCS_SUBSCRIPTION_RESOURCE);

const news = contensisSampleContext("entry.published", { contentTypeId: "news", resourceId: "8f2c0d1e-0000-4000-8000-000000000001", department: "Transport" });
const contentType = contensisSampleContext("contentType.created", { contentTypeId: "blog" });

describe("renderContensisTemplate on the seed's templates", () => {
  it("renders the entry template: whole-value placeholders and an interpolated user name", () => {
    expect(renderContensisTemplate(seed.templates.entry!, news)).toEqual({
      event: "published",
      user: "Tyler Durden", // the seed writes /user/firstname in lower case
      id: "8f2c0d1e-0000-4000-8000-000000000001",
      title: "City council approves new transit plan",
      description: "City council approves new transit plan: what changes for residents",
      department: "Transport",
    });
  });

  it("renders the entry.news template", () => {
    expect(renderContensisTemplate(seed.templates["entry.news"]!, news)).toEqual({
      event: "published",
      id: "8f2c0d1e-0000-4000-8000-000000000001",
      title: "City council approves new transit plan",
      headline: "City council approves new transit plan",
    });
  });

  it("renders {/resource/} as the whole content type resource", () => {
    expect(renderContensisTemplate(seed.templates.contentType!, contentType)).toEqual(contentType.resource);
  });

  it("renders the docs' JSON-string templates exactly like the seed's JSON objects", () => {
    for (const key of ["entry", "entry.news", "contentType"]) {
      expect(renderContensisTemplate(docs.templates[key]!, news)).toEqual(renderContensisTemplate(seed.templates[key]!, news));
    }
  });

  it("renders the templated URL ({/resource/sys.id}) and the templated department header", () => {
    expect(renderContensisString(seed.url, news)).toBe("https://external.mywebsite.com/handlewebhooks/8f2c0d1e-0000-4000-8000-000000000001");
    expect(renderContensisString(seed.headers.department!.value!, news)).toBe("Transport");
    expect(renderContensisString(seed.headers.department!.value!, contentType)).toBe("");
  });
});

describe("renderContensisTemplate semantics", () => {
  const context = { resource: { n: 3, ok: true, tags: ["a", "b"], obj: { x: 1 }, nil: null }, event: { id: "e1", name: "updated" } };

  it("keeps the JSON type of a whole-value placeholder", () => {
    expect(renderContensisTemplate({ n: "{/resource/n}", ok: "{/resource/ok}", tags: "{/resource/tags}", obj: "{/resource/obj}", nil: "{/resource/nil}" }, context)).toEqual({
      n: 3,
      ok: true,
      tags: ["a", "b"],
      obj: { x: 1 },
      nil: null,
    });
  });

  it("interpolates placeholders inside text as text", () => {
    expect(renderContensisTemplate("n={/resource/n} ok={/resource/ok} obj={/resource/obj} gone={/resource/gone}.", context)).toBe('n=3 ok=true obj={"x":1} gone=.');
  });

  it("gives null for a whole-value placeholder that leads nowhere", () => {
    expect(renderContensisTemplate({ gone: "{/resource/gone}" }, context)).toEqual({ gone: null });
  });

  it("renders arrays and nested objects member by member, and leaves constants alone", () => {
    expect(renderContensisTemplate({ list: ["{/event/id}", 1, null, { deep: "{/event/name}" }], kind: "webhook" }, context)).toEqual({
      list: ["e1", 1, null, { deep: "updated" }],
      kind: "webhook",
    });
  });

  it("leaves text with braces that are not placeholders as it is", () => {
    expect(renderContensisTemplate("{not a pointer} {/event/id}", context)).toBe("{not a pointer} e1");
    expect(normalizeContensisTemplate("{/resource/}")).toBe("{/resource/}");
    expect(normalizeContensisTemplate("{broken json")).toBe("{broken json");
  });
});

describe("Scriban placeholders ({{event.id}}), as Contensis' own client test and default payload template write them", () => {
  // contensis/contensis-management-api src/events/event-operations.spec.ts: a template sent as JSON text.
  const vendorTemplate = '{"title": "{{resource.entryTitle}}", "id": "{{resource.sys.id}}", "alias": "{{event.alias}}"}';

  it("renders the vendor's own template: dotted paths, printed as text", () => {
    const context = { ...news, event: { ...news.event, alias: "news-hub" } };
    expect(renderContensisTemplate(vendorTemplate, context)).toEqual({
      title: "City council approves new transit plan",
      id: "8f2c0d1e-0000-4000-8000-000000000001",
      alias: "news-hub",
    });
  });

  it("renders both syntaxes in one string, with spaces and a filter inside the braces", () => {
    expect(renderContensisString("{{ user.firstName }} {/user/lastName} at {{event.dateTime | date.to_string '%Y-%m-%dT%H:%M:%S.%LZ'}}", news)).toBe(
      `Tyler Durden at ${news.event.dateTime}`,
    );
  });

  it("treats a whole {{…}} string as text, never as a JSON value", () => {
    expect(renderContensisTemplate({ resource: "{{resource.sys}}" }, news)).toEqual({ resource: JSON.stringify((news.resource as { sys: unknown }).sys) });
  });
});
