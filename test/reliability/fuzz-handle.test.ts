// Fuzz, in process: 100 000 generated deliveries through receiver.handle, spread over every vendor of the testkit
// registry and each of its credential forms, plus systematic passes over every field of every sample.
// Measured: ~25 s on the 2-core dev machine (Node 20.20): 100 001 random deliveries (11 vendor/credential forms × 9 091)
// and 4 953 systematic ones (every field nested 10 000 deep; every object given __proto__ / constructor keys).
import fc from "fast-check";
import { vendorIds, vendors, type VendorEntry } from "@cmshooks/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countNodes, nestedJson, nodePath, PROTO_MEMBERS, type StructuralOp } from "./support/body-mutations.js";
import { buildDelivery, deliveryPlanArbitrary, type DeliveryPlan } from "./support/delivery-plan.js";
import { checkAnswer } from "./support/check-answer.js";
import { pollutedPrototypes } from "./support/prototype-check.js";
import { credentialForms, makeHarness, RELIABILITY_LIMIT, type VendorHarness } from "./support/vendor-harness.js";
import { trackProcessFaults, withDeadline, type ProcessFaults } from "./support/watchdogs.js";

/** Deliveries in total, whatever the number of vendors: each vendor/form gets its share. */
const TOTAL_DELIVERIES = 100_000;
const seed = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };

const cases = vendorIds.flatMap((id) => credentialForms(vendors[id]).map((form) => ({ id, entry: vendors[id] as VendorEntry, form })));
const runsPerCase = Math.ceil(TOTAL_DELIVERIES / cases.length);

let faults: ProcessFaults;
beforeAll(() => void (faults = trackProcessFaults()));
afterAll(() => faults.stop());

/** A delivery with only a structural change of the body, signed and otherwise clean. */
const cleanPlan = (sample: number, ops: readonly StructuralOp[]): DeliveryPlan => ({
  sample,
  body: { kind: "mutated", structural: ops, bytes: [] },
  resign: true,
  method: "POST",
  contentType: { value: "application/json", json: true },
  contentLength: { kind: "none" },
  auth: undefined,
  extraHeaders: [],
  peer: "127.0.0.1",
});

/**
 * Sends every sample once per list of ops (one list, one delivery) and
 * returns the deliveries whose answer broke the table, naming the nodes they
 * changed: a systematic pass over every field, where the random fuzz samples.
 */
async function sweep(h: VendorHarness, opsFor: (counts: { nodes: number; objects: number }) => StructuralOp[][]): Promise<{ runs: number; failures: string[] }> {
  const failures: string[] = [];
  let runs = 0;
  for (const [index, sample] of h.samples.entries()) {
    const payload = JSON.parse(sample.text) as unknown;
    for (const ops of opsFor(countNodes(payload))) {
      const d = await buildDelivery(h, cleanPlan(index, ops), RELIABILITY_LIMIT);
      h.reset();
      const res = await withDeadline(h.receiver.handle({ method: d.method, headers: d.headers, body: d.body, ip: d.ip, url: d.url }), 5_000, "receiver.handle");
      runs++;
      try {
        await checkAnswer(h, d, res);
      } catch (error) {
        const where = ops.length > 3 ? `${ops.length} nodes` : ops.map((op) => `${op.kind} at ${nodePath(payload, op.at, op.kind === "member")}`).join(", ");
        const cause = h.reports.find((r) => r.status >= 500)?.cause;
        const what = (error as Error).message.split("\n")[0];
        failures.push(`${sample.event} ${where}: ${what}: ${res.status} ${res.body.slice(0, 80)}${cause ? ` (${String(cause)})` : ""}`);
        if (failures.length >= 20) return { runs, failures };
      }
    }
  }
  return { runs, failures };
}

describe(`fuzz: ${TOTAL_DELIVERIES} generated deliveries through receiver.handle, every vendor`, () => {
  it.each(cases)(
    `$id ($form.label): ${runsPerCase} random and mutated deliveries each get the status the table requires, and no handler runs unless authentic`,
    async ({ id, entry, form }) => {
      const h = await makeHarness(id, entry, form, { trustEveryProxy: true });
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(deliveryPlanArbitrary(h, RELIABILITY_LIMIT), async (plan) => {
          const d = await buildDelivery(h, plan, RELIABILITY_LIMIT);
          h.reset();
          const input = { method: d.method, headers: d.headers, body: d.body, ip: d.ip, url: d.url };
          const res = await withDeadline(h.receiver.handle(input), 5_000, "receiver.handle");
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          await checkAnswer(h, d, res);
        }),
        { numRuns: runsPerCase, ...seed },
      );

      // The generator must reach every stage, not only the cheap refusals.
      const count = (s: number) => statuses.get(s) ?? 0;
      expect(count(200) + count(422), JSON.stringify([...statuses])).toBeGreaterThan(runsPerCase * 0.2);
      expect(count(200)).toBeGreaterThan(runsPerCase * 0.03);
      for (const s of [400, 401, 403, 405, 413, 415, 422]) expect(count(s), `status ${s}: ${JSON.stringify([...statuses])}`).toBeGreaterThan(runsPerCase * 0.005);
      expect(faults.unhandledRejections).toEqual([]);
      expect(faults.uncaughtExceptions).toEqual([]);
    },
    120_000,
  );

  const firstForms = vendorIds.map((id) => ({ id, entry: vendors[id] as VendorEntry, form: credentialForms(vendors[id])[0]! }));

  it.each(firstForms)("$id: any field of any sample nested 10 000 levels deep is answered 200, 400 or 422, never 500", async ({ id, entry, form }) => {
    const h = await makeHarness(id, entry, form, { seeds: [1] });
    const deep = [nestedJson(10_000, "array"), nestedJson(10_000, "object")];
    const { runs, failures } = await sweep(h, ({ nodes, objects }) => [
      ...Array.from({ length: nodes }, (_, at): StructuralOp[] => [{ kind: "replace", at, raw: deep[0]! }]),
      ...Array.from({ length: objects }, (_, at): StructuralOp[] => [{ kind: "member", at, key: "nested", raw: deep[1]!, first: false }]),
      // The same deep member in every object at once: comparisons of two parts of a payload (old vs new data) recurse too.
      ...[0, 1].map((shape) => Array.from({ length: objects }, (_, at): StructuralOp => ({ kind: "member", at, key: "nested", raw: deep[shape]!, first: false }))),
    ]);
    expect(runs).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 60_000);

  it.each(firstForms)("$id: a __proto__ / constructor key in any object of any sample pollutes nothing", async ({ id, entry, form }) => {
    const h = await makeHarness(id, entry, form, { seeds: [1] });
    const { failures } = await sweep(h, ({ objects }) =>
      Array.from({ length: objects }, (_, at) => PROTO_MEMBERS.map(({ key, raw }, i): StructuralOp[] => [{ kind: "member", at, key, raw, first: i % 2 === 0 }])).flat(),
    );
    expect(failures).toEqual([]);
    expect(h.violations).toEqual([]);
    expect(pollutedPrototypes()).toEqual([]);
  }, 60_000);

  it("leaves Object.prototype and every built-in prototype untouched after all of them", () => {
    expect(pollutedPrototypes()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
