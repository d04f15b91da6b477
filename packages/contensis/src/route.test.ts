import { toHeaderReader } from "@cmshooks/core";
import { describe, expect, it } from "vitest";
import { contensisMetaReader, type ContensisMeta } from "./meta.js";
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

  it("names an ambiguous or nameless delivery as an unknown event with a hint, instead of a 422 the sender would retry forever", () => {
    const routed = (body: unknown, m: ContensisMeta<string>) => routeContensisDelivery(body, m, topics);
    expect(routed(templated, meta({ event: "created" }))).toEqual([{ name: "created", payload: templated, hint: expect.stringMatching(/entry, contentType/) }]);
    expect(routed(templated, meta())).toEqual([{ name: "unroutable", payload: templated, hint: expect.stringMatching(/no event name/) }]);
    expect(routed(templated, meta({ event: "deleted" }))[0]!.hint).toMatch(/no topic/);
    const defaultWithoutType = { eventId: "e1", eventName: "published", resource: { id: "r1" } };
    expect(routeContensisDelivery(defaultWithoutType, meta(), [])).toEqual([
      { name: "published", payload: defaultWithoutType, hint: expect.stringMatching(/contensis\(\{ subscription \}\)/) },
    ]);
  });
});

describe("routing headers that arrive unrendered", () => {
  const readMeta = contensisMetaReader<string>(["department"]);

  it("count as absent, so the body names the event (not the unknown event \"{/event/resourceType}.{/event/name}\")", () => {
    const headers = toHeaderReader({
      "x-contensis-event": "{/event/name}",
      "x-contensis-resource-type": "{{event.resourceType}}",
      "x-contensis-event-id": "{{ event.id }}",
      department: "{/resource/department}",
    });
    const m = readMeta(headers);
    expect(m).toMatchObject({ event: undefined, resourceType: undefined, eventId: undefined, headers: { department: undefined } });
    expect(nameOf(defaultBody("published"), m)).toEqual(["entry.published"]);
  });

  it("still reads rendered headers", () => {
    const m = readMeta(toHeaderReader({ "x-contensis-event": "published", "x-contensis-resource-type": "asset", department: "Transport" }));
    expect(m).toMatchObject({ event: "published", resourceType: "asset", headers: { department: "Transport" } });
  });
});
