/**
 * The runtimes the app runs in. Each host loads the bundled (or, for Node,
 * the unbundled) app, runs the delivery table through `receiver.fetch` inside
 * that runtime and returns what it answered.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { EdgeVM } from "@edge-runtime/vm";
import { Miniflare } from "miniflare";
import { caseResult, createRuntimeApp, DESCRIBE_PATH, type ProviderFactory, type RuntimeCase, type RuntimeDescription, type RuntimeResult } from "./runtime-app.js";
import { IIFE_GLOBAL, type RuntimeBundles } from "./runtime-bundle.js";
import { RUNTIME_MAX_BODY_BYTES, type RuntimeVendor } from "./runtime-vendors.js";
import { isSpawnFailure, runtimeBinary, RuntimeUnavailableError } from "./runtime-binaries.js";

const run = promisify(execFile);

/** What one runtime answered, and where it ran. */
export interface RuntimeRun {
  readonly description: RuntimeDescription;
  readonly results: readonly RuntimeResult[];
}

/** A runtime the table runs in. */
export interface RuntimeHost {
  readonly name: string;
  /** What the app reports as its runtime there (see `RuntimeDescription.runtime`). */
  readonly runtime: string;
  /** Whether this host loads the esbuild bundle (Web entries) rather than the packages as Node resolves them. */
  readonly bundled: boolean;
  run(bundles: RuntimeBundles, cases: readonly RuntimeCase[], vendors: readonly RuntimeVendor[]): Promise<RuntimeRun>;
}

async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "cmshooks-runtime-"));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The ESM bundle and a driver that runs the table inside the runtime and prints one JSON line. */
async function writeDriver(dir: string, bundles: RuntimeBundles, cases: readonly RuntimeCase[]): Promise<string> {
  await writeFile(join(dir, "app.mjs"), bundles.esm);
  await writeFile(join(dir, "cases.json"), JSON.stringify(cases));
  const driver = join(dir, "driver.mjs");
  await writeFile(
    driver,
    [
      `import cases from "./cases.json" with { type: "json" };`,
      `import { runCases, describeRuntime } from "./app.mjs";`,
      `const results = await runCases(cases);`,
      `console.log(JSON.stringify({ description: describeRuntime(), results }));`,
    ].join("\n"),
  );
  return driver;
}

/** Runs Bun or Deno on the driver and parses its last output line. */
async function runBinary(name: "bun" | "deno", args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RuntimeRun> {
  const binary = runtimeBinary(name);
  let stdout: string;
  try {
    ({ stdout } = await run(binary, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1", ...env } }));
  } catch (error) {
    if (isSpawnFailure(error)) throw new RuntimeUnavailableError(`${name} cannot start: ${(error as Error).message}`);
    throw new Error(`${name} failed: ${(error as { stderr?: string }).stderr || (error as Error).message}`);
  }
  const line = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as RuntimeRun;
}

const WORKERD_DATE = "2025-09-01";
const PROBE_WORKER = `export default { fetch: () => new Response("ok") };`;

/** Cloudflare Workers: workerd through Miniflare, each delivery sent as a real HTTP request to the worker. */
const workerd: RuntimeHost = {
  name: "workerd (Miniflare)",
  runtime: "workerd",
  bundled: true,
  async run(bundles, cases) {
    let mf: Miniflare;
    // workerd prints why a worker failed to load on its stderr, not in the error Miniflare throws.
    let stderr = "";
    const common = {
      modules: true,
      compatibilityDate: WORKERD_DATE,
      handleRuntimeStdio: (out: Readable, err: Readable) => {
        out.resume();
        err.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString("utf8")).slice(-4_000)));
      },
    };
    try {
      // workerd itself, on a worker that cannot fail: only this failing means the runtime is unavailable.
      mf = new Miniflare({ ...common, script: PROBE_WORKER });
      await mf.ready;
    } catch (error) {
      throw new RuntimeUnavailableError(`workerd cannot start: ${(error as Error).message}`);
    }
    try {
      // No nodejs_compat flag: the worker has no Node APIs at all. A bundle that fails to load here fails the test.
      await mf.setOptions({ ...common, script: bundles.esm }).catch((error: unknown) => {
        throw new Error(`workerd started but could not load the app: ${(error as Error).message}\n${stderr}`, { cause: error });
      });
      const results: RuntimeResult[] = [];
      for (const c of cases) {
        const response = await mf.dispatchFetch(`http://runtime.test${c.path}`, { method: c.method, headers: c.headers, body: Buffer.from(c.bodyBase64, "base64") });
        results.push(await caseResult(response as unknown as Response));
      }
      const probe = await mf.dispatchFetch(`http://runtime.test${DESCRIBE_PATH}`);
      return { description: (await probe.json()) as RuntimeDescription, results };
    } finally {
      await mf.dispose();
    }
  },
};

/** Bun, from the `bun` npm package. */
const bun: RuntimeHost = {
  name: "Bun",
  runtime: "bun",
  bundled: true,
  run: (bundles, cases) => withTempDir(async (dir) => runBinary("bun", ["run", await writeDriver(dir, bundles, cases)])),
};

/** Deno, from the `deno` npm package; no permissions granted. */
const deno: RuntimeHost = {
  name: "Deno",
  runtime: "deno",
  bundled: true,
  run: (bundles, cases) =>
    withTempDir(async (dir) =>
      runBinary("deno", ["run", "--no-config", "--no-lock", "--no-prompt", "--quiet", await writeDriver(dir, bundles, cases)], {
        DENO_DIR: join(dir, ".deno"),
        DENO_NO_UPDATE_CHECK: "1",
      }),
    ),
};

/** Vercel's edge-runtime (`@edge-runtime/vm`): the classic-script bundle evaluated in an EdgeVM context. */
const edgeRuntime: RuntimeHost = {
  name: "edge-runtime",
  runtime: "edge-runtime",
  bundled: true,
  async run(bundles, cases) {
    let vm: EdgeVM;
    try {
      vm = new EdgeVM();
    } catch (error) {
      throw new RuntimeUnavailableError(`edge-runtime cannot start: ${(error as Error).message}`);
    }
    vm.evaluate(bundles.iife);
    const json = (await vm.evaluate(
      `${IIFE_GLOBAL}.runCases(${JSON.stringify(cases)}).then((results) => JSON.stringify({ description: ${IIFE_GLOBAL}.describeRuntime(), results }))`,
    )) as string;
    return JSON.parse(json) as RuntimeRun;
  },
};

/** Node, with the Web bundle: the same Web Crypto code the edge runtimes got. */
const nodeBundled: RuntimeHost = {
  name: "Node (Web bundle)",
  runtime: "node",
  bundled: true,
  run: (bundles, cases) =>
    withTempDir(async (dir) => {
      const file = join(dir, "app.mjs");
      await writeFile(file, bundles.esm);
      const app = (await import(pathToFileURL(file).href)) as { runCases: (c: readonly RuntimeCase[]) => Promise<RuntimeResult[]>; describeRuntime: () => RuntimeDescription };
      return { results: await app.runCases(cases), description: app.describeRuntime() };
    }),
};

/** Node, importing the packages as Node resolves them (core's `node` condition: node:crypto). */
const nodeNative: RuntimeHost = {
  name: "Node (packages)",
  runtime: "node",
  bundled: false,
  async run(_bundles, cases, vendors) {
    const specs = await Promise.all(
      vendors.map(async (v) => {
        const module = (await import(v.module)) as Record<string, unknown>;
        return { id: v.id, factory: module[v.factory] as ProviderFactory, credentials: v.credentials };
      }),
    );
    const app = createRuntimeApp(specs, RUNTIME_MAX_BODY_BYTES);
    return { results: await app.runCases(cases), description: app.describe() };
  },
};

/** Every runtime of the test, Node first (the reference). */
export const runtimeHosts: readonly RuntimeHost[] = [nodeNative, nodeBundled, workerd, bun, deno, edgeRuntime];
