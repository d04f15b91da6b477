import { blox } from "@cmshooks/blox";
import { createReceiver } from "@cmshooks/core";
import Router from "@koa/router";
import Koa, { type Middleware } from "koa";
import { describe, expectTypeOf, it } from "vitest";
import { koaReceiver } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only builds an app.
describe("koaReceiver types", () => {
  const receiver = createReceiver({ provider: blox({ secret: "s3cret" }) });
  const hook = koaReceiver(receiver);

  it("is a Koa middleware, mountable on an app or a @koa/router route", () => {
    expectTypeOf(hook).toExtend<Middleware>();
    new Koa().use(hook);
    const router = new Router();
    router.post("/hooks/blox", hook);
    router.all("/hooks/blox", koaReceiver(receiver, { timeoutMs: 5_000 }));
  });

  it("keeps the receiver's handler payloads typed after it is mounted", () => {
    receiver.on("user.update_user", ({ payload }) => {
      expectTypeOf(payload.data.id).toEqualTypeOf<string | number>();
    });
    receiver.onUserChange((event) => expectTypeOf(event.user.action).toEqualTypeOf<"create" | "update" | "delete">());
  });

  it("does not take something that is not a receiver", () => {
    // @ts-expect-error — no handle()
    koaReceiver({ fetch: receiver.fetch });
  });
});
