import { blox } from "@cmshooks/blox";
import { createReceiver } from "@cmshooks/core";
import Fastify, { type FastifyPluginAsync, type RouteHandlerMethod } from "fastify";
import { describe, expectTypeOf, it } from "vitest";
import { fastifyHandler, fastifyReceiver } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck) against Fastify 5's types (tsconfig.json) and
// Fastify 4's (tsconfig.fastify4.json maps "fastify" to the fastify4 alias); the runtime part only builds apps.
describe("fastify adapter types", () => {
  const receiver = createReceiver({ provider: blox({ secret: "s3cret" }) });

  it("is a Fastify plugin, registered with a prefix", () => {
    expectTypeOf(fastifyReceiver(receiver)).toExtend<FastifyPluginAsync>();
    void Fastify().register(fastifyReceiver(receiver, { path: "/", timeoutMs: 5_000 }), { prefix: "/hooks/blox" });
  });

  it("gives a route handler", () => {
    expectTypeOf(fastifyHandler(receiver)).toExtend<RouteHandlerMethod>();
    Fastify().post("/hooks/blox", fastifyHandler(receiver));
    Fastify().all("/hooks/blox", fastifyHandler(receiver, { timeoutMs: 5_000 }));
  });

  it("does not take something that is not a receiver, or unknown options", () => {
    // @ts-expect-error — no handle()
    fastifyReceiver({ fetch: receiver.fetch });
    // @ts-expect-error — not an option
    fastifyHandler(receiver, { bodyLimit: 10 });
  });
});
