import { describe, expect, it } from "vitest";
import { testMeta } from "./meta.test-support.js";
import { CONTENSIS_EVENT_NAMES, splitContensisEventName } from "./resource-events.js";
import { contensisSamples } from "./samples.js";
import { contensisUnifiedKind, contensisUnifiedMapping } from "./unified.js";

const meta = testMeta;

const map = (name: string, payload: unknown, m = meta()) => {
  const { resourceType, event } = splitContensisEventName(name)!;
  return contensisUnifiedMapping(resourceType, event)?.(payload, { name, meta: m, index: 0 });
};

describe("Contensis → unified events", () => {
  it("maps the content events of entries, assets and forms", () => {
    const table = Object.fromEntries(
      ["created", "updated", "deleted", "published", "unpublished", "archived", "unarchived", "restored"].map((e) => [e, contensisUnifiedKind("entry", e)]),
    );
    expect(table).toEqual({
      created: "content.create",
      updated: "content.update",
      deleted: "content.delete",
      published: "content.publish",
      unpublished: "content.unpublish",
      archived: "content.delete",
      unarchived: "content.restore",
      restored: "content.restore",
    });
    expect(contensisUnifiedKind("asset", "published")).toBe("content.publish");
    expect(contensisUnifiedKind("form", "archived")).toBe("content.delete");
  });

  it("maps workflow events, users and nodes, and leaves schema, project, group and comment events unmapped", () => {
    expect(contensisUnifiedKind("entry", "workflowEventRaised")).toBe("workflow.change");
    expect(contensisUnifiedKind("form", "workflowStateChanged")).toBe("workflow.change");
    expect(contensisUnifiedKind("user", "deleted")).toBe("user.change");
    expect(contensisUnifiedKind("node", "updated")).toBe("content.update");
    for (const [r, e] of [["contentType", "created"], ["component", "updated"], ["project", "updated"], ["group", "userAdded"], ["comment.entry", "replied"]] as const) {
      expect(contensisUnifiedKind(r, e)).toBeUndefined();
    }
  });

  it("builds the item from the default payload", () => {
    const sample = contensisSamples["entry.published"];
    expect(map("entry.published", sample)).toEqual({
      kind: "content.publish",
      channel: "published",
      occurredAt: sample.datetime,
      items: [{ id: sample.resource.id, type: "news", language: "en-GB", title: sample.resource.title, url: sample.resource.url, role: "subject" }],
    });
  });

  it("builds the item of a templated body from the routing headers", () => {
    expect(map("entry.updated", { headline: "x" }, meta({ resourceId: "r9", contentTypeId: "news" }))).toMatchObject({
      kind: "content.update",
      items: [{ id: "r9", type: "news", role: "subject" }],
    });
  });

  it("falls back to a whole resource's sys.id, and gives no unified event without any id", () => {
    expect(map("entry.deleted", { sys: { id: "s1", contentTypeId: "blog" }, entryTitle: "T" })).toMatchObject({ items: [{ id: "s1", type: "blog", title: "T" }] });
    expect(map("entry.deleted", { headline: "no id here" })).toBeUndefined();
  });

  it("carries the workflow event and state in the documented spelling, whatever case arrived", () => {
    const event = map(
      "entry.workflowEventRaised",
      {},
      meta({ resourceId: "r1", workflowEvent: "contensisentryapproval.awaitingApproval.approve", workflowState: "CONTENSISENTRYAPPROVAL.SCHEDULED" }),
    );
    expect(event).toMatchObject({
      kind: "workflow.change",
      workflow: { event: "contensisEntryApproval.awaitingApproval.approve", to: { codename: "contensisEntryApproval.scheduled" } },
    });
    expect(map("entry.workflowStateChanged", { sys: { id: "r2", workflow: { state: "contensisEntryApproval.declined" } } })).toMatchObject({
      workflow: { to: { codename: "contensisEntryApproval.declined" }, event: undefined },
    });
  });

  it("maps user events to user.change with the action", () => {
    expect(map("user.updated", { id: "u1", firstName: "Marla", lastName: "Singer", email: "marla@example.com" })).toMatchObject({
      kind: "user.change",
      user: { action: "update", id: "u1", name: "Marla Singer", email: "marla@example.com" },
    });
  });

  it("maps every default-payload sample that has a unified kind", () => {
    for (const name of CONTENSIS_EVENT_NAMES) {
      const { resourceType, event } = splitContensisEventName(name)!;
      const unified = map(name, contensisSamples[name]);
      expect(unified?.kind).toBe(contensisUnifiedKind(resourceType, event));
    }
  });
});
