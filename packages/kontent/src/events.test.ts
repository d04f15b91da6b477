import { toHeaderReader, type UnifiedEventInit } from "@cmshooks/core";
import { describe, expect, it } from "vitest";
import { kontentEvents, kontentSamples, type KontentEventName, type KontentPayloads } from "./index.js";
import { kontentLegacyEvents } from "./legacy-events.js";
import { readKontentMeta } from "./meta.js";
import { routeKontentDelivery } from "./route.js";

const names = Object.keys(kontentEvents) as KontentEventName[];
const noHeaders = toHeaderReader({});
const routeContext = { headers: noHeaders, meta: readKontentMeta(noHeaders), warn: () => {} };

function parse<K extends KontentEventName>(name: K, payload: unknown = kontentSamples[name]): KontentPayloads[K] {
  return kontentEvents[name].schema.parse(payload) as KontentPayloads[K];
}

function unified(name: KontentEventName, payload: unknown = kontentSamples[name]): UnifiedEventInit[] {
  const definition = kontentEvents[name] as { unified?: (p: unknown, c: unknown) => UnifiedEventInit | readonly UnifiedEventInit[] | undefined };
  const result = definition.unified?.(parse(name, payload), { name, meta: routeContext.meta, index: 0 });
  return result === undefined ? [] : Array.isArray(result) ? [...result] : [result as UnifiedEventInit];
}

/** The README's event table, as data. */
const UNIFIED: Record<KontentEventName, string[]> = {
  "asset.upsert": ["content.update"],
  "content_item.upsert": ["content.update"],
  "content_item_variant.archive": ["content.delete"],
  "content_item_variant.create": ["content.create"],
  "content_item_variant.upsert": ["content.update"],
  "content_item_variant.change_workflow_step": ["workflow.change"],
  "content_item_variant.restore": ["content.restore"],
  "content_item_variant.publish": ["content.publish"],
  "content_item_variant.unpublish": ["content.unpublish"],
  "content_type.upsert": ["content.update"],
  "language_settings.upsert": ["content.update"],
  "project.archive": [],
  "project.restore": [],
  "project_settings.upsert": ["content.update"],
  "taxonomy.archive": ["taxonomy.change"],
  "taxonomy.restore": ["taxonomy.change"],
  "taxonomy.upsert": ["taxonomy.change"],
  "workflow.upsert": ["content.update"],
  "content_item.created": ["content.create"],
  "content_item.deleted": ["content.delete"],
  "content_item.changed": ["content.update"],
  "content_item.metadata_changed": ["content.update"],
  "content_item.workflow_step_changed": ["workflow.change"],
  "content_item.published": ["content.publish"],
  "content_item.unpublished": ["content.unpublish"],
  "asset.created": ["content.create"],
  "asset.changed": ["content.update"],
  "asset.deleted": ["content.delete"],
  "asset.metadata_changed": ["content.update"],
  "content_type.created": [],
  "content_type.deleted": [],
  "content_type.changed": [],
  "language.created": [],
  "language.deleted": [],
  "language.changed": [],
  "taxonomy.created": ["taxonomy.change"],
  "taxonomy.deleted": ["taxonomy.change"],
  "taxonomy.metadata_changed": ["taxonomy.change"],
  "taxonomy.term_created": ["taxonomy.change"],
  "taxonomy.term_changed": ["taxonomy.change"],
  "taxonomy.term_deleted": ["taxonomy.change"],
  "taxonomy.terms_moved": ["taxonomy.change"],
};

describe("kontentEvents", () => {
  it("lists the 18 legacy pairs (webhooks reference + management SDK triggers) and the 24 current object type/action pairs", () => {
    expect(Object.keys(kontentLegacyEvents)).toHaveLength(18);
    expect(names).toHaveLength(42);
    expect(Object.keys(UNIFIED).sort()).toEqual([...names].sort());
  });

  for (const name of names) {
    it(`${name}: its sample parses, routes back to ${name}, and maps to [${UNIFIED[name].join(", ")}]`, () => {
      const body = name in kontentLegacyEvents ? kontentSamples[name] : { notifications: [kontentSamples[name]] };
      expect(routeKontentDelivery(body, routeContext).map((r) => r.name)).toEqual([name]);
      expect(parse(name)).toEqual(kontentSamples[name]);
      expect(unified(name).map((u) => u.kind)).toEqual(UNIFIED[name]);
    });
  }

  it("rejects a sample under another event's schema (the literals discriminate)", () => {
    expect(kontentEvents["content_item_variant.unpublish"].schema.safeParse(kontentSamples["content_item_variant.publish"]).success).toBe(false);
    expect(kontentEvents["content_item.unpublished"].schema.safeParse(kontentSamples["content_item.published"]).success).toBe(false);
  });

  it("lets unknown fields through at every level", () => {
    const sample = kontentSamples["content_item.published"];
    const extended = { ...sample, extra: 1, data: { system: { ...sample.data.system, sitemap_locations: ["a"] } }, message: { ...sample.message, batch: 2 } };
    expect(parse("content_item.published", extended)).toEqual(extended);
  });

  it("requires a first item for publish / unpublish / archive / restore, and reads absent lists as [] elsewhere", () => {
    const publish = kontentSamples["content_item_variant.publish"];
    const issues = kontentEvents["content_item_variant.publish"].schema.safeParse({ ...publish, data: { items: [], taxonomies: [] } }).error?.issues;
    expect(issues?.map((i) => i.path)).toEqual([["data", "items", 0]]);
    const project = kontentSamples["project.archive"];
    expect(parse("project.archive", { ...project, data: {} }).data).toEqual({ items: [], taxonomies: [] });
  });

  it("requires the slot each content item action is delivered on", () => {
    const sample = kontentSamples["content_item.published"];
    expect(kontentEvents["content_item.published"].schema.safeParse({ ...sample, message: { ...sample.message, delivery_slot: "preview" } }).success).toBe(false);
  });
});

describe("unified mapping", () => {
  it("marks the first item of a legacy publish as the subject and the rest as affected, on the channel of its API", () => {
    const [event] = unified("content_item_variant.publish");
    expect(event).toMatchObject({ kind: "content.publish", channel: "published", occurredAt: kontentSamples["content_item_variant.publish"].message.created_timestamp });
    expect(event!.items.map((i) => [i.codename, i.role])).toEqual([
      ["published_article", "subject"],
      ["report_for_2020", "affected"],
    ]);
    const preview = kontentSamples["content_item_variant.publish"];
    expect(unified("content_item_variant.publish", { ...preview, message: { ...preview.message, api_name: "delivery_preview" } })[0]!.channel).toBe("preview");
    expect(unified("content_item_variant.archive")[0]!.channel).toBe("management");
  });

  it("maps a legacy workflow transition to from/to step ids, one event per transition", () => {
    const sample = kontentSamples["content_item_variant.change_workflow_step"];
    const two = { ...sample, data: { items: [sample.data.items[0]!, { ...sample.data.items[0]!, item: { id: "other" } }] } };
    const events = unified("content_item_variant.change_workflow_step", two);
    expect(events.map((e) => e.kind === "workflow.change" && [e.items[0]!.id, e.workflow.from?.id, e.workflow.to?.id])).toEqual([
      ["65f05e0f-40c3-436b-a641-e2d4cae16e46", "eee6db3b-545a-4785-8e86-e3772c8756f9", "03b6ebd3-2f49-4621-92fd-4977b33681d1"],
      ["other", "eee6db3b-545a-4785-8e86-e3772c8756f9", "03b6ebd3-2f49-4621-92fd-4977b33681d1"],
    ]);
  });

  it("maps a current-format workflow change to step codenames, on the preview channel", () => {
    const [event] = unified("content_item.workflow_step_changed");
    expect(event).toMatchObject({ kind: "workflow.change", channel: "preview", workflow: { from: { codename: "draft" }, to: { codename: "review" } } });
  });

  it("maps taxonomy changes with the group and the affected items", () => {
    const [legacy] = unified("taxonomy.archive");
    expect(legacy).toMatchObject({ kind: "taxonomy.change", taxonomy: { action: "delete", codename: "personas" }, items: [{ codename: "report_for_2020", role: "affected" }] });
    expect(unified("taxonomy.terms_moved")[0]).toMatchObject({ taxonomy: { action: "move", name: "Personas" }, channel: "published" });
    expect(unified("taxonomy.term_created")[0]).toMatchObject({ taxonomy: { action: "terms_change", id: "4794dde6-f700-4a5d-b0dc-9ae16dcfc73d" } });
  });

  it("sets channel from the delivery slot so a cache purge can skip preview traffic", () => {
    const sample = kontentSamples["content_item.metadata_changed"];
    expect(unified("content_item.metadata_changed")[0]!.channel).toBe("published");
    expect(unified("content_item.metadata_changed", { ...sample, message: { ...sample.message, delivery_slot: "preview" } })[0]!.channel).toBe("preview");
    expect(unified("content_item.created")[0]).toMatchObject({ kind: "content.create", channel: "preview", items: [{ title: "This changes everything!", role: "subject" }] });
  });

  it("raises no content.update for a legacy change that lists no item", () => {
    const sample = kontentSamples["asset.upsert"];
    expect(unified("asset.upsert", { ...sample, data: { items: [], taxonomies: [] } })).toEqual([]);
  });
});

describe("delivery ids", () => {
  it("uses message.id for legacy deliveries", () => {
    const definition = kontentEvents["taxonomy.upsert"];
    expect(definition.deliveryId?.(parse("taxonomy.upsert"), { name: "taxonomy.upsert", meta: routeContext.meta, index: 0 })).toBe(
      kontentSamples["taxonomy.upsert"].message.id,
    );
  });

  it("derives a stable key for current-format notifications that changes with any identifying field", () => {
    const key = (payload: unknown) =>
      kontentEvents["content_item.published"].deliveryId?.(parse("content_item.published", payload), { name: "content_item.published", meta: routeContext.meta, index: 0 });
    const sample = kontentSamples["content_item.published"];
    expect(key(sample)).toBe(
      "0f5b6cb2-ea82-014e-ac74-f71e7e8b6aee:content_item:aa7f127f-1920-4454-a89a-0609aba8ea6f:default:published:published:2026-03-25T07:55:57.0563735Z",
    );
    expect(key(structuredClone(sample))).toBe(key(sample));
    expect(key({ ...sample, data: { system: { ...sample.data.system, language: "de" } } })).not.toBe(key(sample));
    expect(key({ ...sample, data: { system: { ...sample.data.system, last_modified: "2026-03-25T07:55:58Z" } } })).not.toBe(key(sample));
  });
});
