import { createReceiver } from "@cmshooks/core";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { sanity, type SanityEventName } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only registers handlers.
describe("Sanity handler types", () => {
  it("types payloads as the whole document by default", () => {
    const receiver = createReceiver({ provider: sanity({ secret: "s3cret" }) });
    receiver.on("update", ({ name, payload, meta }) => {
      expectTypeOf(name).toEqualTypeOf<"update">();
      expectTypeOf(payload._id).toEqualTypeOf<string>();
      expectTypeOf(payload._rev).toEqualTypeOf<string | undefined>();
      expectTypeOf(meta.idempotencyKey).toEqualTypeOf<string | undefined>();
      // @ts-expect-error — a field the default projection does not type
      void payload.slug;
    });
  });

  it("types payloads as the projection schema the user supplies", () => {
    const projection = z.object({ _id: z.string(), slug: z.string(), tags: z.array(z.string()) });
    const receiver = createReceiver({ provider: sanity({ secret: "s3cret", projection }) });
    receiver.on(["create", "delete"], ({ payload }) => {
      expectTypeOf(payload.slug).toEqualTypeOf<string>();
      expectTypeOf(payload.tags).toEqualTypeOf<string[]>();
    });
    receiver.onContentPublish((event) => {
      expectTypeOf(event.raw.slug).toEqualTypeOf<string>();
    });
  });

  it("does not compile a misspelt event name", () => {
    expectTypeOf<SanityEventName>().toEqualTypeOf<"create" | "update" | "delete">();
    const receiver = createReceiver({ provider: sanity({ secret: "s3cret" }) });
    // @ts-expect-error — not a Sanity operation
    expectTypeOf(receiver.on).toBeCallableWith("publish", () => {});
  });
});
