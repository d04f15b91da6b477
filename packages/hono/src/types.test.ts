import { blox } from "@cmshooks/blox";
import { createReceiver } from "@cmshooks/core";
import type { HttpBindings } from "@hono/node-server";
import { getConnInfo as nodeConnInfo } from "@hono/node-server/conninfo";
import { getConnInfo as workersConnInfo } from "hono/cloudflare-workers";
import { Hono, type Handler } from "hono";
import { describe, expectTypeOf, it } from "vitest";
import { honoReceiver } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only builds apps.
describe("honoReceiver types", () => {
  const receiver = createReceiver({ provider: blox({ secret: "s3cret" }) });

  it("returns a Hono handler", () => {
    expectTypeOf(honoReceiver(receiver)).toExtend<Handler>();
    new Hono().post("/hooks/blox", honoReceiver(receiver));
  });

  it("types c in the ip option by the app's bindings", () => {
    const app = new Hono<{ Bindings: HttpBindings }>();
    app.post(
      "/hooks/blox",
      honoReceiver<{ Bindings: HttpBindings }>(receiver, {
        ip: (c) => {
          expectTypeOf(c.env.incoming.socket.remoteAddress).toEqualTypeOf<string | undefined>();
          // @ts-expect-error — not a binding of this app
          void c.env.KV;
          return c.env.incoming.socket.remoteAddress;
        },
      }),
    );
    app.post("/hooks/blox", honoReceiver(receiver, { getConnInfo: nodeConnInfo }));
    const workers = new Hono<{ Bindings: { BLOX_SECRET: string } }>();
    workers.post("/hooks/blox", honoReceiver(receiver, { getConnInfo: workersConnInfo }));
    workers.post("/hooks/blox", honoReceiver(receiver, { getConnInfo: (c) => ({ remote: { address: c.req.header("cf-connecting-ip") } }) }));
  });

  it("keeps the receiver's handler payloads typed after it is mounted", () => {
    receiver.on("editorial.delete_asset", ({ payload }) => expectTypeOf(payload.data.uuid).toEqualTypeOf<string>());
  });

  it("does not take something that is not a receiver", () => {
    // @ts-expect-error — no fetch()
    honoReceiver({ handle: receiver.handle });
  });
});
