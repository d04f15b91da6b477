import { describe, expect, it } from "vitest";
import { SampleData } from "./sample-data.js";

function sample(seed: number) {
  const data = new SampleData(seed);
  return { uuid: data.uuid(), title: data.title(), date: data.isoDate(), person: data.person(), id: data.objectId() };
}

describe("SampleData", () => {
  it("gives the same values for the same seed", () => {
    expect(sample(42)).toEqual(sample(42));
  });

  it("gives different values for different seeds", () => {
    expect(sample(1).uuid).not.toBe(sample(2).uuid);
  });

  it("makes version-4 UUIDs, 24-hex object ids and 2026 ISO timestamps", () => {
    for (let seed = 1; seed < 50; seed++) {
      const { uuid, id, date } = sample(seed);
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(id).toMatch(/^[0-9a-f]{24}$/);
      expect(date).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it("derives codenames and slugs from titles", () => {
    const data = new SampleData();
    expect(data.codename("City council approves new budget!")).toBe("city_council_approves_new_budget");
    expect(data.slug("City council approves new budget!")).toBe("city-council-approves-new-budget");
  });
});
