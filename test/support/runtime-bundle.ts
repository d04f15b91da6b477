import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { RUNTIME_MAX_BODY_BYTES, type RuntimeVendor } from "./runtime-vendors.js";

const supportDir = fileURLToPath(new URL(".", import.meta.url));

/** The global an IIFE bundle (edge-runtime) assigns the app's exports to. */
export const IIFE_GLOBAL = "cmshooksRuntime";

/** The built app, as Workers/Bun/Deno (ESM) and edge-runtime (a classic script) load it. */
export interface RuntimeBundles {
  readonly esm: string;
  readonly iife: string;
  /** Every file esbuild put in the bundle, relative to the repository root. */
  readonly inputs: readonly string[];
}

/**
 * The entry module: imports each vendor's factory from its package by name,
 * as an app would, and exports the app as a Workers-style `{ fetch }` default
 * plus the in-runtime helpers.
 */
export function runtimeEntrySource(vendors: readonly RuntimeVendor[]): string {
  const imports = vendors.map((v, i) => `import { ${v.factory} as factory${i} } from ${JSON.stringify(v.module)};`);
  const specs = vendors.map((v, i) => `{ id: ${JSON.stringify(v.id)}, factory: factory${i}, credentials: ${JSON.stringify(v.credentials)} }`);
  return [
    `import { createRuntimeApp } from "./runtime-app.ts";`,
    ...imports,
    `const app = createRuntimeApp([${specs.join(", ")}], ${RUNTIME_MAX_BODY_BYTES});`,
    `export default { fetch: (request) => app.fetch(request) };`,
    `export const runCases = (cases) => app.runCases(cases);`,
    `export const describeRuntime = () => app.describe();`,
  ].join("\n");
}

/**
 * Bundles the app with esbuild the way Wrangler and other edge bundlers do:
 * browser platform, `workerd`/`worker`/`browser` conditions, so packages
 * resolve to their Web entries (core's Web Crypto build, never its `node`
 * one). A Node built-in anywhere in the graph fails the build.
 */
export async function bundleRuntimeApp(vendors: readonly RuntimeVendor[]): Promise<RuntimeBundles> {
  const common = {
    stdin: { contents: runtimeEntrySource(vendors), resolveDir: supportDir, sourcefile: "runtime-entry.ts", loader: "ts" as const },
    bundle: true,
    write: false,
    platform: "browser" as const,
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    metafile: true,
    logLevel: "silent" as const,
  };
  const [esm, iife] = await Promise.all([build({ ...common, format: "esm" }), build({ ...common, format: "iife", globalName: IIFE_GLOBAL })]);
  return {
    esm: esm.outputFiles![0]!.text,
    iife: iife.outputFiles![0]!.text,
    inputs: Object.keys((esm.metafile as Metafile).inputs),
  };
}
