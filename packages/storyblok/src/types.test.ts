import { createReceiver, secretPathSegment } from "@cmshooks/core";
import { describe, expectTypeOf, it } from "vitest";
import { storyblok, type StoryblokEventName } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only registers handlers.
describe("Storyblok handler types", () => {
  const receiver = createReceiver({ provider: storyblok({ secret: "s3cret" }) });

  it("gives on('story.published') the exact payload type", () => {
    receiver.on("story.published", ({ name, payload }) => {
      expectTypeOf(name).toEqualTypeOf<"story.published">();
      expectTypeOf(payload.action).toEqualTypeOf<"published">();
      expectTypeOf(payload.story_id).toEqualTypeOf<number>();
      expectTypeOf(payload.full_slug).toEqualTypeOf<string | undefined>();
      // @ts-expect-error — story events carry no asset id
      void payload.asset_id;
    });
    receiver.on(["asset.deleted", "asset.restored"], ({ payload }) => {
      expectTypeOf(payload.action).toEqualTypeOf<"deleted" | "restored">();
      expectTypeOf(payload.asset_id).toEqualTypeOf<number>();
    });
  });

  it("does not compile a misspelt event name", () => {
    expectTypeOf<"story.published" | "asset.deleted" | "workflow_stage_changed">().toMatchTypeOf<StoryblokEventName>();
    // @ts-expect-error — Storyblok's action alone is not the native name
    expectTypeOf(receiver.on).toBeCallableWith("published", () => {});
  });

  it("types workflow changes", () => {
    receiver.onWorkflowChange((event) => {
      expectTypeOf(event.kind).toEqualTypeOf<"workflow.change">();
      expectTypeOf(event.workflow.to?.name).toEqualTypeOf<string | undefined>();
    });
  });

  it("takes a secret, receiver-side auth, or both", () => {
    expectTypeOf(storyblok).toBeCallableWith({ secret: ["new", "old"] });
    expectTypeOf(storyblok).toBeCallableWith({ auth: secretPathSegment({ value: "p4th" }) });
    // @ts-expect-error — the secret is a string, not a number
    expectTypeOf(storyblok).toBeCallableWith({ secret: 42 });
  });
});
