import { describe, expect, it } from "vitest";
import { strapi4Samples, strapiDocumentId, strapiEvents, strapiSamples, strapiSchemas, type StrapiEventName } from "./index.js";

const names = Object.keys(strapiEvents) as StrapiEventName[];

describe("Strapi schemas", () => {
  it("parse every Strapi 5 sample with its own event's schema", () => {
    for (const name of names) expect(strapiEvents[name].schema.safeParse(strapiSamples[name]).success, name).toBe(true);
  });

  it("parse every Strapi 4 sample (no documentId, no uid) with its own event's schema", () => {
    for (const [name, sample] of Object.entries(strapi4Samples)) {
      expect(strapiEvents[name as StrapiEventName].schema.safeParse(sample).success, name).toBe(true);
    }
  });

  it("keep the content type's own fields of an entry", () => {
    const parsed = strapiSchemas.entryDelivery("entry.create").parse(strapi4Samples["entry.create"]);
    expect([parsed.entry.city, parsed.entry.full_name]).toEqual(["Paris", "Paris"]);
  });

  it("reject an entry event without model or entry id, with the paths", () => {
    const { model: _model, ...body } = strapiSamples["entry.update"];
    const result = strapiEvents["entry.update"].schema.safeParse({ ...body, entry: { ...body.entry, id: null } });
    expect(result.error?.issues.map((i) => i.path)).toEqual(expect.arrayContaining([["model"], ["entry", "id"]]));
  });

  it("reject an event whose name does not match its schema", () => {
    expect(strapiEvents["entry.publish"].schema.safeParse(strapiSamples["entry.update"]).success).toBe(false);
  });

  it("accept a failed release publication, which carries an error instead of the release", () => {
    const failed = { event: "releases.publish", createdAt: "2026-04-01T06:00:00.150Z", isPublished: false, error: {} };
    expect(strapiEvents["releases.publish"].schema.safeParse(failed).success).toBe(true);
  });
});

describe("strapiDocumentId", () => {
  it("is the documentId in Strapi 5 and the row id in Strapi 4", () => {
    expect(strapiDocumentId(strapiSamples["entry.publish"].entry)).toBe("k2m7q4dx8n5t1v3b9c0e6a2w");
    expect(strapiDocumentId(strapi4Samples["entry.publish"].entry)).toBe("1");
  });
});
