import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The monorepo root (where the root package.json and node_modules are). */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The fields of a package.json the packaging tests read. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly type?: string;
  readonly sideEffects?: boolean | readonly string[];
  readonly engines?: Readonly<Record<string, string>>;
  readonly repository?: { readonly type: string; readonly url: string; readonly directory?: string };
  readonly keywords?: readonly string[];
  readonly publishConfig?: Readonly<Record<string, unknown>>;
  readonly files?: readonly string[];
  readonly exports?: unknown;
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { optional?: boolean }>>;
}

/** One publishable workspace package under packages/. */
export interface WorkspacePackage {
  /** Folder name under packages/, e.g. `core`. */
  readonly id: string;
  /** Absolute folder. */
  readonly dir: string;
  readonly manifest: Manifest;
}

/** A package packed with `npm pack`: its tarball and the files npm put in it. */
export interface PackedPackage extends WorkspacePackage {
  readonly tarball: string;
  readonly files: readonly string[];
}

const EXPORT_STATEMENT = /\bexport\s*\{[^}]*\w[^}]*\}|\bexport\s+(?:const|function|class|async|let)\b/;

/**
 * Whether a package has been built into something worth publishing: an ESM
 * entry that exports at least one name, and its CJS and type twins. Packages
 * still being written (no dist yet, or an empty stub) are left out of the
 * packaging and runtime tests until they are built.
 */
export function hasBuiltEntry(dir: string): boolean {
  const entry = join(dir, "dist/index.js");
  if (!["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"].every((file) => existsSync(join(dir, file)))) return false;
  return EXPORT_STATEMENT.test(readFileSync(entry, "utf8"));
}

/** Every package the root package.json lists as a workspace under packages/, in that order. */
export function workspacePackages(): WorkspacePackage[] {
  const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { workspaces: string[] };
  const folders = root.workspaces.filter((w) => w.startsWith("packages/") && !w.includes("*"));
  const listed = new Set(folders.map((w) => w.slice("packages/".length)));
  // A folder under packages/ that the workspaces forgot is a mistake too: include it so the tests name it.
  for (const id of readdirSync(join(repoRoot, "packages"))) if (existsSync(join(repoRoot, "packages", id, "package.json"))) listed.add(id);
  return [...listed].map((id) => {
    const dir = join(repoRoot, "packages", id);
    return { id, dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest };
  });
}

/** The workspace packages that are built (see {@link hasBuiltEntry}) and not private. */
export function publishablePackages(): WorkspacePackage[] {
  return workspacePackages().filter((p) => !p.manifest.private && hasBuiltEntry(p.dir));
}

/**
 * Packs packages with one `npm pack` run (the way `npm publish` would build
 * the tarball: `files`, lifecycle scripts skipped) into `destination`.
 */
export async function packWorkspaces(packages: readonly WorkspacePackage[], destination: string): Promise<PackedPackage[]> {
  const args = ["pack", "--json", "--ignore-scripts", "--pack-destination", destination, ...packages.flatMap((p) => ["--workspace", `packages/${p.id}`])];
  const { stdout } = await run("npm", args, { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024, env: quietNpmEnv() });
  const results = JSON.parse(stdout) as { name: string; filename: string; files: { path: string }[] }[];
  return packages.map((p) => {
    const packed = results.find((r) => r.name === p.manifest.name);
    if (!packed) throw new Error(`npm pack produced no tarball for ${p.manifest.name}`);
    return { ...p, tarball: join(destination, packed.filename), files: packed.files.map((f) => f.path) };
  });
}

/** npm's environment without update notices, audit or funding chatter. */
export function quietNpmEnv(): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", npm_config_loglevel: "error" };
}
