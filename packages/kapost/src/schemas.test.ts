import { describe, expect, it } from "vitest";
import { kapostEvents, kapostSamples, kapostSchemas } from "./index.js";

describe("Kapost schemas", () => {
  it("parse every sample with its own event's schema", () => {
    for (const [name, sample] of Object.entries(kapostSamples)) {
      expect(kapostEvents[name as keyof typeof kapostEvents].schema.safeParse(sample).success, name).toBe(true);
    }
  });

  it("keep fields Kapost adds later (open objects: kept at run time, not typed)", () => {
    const sample = kapostSamples["content.update"];
    const body = { ...sample, trace: "x", payload: { full_post: { ...sample.payload.full_post, slug: "one-calendar" } } };
    const parsed = kapostSchemas.contentDelivery.parse(body);
    // @ts-expect-error an undocumented field is not in the type: a typo does not compile
    void parsed.payload.full_post.slug;
    const open = parsed as unknown as { trace: unknown; payload: { full_post: { slug: unknown } } };
    expect([open.trace, open.payload.full_post.slug]).toEqual(["x", "one-calendar"]);
  });

  it("accept a sparse post with only id and updated_at", () => {
    const sparse = { ...kapostSamples["content.delete"], payload: { full_post: { id: "5233", updated_at: "2013-10-02T08:45:40Z" } } };
    expect(kapostEvents["content.delete"].schema.safeParse(sparse).success).toBe(true);
  });

  it("reject an event whose operation does not match its name", () => {
    expect(kapostEvents["content.publish"].schema.safeParse(kapostSamples["content.update"]).success).toBe(false);
  });

  it("reject null where the documented example shows a list", () => {
    const body = { ...kapostSamples["content.update"], payload: { full_post: { ...kapostSamples["content.update"].payload.full_post, tags: null } } };
    const result = kapostSchemas.contentDelivery.safeParse(body);
    expect(result.error?.issues.map((i) => i.path)).toEqual([["payload", "full_post", "tags"]]);
  });
});
