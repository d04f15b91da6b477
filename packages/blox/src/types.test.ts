import { createReceiver } from "@cmshooks/core";
import { describe, expectTypeOf, it } from "vitest";
import { blox, type BloxEventName } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only registers handlers.
describe("BLOX handler types", () => {
  const receiver = createReceiver({ provider: blox({ secret: "s3cret" }) });

  it("gives on('editorial.update_asset') the exact payload type", () => {
    receiver.on("editorial.update_asset", ({ name, payload }) => {
      expectTypeOf(name).toEqualTypeOf<"editorial.update_asset">();
      expectTypeOf(payload.data.uuid).toEqualTypeOf<string>();
      expectTypeOf(payload.data.published).toEqualTypeOf<"yes" | "no">();
      expectTypeOf(payload.application).toEqualTypeOf<"editorial">();
    });
    receiver.on("user.update_user", ({ payload }) => {
      expectTypeOf(payload.data.id).toEqualTypeOf<string | number>();
      // @ts-expect-error — user events have no asset uuid
      void payload.data.uuid.length;
    });
  });

  it("does not compile a misspelt event name", () => {
    expectTypeOf<BloxEventName>().toEqualTypeOf<
      | "editorial.create_asset"
      | "editorial.update_asset"
      | "editorial.delete_asset"
      | "user.create_user"
      | "user.update_user"
      | "user.delete_user"
    >();
    // @ts-expect-error — not a BLOX event
    expectTypeOf(receiver.on).toBeCallableWith("editorial.updte_asset", () => {});
  });

  it("types unified events with the native payload union as raw", () => {
    receiver.onContentPublish((event) => {
      expectTypeOf(event.kind).toEqualTypeOf<"content.publish">();
      expectTypeOf(event.items[0]!.id).toEqualTypeOf<string>();
      expectTypeOf(event.occurredAt).toEqualTypeOf<Date | undefined>();
    });
    receiver.onUserChange((event) => {
      expectTypeOf(event.user.action).toEqualTypeOf<"create" | "update" | "delete">();
    });
  });
});
