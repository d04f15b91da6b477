import type { Handoff, HandoffEvent, ReceiverOptions } from "@cmshooks/core";
import { Queue, Worker } from "bullmq";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createWorker, queueHandoff, type HandoffQueue } from "./index.js";

// Checked by `tsc`; the runtime parts never connect (Redis-backed behaviour is in test/queue-*.test.ts).
describe("queue types", () => {
  it("takes a BullMQ Queue and plugs into core's handoff option", () => {
    expectTypeOf<Queue>().toExtend<HandoffQueue>();
    expectTypeOf<Queue<HandoffEvent>>().toExtend<HandoffQueue>();
    expectTypeOf(queueHandoff).returns.toEqualTypeOf<Handoff>();
    expectTypeOf<Handoff>().toExtend<NonNullable<ReceiverOptions["handoff"]>>();
  });

  it("accepts only 200 or 202 as the acknowledgement", () => {
    const queue = { add: async () => undefined, addBulk: async () => undefined };
    expect(queueHandoff({ queue, status: 202 }).status).toBe(202);
    // @ts-expect-error — 204 is not an acknowledgement a sender expects
    expect(() => queueHandoff({ queue, status: 204 })).toThrow(/200 or 202/);
  });

  it("creates a typed BullMQ Worker for the receiver's events", () => {
    expectTypeOf(createWorker).returns.toEqualTypeOf<Worker<HandoffEvent, void>>();
    // @ts-expect-error — a connection is required
    expect(() => createWorker({ dispatch: async () => {} }, {})).toThrow(/connection/);
  });
});
