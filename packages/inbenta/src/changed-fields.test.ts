import { describe, expect, it } from "vitest";
import { changedFields } from "./changed-fields.js";

describe("changedFields", () => {
  it("lists the fields whose value differs from the previous data, in the data's order", () => {
    expect(changedFields({ title: "New", isActive: true, categories: [1, 2] }, { title: "Old", isActive: true, categories: [1, 2] })).toEqual([
      "title",
    ]);
  });

  it("counts a field sent without a previous value as changed", () => {
    expect(changedFields({ title: "T", expirationDate: "2027-01-01T00:00:00+00:00" }, { title: "T" })).toEqual(["expirationDate"]);
  });

  it("counts a field set to null (deleted) as changed", () => {
    expect(changedFields({ decisionTree: null }, { decisionTree: { text: "Q", children: [] } })).toEqual(["decisionTree"]);
  });

  it("ignores fields only the previous data has: an edit sends only what changed", () => {
    expect(changedFields({ title: "New" }, { title: "Old", isActive: true })).toEqual(["title"]);
  });

  it("treats every field sent as changed when there is no previous data", () => {
    expect(changedFields({ title: "New", isActive: false }, undefined)).toEqual(["title", "isActive"]);
  });

  it("compares nested values structurally: object key order does not matter, array order does", () => {
    const tree = { text: "Q", children: [{ contentId: 1, text: "A" }] };
    expect(changedFields({ decisionTree: tree }, { decisionTree: { children: [{ text: "A", contentId: 1 }], text: "Q" } })).toEqual([]);
    expect(changedFields({ relatedContents: [2, 1] }, { relatedContents: [1, 2] })).toEqual(["relatedContents"]);
    expect(changedFields({ relatedContents: [1, 2, 3] }, { relatedContents: [1, 2] })).toEqual(["relatedContents"]);
    expect(changedFields({ attributes: { id: 1, name: "A" } }, { attributes: { id: 1, name: "A", objects: [] } })).toEqual(["attributes"]);
    expect(changedFields({ attributes: [] }, { attributes: {} })).toEqual(["attributes"]);
  });

  it("leaves out the fields it is told to ignore", () => {
    expect(changedFields({ title: "New", modifiedBy: "Ana" }, { title: "Old", modifiedBy: "Ben" }, new Set(["modifiedBy"]))).toEqual(["title"]);
  });
});
