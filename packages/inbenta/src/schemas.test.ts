import { describe, expect, it } from "vitest";
import { inbentaEvents, inbentaSamples, inbentaSchemas, type InbentaEventName } from "./index.js";

const names = Object.keys(inbentaEvents) as InbentaEventName[];
const parse = (name: InbentaEventName, body: unknown) => inbentaEvents[name].schema.safeParse(body);

describe("Inbenta schemas", () => {
  it("parse every sample with its own event's schema", () => {
    for (const name of names) expect(parse(name, inbentaSamples[name]).success, name).toBe(true);
  });

  it("accept an edit that sends a single changed field, with or without previous data", () => {
    const edit = { trigger: "edit_content", date: "2026-03-12T09:41:27+00:00", contentId: 7, contentData: { isPushContent: true } };
    expect(parse("edit_content", edit).success).toBe(true);
    expect(parse("edit_content", { ...edit, contentPreviousData: { isPushContent: false } }).success).toBe(true);
  });

  it("accept attributes as one attribute object (as the webhook page shows) or as a list", () => {
    const attribute = { id: 2, name: "ANSWER_TEXT", objects: [{ id: 9, value: "<p>Yes.</p>" }] };
    expect(inbentaSchemas.contentData.safeParse({ attributes: attribute }).success).toBe(true);
    expect(inbentaSchemas.contentData.safeParse({ attributes: [attribute] }).success).toBe(true);
  });

  it("accept the move under the trigger name of Inbenta's settings, and a root parent as null", () => {
    const move = { ...inbentaSamples.moving_category_tree, trigger: "moving_category_tree_item", categoryParentFrom: null };
    expect(parse("moving_category_tree", move).success).toBe(true);
  });

  it("require a content id, as an integer", () => {
    const { contentId: _id, ...noId } = inbentaSamples.delete_content;
    expect(parse("delete_content", noId).error?.issues.map((i) => i.path)).toEqual([["contentId"]]);
    expect(parse("delete_content", { ...noId, contentId: "1287" }).error?.issues.map((i) => i.path)).toEqual([["contentId"]]);
  });

  it("require isActive in a status change", () => {
    const result = parse("change_content_status", { ...inbentaSamples.change_content_status, contentData: {} });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["contentData", "isActive"]]);
  });

  it("require a title when a content is created", () => {
    const { title: _t, ...untitled } = inbentaSamples.create_content.contentData;
    const result = parse("create_content", { ...inbentaSamples.create_content, contentData: untitled });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["contentData", "title"]]);
  });

  it("keep fields Inbenta adds later (open objects: kept at run time, not typed)", () => {
    const parsed = inbentaSchemas.editCategory.parse({ ...inbentaSamples.edit_category, source: "editor-api" });
    // @ts-expect-error an undocumented field is not in the type: a typo does not compile
    void parsed.source;
    expect((parsed as unknown as { source: unknown }).source).toBe("editor-api");
  });
});
