/**
 * How every package installs, checked on the tarball npm would publish:
 * publint, "are the types wrong" under node10 / node16 (CJS and ESM) /
 * bundler resolution, the files the manifest points at, the release metadata,
 * the imports of the built files, and the release plan of the changesets.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { checkPackage, createPackageFromTarballData, type CheckResult } from "@arethetypeswrong/core";
import getReleasePlan from "@changesets/get-release-plan";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryClosure, externalImports, isNodeBuiltin, packageOf } from "./support/pack-dist-imports.js";
import { packWorkspaces, publishablePackages, repoRoot, workspacePackages, type Manifest, type PackedPackage } from "./support/pack-workspaces.js";

/** Packages that are finished and must be checked; the others join as soon as they are built. */
const FINISHED = ["core", "node", "blox", "inbenta", "kapost", "storyblok", "strapi", "express", "koa", "hono", "fastify", "lambda", "testkit"];

/**
 * Packages made for Node only (node:http, raw-body, Fastify, ioredis, BullMQ, the CLI).
 * Every other package's entries must run on Workers, Deno, Bun and browsers:
 * no Node built-in may reach them.
 */
const NODE_ONLY = new Set(["node", "express", "koa", "fastify", "redis", "queue", "testkit"]);

const RESOLUTIONS = ["node10", "node16-cjs", "node16-esm", "bundler"] as const;

const run = promisify(execFile);

const packages = publishablePackages();
let workDir = "";
const packed = new Map<string, PackedPackage>();

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "cmshooks-packaging-"));
  for (const p of await packWorkspaces(packages, workDir)) packed.set(p.id, p);
}, 120_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function tarballOf(id: string): Promise<Buffer> {
  const p = packed.get(id);
  if (!p) throw new Error(`${id} was not packed`);
  return readFile(p.tarball);
}

/** Every file path a manifest points at: exports (all conditions), main, module, types, bin. */
function pointedFiles(manifest: Manifest): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk([manifest.main, manifest.module, manifest.types].filter(Boolean));
  walk(manifest.bin);
  return [...new Set(found.map((f) => f.replace(/^\.\//, "")))];
}

/** The built JavaScript entries a manifest exposes (import and require targets, bin). */
function builtEntries(manifest: Manifest): string[] {
  return pointedFiles(manifest).filter((f) => /\.(c|m)?js$/.test(f));
}

describe("the packages under test", () => {
  it("include every finished package, built", () => {
    const waiting = workspacePackages().filter((p) => !p.manifest.private && !packages.some((q) => q.id === p.id));
    // A package that is not built yet is named, not silently ignored.
    if (waiting.length) console.warn(`packaging: not built yet, not checked: ${waiting.map((p) => p.id).join(", ")}`);
    expect(packages.map((p) => p.id)).toEqual(expect.arrayContaining(FINISHED));
  });
});

describe.each(packages.map((p) => [p.manifest.name, p] as const))("%s", (_name, pkg) => {
  const { id, manifest } = pkg;

  it("passes publint in strict mode (no error, warning or suggestion)", async () => {
    const tarball = await tarballOf(id);
    const { messages } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer }, strict: true });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, manifest) ?? m.code}`)).toEqual([]);
  });

  it("has no type problems under node10, node16 (from CJS and ESM) and bundler resolution (arethetypeswrong)", async () => {
    const result: CheckResult = await checkPackage(createPackageFromTarballData(new Uint8Array(await tarballOf(id))));
    if (!result.types) throw new Error(`${manifest.name} ships no types`);
    expect(result.types.kind).toBe("included");
    expect(result.problems).toEqual([]);
    const root = result.entrypoints["."];
    expect(root, "the package root is an entry point").toBeDefined();
    for (const kind of RESOLUTIONS) {
      const resolved = root!.resolutions[kind];
      expect(resolved.resolution?.isTypeScript, `${kind} resolves types`).toBe(true);
      expect(resolved.implementationResolution?.fileName, `${kind} resolves JavaScript`).toMatch(/\.(c|m)?js$/);
    }
    // CommonJS consumers get CommonJS code and types; ESM consumers get ESM.
    expect(root!.resolutions["node16-cjs"].resolution!.fileName).toMatch(/\.d\.cts$/);
    expect(root!.resolutions["node16-cjs"].implementationResolution!.fileName).toMatch(/\.cjs$/);
    expect(root!.resolutions["node16-esm"].resolution!.fileName).toMatch(/\.d\.ts$/);
    expect(root!.resolutions["node16-esm"].implementationResolution!.fileName).toMatch(/\.js$/);
  });

  it("publishes every file its exports, main, module, types and bin point at, and no sources or tests", () => {
    const files = packed.get(id)!.files;
    for (const file of pointedFiles(manifest)) expect(files, `${file} is in the tarball`).toContain(file);
    expect(files.filter((f) => f.startsWith("src/") || /\.test\.|\.tsbuildinfo$/.test(f))).toEqual([]);
    expect(files).toContain("package.json");
    expect(files, "a README on the npm page").toContain("README.md");
  });

  it("carries the release metadata: MIT licence, ESM type, no side effects, engines, repository, keywords, public access", () => {
    expect(manifest.license).toBe("MIT");
    expect(manifest.type).toBe("module");
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.engines?.node).toMatch(/^>=\s*20/);
    expect(manifest.repository).toMatchObject({ type: "git", url: expect.stringMatching(/^git\+https:\/\//), directory: `packages/${id}` });
    expect(manifest.keywords).toEqual(expect.arrayContaining(["webhooks", "cms"]));
    expect(manifest.publishConfig).toMatchObject({ access: "public" });
    expect(manifest.files).toContain("dist");
    expect(manifest.exports).toHaveProperty(["./package.json"]);
  });

  it("imports at run time and in its types only its dependencies, peer dependencies and (for Node packages) Node built-ins", () => {
    const allowed = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const entries = pointedFiles(manifest).filter((f) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f));
    const stray: string[] = [];
    for (const entry of entries) {
      for (const { specifier, file } of externalImports(join(pkg.dir, entry))) {
        if (isNodeBuiltin(specifier)) continue; // checked by the next test for the Web entries
        if (!allowed.has(packageOf(specifier))) stray.push(`${file.slice(pkg.dir.length + 1)} imports "${specifier}"`);
      }
    }
    expect(stray, "every import is declared in dependencies or peerDependencies").toEqual([]);
  });

  it.skipIf(NODE_ONLY.has(id))("keeps Node built-ins (node:*, crypto, fs, …) out of every entry Web runtimes load", () => {
    const webEntries = builtEntries({ ...manifest, exports: withoutNodeCondition(manifest.exports) });
    expect(webEntries).toContain("dist/index.js");
    const builtins = webEntries.flatMap((entry) =>
      externalImports(join(pkg.dir, entry))
        .filter(({ specifier }) => isNodeBuiltin(specifier))
        .map(({ specifier, file }) => `${file.slice(pkg.dir.length + 1)} imports "${specifier}"`),
    );
    expect(builtins).toEqual([]);
    // Also no `node:` specifier built at run time (e.g. a computed dynamic import) in any file those entries reach.
    for (const entry of webEntries) {
      for (const file of entryClosure(join(pkg.dir, entry)).keys()) expect(readFileSync(file, "utf8"), file).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    }
  });
});

/** The exports map without its `node` branches (what Workers, Deno's npm: and browsers resolve). */
function withoutNodeCondition(exports: unknown): unknown {
  if (Array.isArray(exports)) return exports.map(withoutNodeCondition);
  if (!exports || typeof exports !== "object") return exports;
  return Object.fromEntries(Object.entries(exports).flatMap(([key, value]) => (key === "node" ? [] : [[key, withoutNodeCondition(value)]])));
}

describe("@cmshooks/core", () => {
  const core = packages.find((p) => p.id === "core");

  it("gives Node its node:crypto build through the `node` condition, and everyone else the Web Crypto build", () => {
    const exports = core!.manifest.exports as Record<string, Record<string, unknown>>;
    const conditions = Object.keys(exports["."]!);
    expect(conditions[0], "`node` comes before `import`/`require`").toBe("node");
    const nodeImports = externalImports(join(core!.dir, "dist/node.js")).map((i) => i.specifier);
    expect(nodeImports.some((s) => s === "crypto" || s === "node:crypto")).toBe(true);
    const webImports = externalImports(join(core!.dir, "dist/index.js")).map((i) => i.specifier);
    expect(webImports.filter(isNodeBuiltin)).toEqual([]);
    for (const file of entryClosure(join(core!.dir, "dist/index.js")).keys()) {
      const code = readFileSync(file, "utf8");
      expect(code, file).not.toMatch(/createHmac|timingSafeEqual/);
      if (file.endsWith("index.js")) expect(code, "the Web entry uses Web Crypto").toMatch(/crypto\.subtle/);
    }
  });
});

describe("releases (Changesets)", () => {
  it("version every package together from the pending changesets, and never the private examples", async (ctx) => {
    const plan = await getReleasePlan(repoRoot);
    const released = plan.releases.filter((r) => r.type !== "none");
    if (!plan.changesets.length) ctx.skip("no changeset pending (all released)");
    const publishable = workspacePackages().filter((p) => !p.manifest.private);
    expect(released.map((r) => r.name).sort()).toEqual(publishable.map((p) => p.manifest.name).sort());
    expect(new Set(released.map((r) => r.newVersion)).size, "one version for all (fixed group)").toBe(1);
    expect(released.filter((r) => r.name.startsWith("@cmshooks-example/"))).toEqual([]);
  });

  it("configure a public, fixed @cmshooks/* group with generated changelogs", () => {
    const config = JSON.parse(readFileSync(join(repoRoot, ".changeset/config.json"), "utf8")) as Record<string, unknown>;
    expect(config).toMatchObject({ access: "public", fixed: [["@cmshooks/*"]], baseBranch: "main", changelog: "@changesets/cli/changelog" });
  });
});

describe("size report (scripts/size.mjs)", () => {
  it("prints a markdown table and writes JSON with raw and gzip bytes of every built package's ESM entry", async () => {
    const json = join(workDir, "size.json");
    const { stdout } = await run(process.execPath, [join(repoRoot, "scripts/size.mjs"), "--json", json], { cwd: repoRoot, timeout: 60_000 });
    expect(stdout).toMatch(/^\| package \| ESM entry \| bytes \| gzip \|/m);
    const report = JSON.parse(await readFile(json, "utf8")) as { packages: { name: string; bytes: number; gzip: number; minifiedGzip: number }[] };
    for (const p of packages) {
      const row = report.packages.find((r) => r.name === p.manifest.name);
      expect(row, `${p.manifest.name} is measured`).toBeDefined();
      expect(row!.gzip).toBeGreaterThan(0);
      expect(row!.gzip).toBeLessThan(row!.bytes);
      expect(row!.minifiedGzip).toBeLessThanOrEqual(row!.gzip);
      expect(stdout).toContain(`| ${p.manifest.name} |`);
    }
  });
});
