import { describe, expect, it } from "vitest";
import { cachedEventName } from "./event-name-cache.js";

describe("cachedEventName", () => {
  it("builds each pair's name once and then hands back the very same string", () => {
    const built: string[] = [];
    const nameOf = cachedEventName((type, operation) => {
      built.push(`${type}/${operation}`);
      return `${type}.${operation}`;
    });
    const first = nameOf("content", "published");
    expect(first).toBe("content.published");
    expect(nameOf("content", "published")).toBe(first);
    expect(nameOf("content", "deleted")).toBe("content.deleted");
    expect(nameOf("asset", "published")).toBe("asset.published");
    expect(nameOf("content", "published")).toBe("content.published");
    expect(built).toEqual(["content/published", "content/deleted", "asset/published"]);
  });

  it("keeps pairs apart that would concatenate alike", () => {
    const nameOf = cachedEventName((a, b) => `${a}|${b}`);
    expect([nameOf("a.b", "c"), nameOf("a", "b.c")]).toEqual(["a.b|c", "a|b.c"]);
  });

  it("remembers at most `limit` names and builds the rest every time, still right", () => {
    let builds = 0;
    const nameOf = cachedEventName((a, b) => (builds++, `${a}.${b}`), 2);
    nameOf("x", "1");
    nameOf("x", "2");
    expect(nameOf("x", "3")).toBe("x.3");
    expect(nameOf("x", "1")).toBe("x.1");
    expect(nameOf("x", "3")).toBe("x.3");
    expect(builds).toBe(4);
    nameOf("x", "1");
    nameOf("x", "2");
    expect(builds).toBe(4);
  });

  it("answers the pair asked for last by comparing its fields, and tells apart pairs that share one field", () => {
    let builds = 0;
    const nameOf = cachedEventName((a, b) => (builds++, `${a}.${b}`), 0);
    // Strings made at run time, as JSON.parse makes them: equal, not the same string.
    const fresh = (s: string) => JSON.parse(JSON.stringify(s)) as string;
    expect(nameOf(fresh("content"), fresh("published"))).toBe("content.published");
    expect(nameOf(fresh("content"), fresh("published"))).toBe("content.published");
    expect(builds).toBe(1);
    expect(nameOf("content", "deleted")).toBe("content.deleted");
    expect(nameOf("asset", "deleted")).toBe("asset.deleted");
    expect(nameOf("asset", "published")).toBe("asset.published");
    expect(builds).toBe(4);
  });
});
