import { createReceiver } from "@cmshooks/core";
import { describe, expectTypeOf, it } from "vitest";
import { hygraph, type HygraphEventName, type HygraphStage } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only registers handlers.
describe("Hygraph handler types", () => {
  const receiver = createReceiver({ provider: hygraph({ secret: "s3cret" }) });

  it("gives on('publish') the delivery type and the signature's metadata", () => {
    receiver.on("publish", ({ name, payload, meta }) => {
      expectTypeOf(name).toEqualTypeOf<"publish">();
      expectTypeOf(payload.data.id).toEqualTypeOf<string>();
      expectTypeOf(payload.data.stage).toEqualTypeOf<HygraphStage>();
      expectTypeOf(meta.environment).toEqualTypeOf<string | undefined>();
      // @ts-expect-error — not a documented field of data
      void payload.data.tittle;
    });
  });

  it("does not compile a misspelt event name", () => {
    expectTypeOf<HygraphEventName>().toEqualTypeOf<"create" | "update" | "delete" | "publish" | "unpublish">();
    // @ts-expect-error — not a Hygraph operation
    expectTypeOf(receiver.on).toBeCallableWith("published", () => {});
  });
});
