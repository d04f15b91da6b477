import { ValidationError } from "@cmshooks/core";
import { describe, expect, it } from "vitest";
import type { ContensisMeta } from "./meta.js";
import { testMeta } from "./meta.test-support.js";
import { defineContensisSubscription } from "./define-subscription.js";
import { routeContensisDelivery } from "./route.js";

const { topics } = defineContensisSubscription({
  name: "x",
  url: "https://example.com/hook",
  topics: [
    { resourceType: "entry", event: ["created", "workflowEventRaised"] },
    { resourceType: "contentType", event: ["created"] },
  ],
});

const meta = testMeta;

const templated = { id: "1", title: "Hello" };
const defaultBody = (eventName: string, type = "entry") => ({ eventId: "e1", eventName, resource: { id: "r1", type } });
const nameOf = (body: unknown, m: ContensisMeta<string>) => routeContensisDelivery(body, m, topics).map((r) => r.name);

describe("routeContensisDelivery", () => {
  it("reads a dotted x-contensis-event header, any case", () => {
    expect(nameOf(templated, meta({ event: "entry.published" }))).toEqual(["entry.published"]);
    expect(nameOf(templated, meta({ event: "Comment.Entry.Replied" }))).toEqual(["comment.entry.replied"]);
  });

  it("joins a bare event with the x-contensis-resource-type header", () => {
    expect(nameOf(templated, meta({ event: "created", resourceType: "contentType" }))).toEqual(["contentType.created"]);
    expect(nameOf(templated, meta({ event: "workflowStateChange", resourceType: "entry" }))).toEqual(["entry.workflowStateChanged"]);
  });

  it("routes the default payload by its eventName and resource.type", () => {
    expect(nameOf(defaultBody("published", "asset"), meta())).toEqual(["asset.published"]);
    expect(nameOf(defaultBody("entry.unpublished"), meta())).toEqual(["entry.unpublished"]);
  });

  it("prefers the headers to the body", () => {
    expect(nameOf(defaultBody("published", "asset"), meta({ event: "updated", resourceType: "entry" }))).toEqual(["entry.updated"]);
  });

  it("uses the only resource type whose topics send the event when nothing names it", () => {
    expect(nameOf(templated, meta({ event: "workflowEventRaised" }))).toEqual(["entry.workflowEventRaised"]);
  });

  it("keeps an event it does not know under its own name (acknowledged as unknown)", () => {
    expect(nameOf(templated, meta({ event: "entry.translated" }))).toEqual(["entry.translated"]);
    expect(nameOf(templated, meta({ event: "created", resourceType: "page" }))).toEqual(["page.created"]);
  });

  it("answers 422 when the event is ambiguous or missing", () => {
    expect(() => nameOf(templated, meta({ event: "created" }))).toThrow(ValidationError);
    expect(() => nameOf(templated, meta({ event: "created" }))).toThrow(/entry, contentType/);
    expect(() => nameOf(templated, meta())).toThrow(/no event name/);
    expect(() => nameOf(templated, meta({ event: "deleted" }))).toThrow(/no topic/);
  });
});
