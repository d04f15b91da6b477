/**
 * The same signed deliveries, in every runtime a receiver is deployed to:
 * Cloudflare Workers (workerd), Bun, Deno, Vercel's edge-runtime and Node.
 * One table of deliveries per vendor (genuine, forged, too large, off-schema,
 * not JSON) is built in Node with the testkit and passed as JSON into each
 * runtime, where the app answers it through `receiver.fetch`. Outside Node
 * the app is an esbuild bundle with the Workers conditions, so signatures are
 * checked with Web Crypto; Node also runs the packages as it resolves them
 * (node:crypto). A runtime that cannot start is reported, and fails the run
 * when CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RuntimeCase, RuntimeResult } from "./support/runtime-app.js";
import { bundleRuntimeApp, type RuntimeBundles } from "./support/runtime-bundle.js";
import { runtimeDeliveryTable } from "./support/runtime-deliveries.js";
import { IN_CI, unavailable } from "./support/runtime-binaries.js";
import { runtimeHosts, type RuntimeRun } from "./support/runtime-hosts.js";
import { runtimeVendors } from "./support/runtime-vendors.js";

let bundles: RuntimeBundles;
let cases: RuntimeCase[];
const runs = new Map<string, RuntimeRun>();

beforeAll(async () => {
  [bundles, cases] = await Promise.all([bundleRuntimeApp(runtimeVendors), runtimeDeliveryTable(runtimeVendors)]);
}, 60_000);

/** One line per delivery: what a runtime should answer, or answered. */
function label(c: RuntimeCase, r: Pick<RuntimeResult, "status" | "error" | "issuePath"> & { handled?: number }): string {
  const detail = [r.error, r.issuePath ? `at ${r.issuePath.join(".")}` : undefined, r.handled === undefined ? undefined : `handled ${r.handled}`].filter(Boolean).join(" ");
  return `${c.vendor} / ${c.name}: ${r.status} ${detail}`.trim();
}

const expected = () => cases.map((c) => label(c, { ...c.expected, handled: c.expected.status === 200 ? 1 : 0 }));

describe("the Web bundle of the app (esbuild, workerd/worker/browser conditions)", () => {
  it("takes core's Web Crypto entry and every vendor's dist/index.js, never core's node entry", () => {
    expect(bundles.inputs).toEqual(expect.arrayContaining([expect.stringMatching(/packages\/core\/dist\/index\.js$/)]));
    for (const v of runtimeVendors) expect(bundles.inputs).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`packages/${v.id}/dist/index\\.js$`))]));
    expect(bundles.inputs.filter((f) => /packages\/core\/dist\/node\.|node_modules\/raw-body/.test(f))).toEqual([]);
  });

  it("contains no Node built-in import or require", () => {
    for (const code of [bundles.esm, bundles.iife]) {
      expect(code).not.toMatch(/\bfrom\s*["']node:|\brequire\(\s*["'](node:)?(crypto|fs|http|net|stream|buffer)["']\)|\bimport\(\s*["']node:/);
      expect(code).not.toMatch(/createHmac\(/);
    }
  });
});

describe.each(runtimeHosts.map((host) => [host.name, host] as const))("%s", (_name, host) => {
  it(
    "answers every delivery of the table: 200 genuine, 401 forged, 413 too large, 422 off-schema, 400 not JSON",
    async (ctx) => {
      let run: RuntimeRun;
      try {
        run = await host.run(bundles, cases, runtimeVendors);
      } catch (error) {
        return unavailable(error, ctx.skip);
      }
      runs.set(host.name, run);
      expect(run.results.map((r, i) => label(cases[i]!, r))).toEqual(expected());
    },
    120_000,
  );

  it(`runs in ${host.runtime}, checking signatures with ${host.bundled ? "Web Crypto" : "node:crypto"}`, (ctx) => {
    const run = runs.get(host.name);
    if (!run) return ctx.skip(`${host.name} did not run`);
    expect(run.description.runtime).toBe(host.runtime);
    expect(run.description.webCrypto).toBe(host.bundled);
  });
});

describe("every runtime", () => {
  it("gives the same answers as Node for the same deliveries", () => {
    const reference = runs.get(runtimeHosts[0]!.name);
    expect(reference, "Node ran").toBeDefined();
    for (const [name, run] of runs) expect(run.results, name).toEqual(reference!.results);
    expect(runs.size, "every runtime ran").toBe(IN_CI ? runtimeHosts.length : runs.size);
  });
});

afterAll(() => {
  if (!cases?.length || !runs.size) return;
  const names = [...runs.keys()];
  const rows = cases.map((c, i) => `| ${c.vendor} | ${c.name} | ${names.map((n) => runs.get(n)!.results[i]!.status).join(" | ")} |`);
  console.info(
    [`| vendor | delivery | ${names.join(" | ")} |`, `|---|---|${names.map(() => "---").join("|")}|`, ...rows].join("\n"),
  );
});
