import { createReceiver, secretHeader } from "@cmshooks/core";
import { describe, expectTypeOf, it } from "vitest";
import { strapi, type StrapiEventName, type StrapiMeta } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only registers handlers.
describe("Strapi handler types", () => {
  const receiver = createReceiver({ provider: strapi({ auth: secretHeader({ name: "authorization", value: "Bearer t0ken" }) }) });

  it("gives on('entry.publish') the exact payload type, for Strapi 4 and 5", () => {
    receiver.on("entry.publish", ({ name, payload, meta }) => {
      expectTypeOf(name).toEqualTypeOf<"entry.publish">();
      expectTypeOf(payload.event).toEqualTypeOf<"entry.publish">();
      expectTypeOf(payload.entry.id).toEqualTypeOf<string | number>();
      expectTypeOf(payload.entry.documentId).toEqualTypeOf<string | undefined>();
      expectTypeOf(payload.uid).toEqualTypeOf<string | undefined>();
      // The content type's own fields are there, typed unknown until checked.
      expectTypeOf(payload.entry.title).toEqualTypeOf<unknown>();
      expectTypeOf(meta).toEqualTypeOf<StrapiMeta>();
    });
    receiver.on("media.delete", ({ payload }) => {
      expectTypeOf(payload.media.url).toEqualTypeOf<string>();
      // @ts-expect-error — media events carry no entry
      void payload.entry;
    });
  });

  it("does not compile a misspelt event name", () => {
    expectTypeOf<"entry.create" | "review-workflows.updateEntryStage" | "releases.publish">().toMatchTypeOf<StrapiEventName>();
    // @ts-expect-error — not a Strapi event
    expectTypeOf(receiver.on).toBeCallableWith("entry.published", () => {});
  });

  it("types the stage change as a workflow change", () => {
    receiver.onWorkflowChange((event) => {
      expectTypeOf(event.workflow.to?.name).toEqualTypeOf<string | undefined>();
    });
  });

  it("takes one authenticator or a list, never a bare secret", () => {
    expectTypeOf(strapi).toBeCallableWith({ auth: [secretHeader({ name: "x-a", value: "b" })] });
    expectTypeOf(strapi).toBeCallableWith({});
    // @ts-expect-error — auth takes authenticators, not a bare token
    expectTypeOf(strapi).toBeCallableWith({ auth: "Bearer t0ken" });
  });
});
