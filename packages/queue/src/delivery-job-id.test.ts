import { describe, expect, it } from "vitest";
import { deliveryJobId } from "./delivery-job-id.js";

describe("deliveryJobId", () => {
  it("keeps a vendor id that BullMQ accepts as it is", () => {
    expect(deliveryJobId("8a4e3f1c-2b7d-4e9a-9c1f-5d6e7f8a9b0c")).toBe("8a4e3f1c-2b7d-4e9a-9c1f-5d6e7f8a9b0c");
  });

  it("escapes the colons of a body-hash id, which BullMQ refuses in custom ids", () => {
    expect(deliveryJobId("ab12:editorial.update_asset:1")).toBe("ab12%3Aeditorial.update_asset%3A1");
  });

  it("marks an id that is a bare integer, which BullMQ refuses as a custom id", () => {
    expect(deliveryJobId("12345")).toBe("%i12345");
    expect(deliveryJobId("012345")).toBe("012345");
  });

  it("gives distinct ids distinct job ids, even ids that look like escapes", () => {
    const ids = ["a:b", "a%3Ab", "a%253Ab", "1", "%i1", "%1", "a%b", "a%25b", ":", "%3A"];
    const jobIds = ids.map(deliveryJobId);
    expect(new Set(jobIds).size).toBe(ids.length);
    for (const id of jobIds) expect(id).not.toContain(":");
  });
});
