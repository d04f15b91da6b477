// Fuzz over real HTTP: generated deliveries written byte for byte on raw sockets to node:http servers (toNodeHandler,
// and the Express, Koa, Hono and Fastify adapters), every vendor of the testkit registry.
// Measured: ~7 s on the 2-core dev machine (Node 20.20): 3 003 deliveries through toNodeHandler and 506 through each of
// Express, Koa, Hono and Fastify, one connection each.
import fc from "fast-check";
import { vendorIds, vendors, type VendorEntry } from "@cmshooks/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADAPTERS, openConnections, startAdapter, type AdapterName } from "./support/adapter-servers.js";
import { checkAnswer } from "./support/check-answer.js";
import { buildDelivery, deliveryPlanArbitrary } from "./support/delivery-plan.js";
import { toHttpPlan, toRawRequest } from "./support/http-plan.js";
import { pollutedPrototypes } from "./support/prototype-check.js";
import { sendRaw } from "./support/raw-http.js";
import { credentialForms, makeHarness, RELIABILITY_LIMIT } from "./support/vendor-harness.js";
import { settle, trackProcessFaults, type ProcessFaults } from "./support/watchdogs.js";

/** Deliveries through toNodeHandler, and through each framework adapter, in total over every vendor and form. */
const NODE_DELIVERIES = 3_000;
const PER_FRAMEWORK_DELIVERIES = 500;
const seed = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };

const forms = vendorIds.flatMap((id) => credentialForms(vendors[id]).map((form) => ({ id, entry: vendors[id] as VendorEntry, form })));
const cases = ADAPTERS.flatMap((adapter) =>
  forms.map((f) => ({ ...f, adapter, runs: Math.ceil((adapter === "node" ? NODE_DELIVERIES : PER_FRAMEWORK_DELIVERIES) / forms.length) })),
);

/** Statuses answered through each adapter, over every vendor and form, and how many of its cases completed. */
const answered = new Map<AdapterName, { statuses: Map<number, number>; cases: number }>(ADAPTERS.map((a) => [a, { statuses: new Map(), cases: 0 }]));

let faults: ProcessFaults;
beforeAll(() => void (faults = trackProcessFaults()));
afterAll(() => faults.stop());

describe(`fuzz over HTTP: ${NODE_DELIVERIES} deliveries through toNodeHandler and ${PER_FRAMEWORK_DELIVERIES} through each of Express, Koa, Hono and Fastify`, () => {
  it.each(cases)(
    "$adapter, $id ($form.label): $runs raw-socket deliveries each get the status the table requires; no handler runs unless authentic",
    async ({ adapter, id, entry, form, runs }: { adapter: AdapterName; id: string; entry: VendorEntry; form: (typeof forms)[number]["form"]; runs: number }) => {
      const h = await makeHarness(id, entry, form, { trustEveryProxy: true });
      const path = h.samples[0]!.path.split("?")[0]!;
      const server = await startAdapter(adapter, [{ path, receiver: h.receiver }], { bodyTimeoutMs: 5_000 });
      try {
        await fc.assert(
          fc.asyncProperty(deliveryPlanArbitrary(h, RELIABILITY_LIMIT).map(toHttpPlan), fc.integer({ min: 1, max: 4096 }), async (plan, chunkSize) => {
            const d = await buildDelivery(h, plan, RELIABILITY_LIMIT);
            h.reset();
            const { response } = await sendRaw(server.port, toRawRequest(d, chunkSize));
            if (!response) throw new Error(`the server closed the connection without an answer: ${d.method} ${d.url}`);
            const { statuses } = answered.get(adapter)!;
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            await checkAnswer(h, d, { ...response, bodyless: d.method === "HEAD" });
          }),
          { numRuns: runs, ...seed },
        );
        // Early answers linger up to 1 s to drain the body; after that no socket may stay open.
        for (let i = 0; i < 30 && (await openConnections(server.server)) > 0; i++) await settle(100);
        expect(await openConnections(server.server)).toBe(0);
        expect(faults.unhandledRejections).toEqual([]);
        expect(faults.uncaughtExceptions).toEqual([]);
        expect(pollutedPrototypes()).toEqual([]);
        answered.get(adapter)!.cases++;
      } finally {
        await server.close();
      }
    },
    120_000,
  );

  // The generator must reach every stage through each adapter, not only the cheap refusals: the in-process fuzz's minimums.
  it.for(ADAPTERS)("through %s, every status of the table was answered, and enough deliveries got as far as validation", (adapter, ctx) => {
    const { statuses, cases: completed } = answered.get(adapter)!;
    if (completed < forms.length) return ctx.skip(`only ${completed} of ${forms.length} cases of ${adapter} ran (a filter, or a failure reported above)`);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const count = (s: number) => statuses.get(s) ?? 0;
    const seen = JSON.stringify([...statuses].sort(([a], [b]) => a - b));
    expect(count(200) + count(422), seen).toBeGreaterThan(total * 0.2);
    expect(count(200), seen).toBeGreaterThan(total * 0.03);
    // No minimum for 403: the harness allows every address and trusts every proxy, so only a forwarding chain
    // without a known client (a garbage hop, X-Forwarded-For and Forwarded disagreeing) is refused; the
    // per-delivery oracle checks each of those.
    for (const s of [400, 401, 405, 413, 415, 422]) expect(count(s), `status ${s}: ${seen}`).toBeGreaterThan(total * 0.005);
  });
});
