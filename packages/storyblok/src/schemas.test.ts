import { describe, expect, it } from "vitest";
import { storyblokEventName, storyblokEvents, storyblokSamples, storyblokSchemas, type StoryblokEventName } from "./index.js";

const names = Object.keys(storyblokEvents) as StoryblokEventName[];

describe("Storyblok schemas", () => {
  it("parse every sample with its own event's schema", () => {
    for (const name of names) expect(storyblokEvents[name].schema.safeParse(storyblokSamples[name]).success, name).toBe(true);
  });

  it("name every sample after the event it is the sample of", () => {
    for (const name of names) expect(storyblokEventName(storyblokSamples[name]), name).toEqual({ name });
  });

  it("keep fields Storyblok adds later (open objects)", () => {
    const parsed = storyblokSchemas.story("published").parse({ ...storyblokSamples["story.published"], uuid: "c3c7e0f3" });
    expect((parsed as Record<string, unknown>).uuid).toBe("c3c7e0f3");
  });

  it("accept the documented legacy story payload without full_slug", () => {
    const legacy = { action: "deleted", text: "The user test@domain.com deleted the Story XYZ (xyz)", story_id: 123, space_id: 123 };
    expect(storyblokEvents["story.deleted"].schema.safeParse(legacy).success).toBe(true);
  });

  it("reject a story id sent as a string, with its path", () => {
    const result = storyblokEvents["story.published"].schema.safeParse({ ...storyblokSamples["story.published"], story_id: "166888799188279" });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["story_id"]]);
  });

  it("reject an event whose action does not match its name", () => {
    expect(storyblokEvents["story.published"].schema.safeParse(storyblokSamples["story.unpublished"]).success).toBe(false);
  });
});

describe("storyblokEventName", () => {
  it("tells a deleted asset from a deleted story by the id field", () => {
    expect(storyblokEventName({ action: "deleted", asset_id: 1 })).toEqual({ name: "asset.deleted" });
    expect(storyblokEventName({ action: "deleted", story_id: 1 })).toEqual({ name: "story.deleted" });
  });

  it("tells an uploaded asset from a new discussion by the id field", () => {
    expect(storyblokEventName({ action: "created", asset_id: 1 })).toEqual({ name: "asset.created" });
    expect(storyblokEventName({ action: "created", discussion_id: 1, story_id: 2 })).toEqual({ name: "discussion.created" });
  });

  it("gives an action it cannot place a hint instead of a guess", () => {
    const naming = storyblokEventName({ action: "deleted" });
    expect(naming.name).toBe("deleted");
    expect("hint" in naming && naming.hint).toMatch(/asset_id or story_id/);
  });

  it("keeps an action it does not know as the name (an unknown event)", () => {
    expect(storyblokEventName({ action: "experiment_started" })).toEqual({ name: "experiment_started" });
  });
});
