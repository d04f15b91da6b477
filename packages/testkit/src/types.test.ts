import { describe, expectTypeOf, it } from "vitest";
import type { BloxEventName } from "@cmshooks/blox";
import { testkit, vendors, type TestDelivery, type VendorId } from "./index.js";

// Checked by `tsc` (npm run typecheck); at runtime these only build deliveries.
describe("testkit types", () => {
  it("types deliveries by the vendor's native event names and payloads", async () => {
    const delivery = await testkit.blox.delivery("editorial.update_asset", { secret: "s" });
    expectTypeOf(delivery.event).toEqualTypeOf<"editorial.update_asset">();
    expectTypeOf(delivery.payload.data.uuid).toEqualTypeOf<string>();
    expectTypeOf(delivery).toExtend<TestDelivery>();
    expectTypeOf(testkit.blox.events).toEqualTypeOf<readonly BloxEventName[]>();
    // @ts-expect-error — not a BLOX event
    await testkit.blox.delivery("editorial.updte_asset", { secret: "s" }).catch(() => undefined);
  });

  it("types overrides as a deep partial of that event's payload", () => {
    testkit.blox.payload("editorial.update_asset", { overrides: { data: { title: "Hello" } } });
    // @ts-expect-error — title is a string
    testkit.blox.payload("editorial.update_asset", { overrides: { data: { title: 42 } } });
    // @ts-expect-error — `published` is "yes" | "no"
    testkit.blox.payload("editorial.update_asset", { overrides: { data: { published: "maybe" } } });
  });

  it("names a kit per registered vendor", () => {
    expectTypeOf<keyof typeof testkit>().toEqualTypeOf<VendorId>();
    expectTypeOf<keyof typeof vendors>().toEqualTypeOf<VendorId>();
  });
});
