import { createReceiver, secretHeader } from "@cmshooks/core";
import { describe, expectTypeOf, it } from "vitest";
import { contentful, type ContentfulEventName } from "./index.js";

const SECRET = "a".repeat(64);

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only registers handlers.
describe("Contentful handler types", () => {
  const receiver = createReceiver({ provider: contentful({ secret: SECRET }) });

  it("types entries, content types and other entities by topic", () => {
    receiver.on("ContentManagement.Entry.publish", ({ name, payload, meta }) => {
      expectTypeOf(name).toEqualTypeOf<"ContentManagement.Entry.publish">();
      expectTypeOf(payload.sys.id).toEqualTypeOf<string>();
      expectTypeOf(payload.fields).toEqualTypeOf<Record<string, Record<string, unknown>> | undefined>();
      expectTypeOf(meta.idempotencyKey).toEqualTypeOf<string | undefined>();
    });
    receiver.on("ContentManagement.ContentType.save", ({ payload }) => {
      expectTypeOf(payload.displayField).toEqualTypeOf<string | null | undefined>();
    });
    receiver.on("ContentManagement.Task.Create", ({ payload }) => {
      // @ts-expect-error — tasks have no typed fields
      void payload.fields;
    });
  });

  it("does not compile a misspelt topic", () => {
    expectTypeOf<"ContentManagement.Entry.auto_save">().toExtend<ContentfulEventName>();
    // @ts-expect-error — not a Contentful topic
    expectTypeOf(receiver.on).toBeCallableWith("ContentManagement.Entry.published", () => {});
  });

  it("takes receiver-side auth instead of a signing secret", () => {
    createReceiver({ provider: contentful({ auth: secretHeader({ name: "x-webhook-secret", value: "t0k3n" }) }) });
  });
});
