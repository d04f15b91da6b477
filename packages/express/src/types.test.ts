import { blox } from "@cmshooks/blox";
import { createReceiver } from "@cmshooks/core";
import express, { type RequestHandler } from "express";
import { describe, expectTypeOf, it } from "vitest";
import { expressReceiver } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only builds an app.
describe("expressReceiver types", () => {
  const receiver = createReceiver({ provider: blox({ secret: "s3cret" }) });
  const hook = expressReceiver(receiver);

  it("is an Express request handler, mountable with app.post / app.all / a router", () => {
    expectTypeOf(hook).toExtend<RequestHandler>();
    const app = express();
    app.post("/hooks/blox", hook);
    app.all("/hooks/blox", hook);
    express.Router().post("/hooks/blox", expressReceiver(receiver, { timeoutMs: 5_000 }));
  });

  it("keeps the receiver's handler payloads typed after it is mounted", () => {
    receiver.on("editorial.update_asset", ({ payload }) => {
      expectTypeOf(payload.data.uuid).toEqualTypeOf<string>();
      expectTypeOf(payload.data.published).toEqualTypeOf<"yes" | "no">();
    });
    receiver.onContentPublish((event) => {
      if (event.raw.application === "editorial") expectTypeOf(event.raw.data.uuid).toEqualTypeOf<string>();
    });
  });

  it("does not take something that is not a receiver, or unknown options", () => {
    // @ts-expect-error — no handle()
    expressReceiver({ fetch: receiver.fetch });
    // @ts-expect-error — not an option
    expressReceiver(receiver, { limit: 10 });
  });
});
