/**
 * The same signed deliveries, in every runtime a receiver is deployed to:
 * Cloudflare Workers (workerd), Bun, Deno, Vercel's edge-runtime and Node.
 * One table of deliveries per vendor (genuine, forged, too large, off-schema,
 * not JSON) is built in Node with the testkit and passed as JSON into each
 * runtime, where the app answers it through `receiver.fetch`. Outside Node
 * the app is an esbuild bundle with the Workers conditions, so signatures are
 * checked with Web Crypto; Node also runs the packages as it resolves them
 * (node:crypto). A runtime that cannot start is reported, and fails the run
 * in CI (test/support/ci.ts); one that starts but cannot load the app fails
 * everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RuntimeCase, RuntimeResult } from "./support/runtime-app.js";
import { bundleRuntimeApp, type RuntimeBundles } from "./support/runtime-bundle.js";
import { runtimeDeliveryTable } from "./support/runtime-deliveries.js";
import { IN_CI, RuntimeUnavailableError, unavailable } from "./support/runtime-binaries.js";
import { runtimeHosts, type RuntimeRun } from "./support/runtime-hosts.js";
import { runtimeVendors } from "./support/runtime-vendors.js";

let bundles: RuntimeBundles;
let cases: RuntimeCase[];
const runs = new Map<string, RuntimeRun>();
/** Hosts skipped because the runtime could not start here (never in CI), with the reason. */
const skipped = new Map<string, string>();
/** Runtimes that run inside this Node process: they cannot be unavailable. */
const IN_PROCESS = ["Node (packages)", "Node (Web bundle)", "edge-runtime"];

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
        if (error instanceof RuntimeUnavailableError) skipped.set(host.name, error.message);
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

  it.runIf(host.bundled)("fails, never 'cannot start', when it starts but the app it loads throws", async (ctx) => {
    if (!runs.has(host.name)) return ctx.skip(`${host.name} did not run`);
    const thrown = "the app under test is broken";
    // The same exports as the app, but loading it throws.
    const throws = `throw new Error(${JSON.stringify(thrown)});`;
    const esm = `export default { fetch() {} };\nexport const runCases = undefined, describeRuntime = undefined;\n${throws}`;
    const broken: RuntimeBundles = { ...bundles, esm, iife: throws };
    // Errors from edge-runtime's context are of another realm: compare messages, not classes.
    const error = await host.run(broken, cases.slice(0, 1), runtimeVendors).then(
      () => undefined,
      (e: unknown) => e as { message?: unknown },
    );
    expect(error, "the run failed").toBeDefined();
    expect(error).not.toBeInstanceOf(RuntimeUnavailableError);
    expect(String(error!.message)).toContain(thrown);
  }, 60_000);
});

describe("every runtime", () => {
  it("gives the same answers as Node for the same deliveries", () => {
    const reference = runs.get(runtimeHosts[0]!.name);
    expect(reference, "Node ran").toBeDefined();
    for (const [name, run] of runs) expect(run.results, name).toEqual(reference!.results);
    // Every host ran or was skipped for a stated reason; in-process ones always run, and nothing is skipped in CI.
    expect([...runs.keys(), ...skipped.keys()].sort(), "every runtime is accounted for").toEqual(runtimeHosts.map((h) => h.name).sort());
    expect(IN_PROCESS.filter((name) => !runs.has(name)), "in-process runtimes that did not run").toEqual([]);
    if (IN_CI) expect([...skipped], "skipped in CI").toEqual([]);
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
