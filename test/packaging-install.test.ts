/**
 * Pack, install and use: every built package is packed with `npm pack`,
 * installed from its tarball into a fresh project in the OS temp folder (its
 * third-party dependencies come from the npm registry, through npm's cache),
 * and used from ESM, CommonJS, TypeScript and the `cmshooks` bin. A file
 * missing from `files`, a wrong `exports` path or a dependency that only the
 * monorepo has fails here.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumerCjs, consumerCts, consumerEsm, consumerMts, consumerTsconfig } from "./support/pack-consumer.js";
import { packWorkspaces, publishablePackages, quietNpmEnv, repoRoot, type PackedPackage } from "./support/pack-workspaces.js";
import { isSpawnFailure, runtimeBinary, RuntimeUnavailableError, unavailable } from "./support/runtime-binaries.js";

const run = promisify(execFile);
const INSTALL_TIMEOUT_MS = 150_000;
/** Each check runs a process in the installed app; generous, as the suite shares two cores with everything else. */
// tsc over every package's declarations (ten vendors, six adapters) takes 30-40 s of CPU on these machines; room for a loaded one.
const CHECK_TIMEOUT_MS = 240_000;

let app = "";
let packed: PackedPackage[] = [];
let names: string[] = [];
const installStarted = Date.now();

/** The exact version of a dev tool the monorepo has installed (so npm finds it in its cache). */
function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), "cmshooks-install-"));
  const tarballs = join(app, "tarballs");
  await mkdir(tarballs);
  packed = await packWorkspaces(publishablePackages(), tarballs);
  names = packed.map((p) => p.manifest.name);
  const dependencies: Record<string, string> = Object.fromEntries(packed.map((p) => [p.manifest.name, `file:${p.tarball}`]));
  await writeFile(
    join(app, "package.json"),
    JSON.stringify({
      name: "cmshooks-install-check",
      private: true,
      // Only @types/node beyond our own tarballs: every other package (zod, raw-body, express, hono, …) must come
      // from the dependencies and peer dependencies our manifests declare.
      dependencies: { ...dependencies, "@types/node": installedVersion("@types/node") },
      // Our packages depend on each other by version: make npm use these tarballs, never the registry, for them.
      overrides: Object.fromEntries(names.map((name) => [name, `$${name}`])),
    }),
  );
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock"], {
    cwd: app,
    env: quietNpmEnv(),
    timeout: INSTALL_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  console.info(`packaging-install: packed and installed ${names.length} packages in ${((Date.now() - installStarted) / 1000).toFixed(1)} s`);
  await writeFile(join(app, "consumer.mjs"), consumerEsm);
  await writeFile(join(app, "consumer.cjs"), consumerCjs);
  await writeFile(join(app, "consumer.mts"), consumerMts);
  await writeFile(join(app, "consumer.cts"), consumerCts);
  await writeFile(join(app, "tsconfig.json"), JSON.stringify(consumerTsconfig, null, 2));
}, INSTALL_TIMEOUT_MS + 30_000);

afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

/** Runs a script in the throw-away app (with Node, or another runtime's command) and parses the JSON line it prints. */
async function runScript(file: string, command: readonly string[] = [process.execPath], env: NodeJS.ProcessEnv = {}): Promise<Record<string, unknown>> {
  const [binary, ...args] = command;
  const { stdout } = await run(binary!, [...args, file, JSON.stringify(names)], { cwd: app, timeout: 30_000, env: { ...process.env, NO_COLOR: "1", ...env } });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
}

/** Bun and Deno running the installed app as their users do: packages from node_modules, resolved with each runtime's own conditions. */
const OTHER_RUNTIMES = [
  { name: "bun" as const, args: [] as string[], env: {} },
  // Deno reads node_modules next to package.json; Express reads the environment; the servers listen on 127.0.0.1 only.
  { name: "deno" as const, args: ["run", "--no-prompt", "--allow-read", "--allow-env", "--allow-net=127.0.0.1"], env: { DENO_NO_UPDATE_CHECK: "1" } },
];

describe("installed from the packed tarballs, outside the workspace", { timeout: CHECK_TIMEOUT_MS }, () => {
  it("installs only from tarballs and the registry: nothing resolves into the monorepo", async () => {
    expect(app.startsWith(repoRoot)).toBe(false);
    const { stdout } = await run("npm", ["ls", "--all", "--parseable"], { cwd: app, env: quietNpmEnv() });
    const paths = stdout.trim().split("\n");
    expect(paths.filter((p) => p.startsWith(repoRoot))).toEqual([]);
    for (const name of names) expect(paths).toContain(join(app, "node_modules", name));
  });

  it("works from ESM: every package imports, BLOX through toNodeHandler and Lambda, and Kapost (basic auth) through Express answer 200/401", async () => {
    const result = await runScript("consumer.mjs");
    for (const name of names) expect(result.exportsOf, `${name} exports names`).toHaveProperty([name], expect.any(Number));
    expect(Object.values(result.exportsOf as Record<string, number>).every((n) => n > 0)).toBe(true);
    expect(result).toMatchObject({ blox200: 200, blox401: 401, kapost200: 200, kapost401: 401, lambda200: 200, lambda401: 401 });
    expect(result.seen).toEqual([expect.any(String), "content.publish"]);
    expect(result.syncCrypto, "Node resolves core's `node` condition (node:crypto)").toBe(true);
  });

  it.for(OTHER_RUNTIMES)("runs the same ESM app under $name, resolving the installed packages its own way", async ({ name, args, env }, ctx) => {
    let result: Record<string, unknown>;
    try {
      result = await runScript("consumer.mjs", [runtimeBinary(name), ...args], env).catch((error: unknown) => {
        throw isSpawnFailure(error) ? new RuntimeUnavailableError(`${name} cannot start: ${(error as Error).message}`) : error;
      });
    } catch (error) {
      return unavailable(error, ctx.skip);
    }
    for (const pkg of names) expect(result.exportsOf, `${pkg} exports names`).toHaveProperty([pkg], expect.any(Number));
    expect(result).toMatchObject({ blox200: 200, blox401: 401, kapost200: 200, kapost401: 401 });
  });

  it("works from CommonJS: every package requires, and deliveries run through receiver.handle and the Fastify plugin", async () => {
    const result = await runScript("consumer.cjs");
    for (const name of names) expect(result.exportsOf, `${name} exports names`).toHaveProperty([name], expect.any(Number));
    expect(Object.values(result.exportsOf as Record<string, number>).every((n) => n > 0)).toBe(true);
    expect(result).toMatchObject({ blox200: 200, blox401: 401, kapost200: 200, fastify200: 200, syncCrypto: true });
  });

  it("type-checks an app using the public API with tsc (NodeNext resolution, .mts and .cts, library declarations included)", async () => {
    const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
    const result = await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app, timeout: CHECK_TIMEOUT_MS }).then(
      () => "",
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`,
    );
    expect(result).toBe("");
  });

  it("runs the `cmshooks` bin from the testkit", async () => {
    const { stdout } = await run(join(app, "node_modules/.bin/cmshooks"), ["--help"], { cwd: app, timeout: 30_000 });
    expect(stdout).toMatch(/send/);
    expect(stdout).toMatch(/sign/);
  });
});
