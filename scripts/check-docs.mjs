#!/usr/bin/env node
/**
 * Checks the API documentation of every package the way TypeDoc sees it:
 *
 * - every exported symbol has a TSDoc comment with a summary;
 * - every exported function, class and constant also has an `@example`.
 *
 * Members of exported types (interface properties, zod schema shapes) are
 * not checked one by one: TypeDoc's own `validation.notDocumented` walks into
 * every inferred zod shape and drowns the real gaps in noise.
 *
 * For speed it converts every package's src/index.ts in one TypeScript
 * program (scripts/tsconfig.docs.json); `npm run docs` (typedoc.json) renders
 * the same entry points package by package.
 *
 * Usage:
 *   node scripts/check-docs.mjs                      all packages under packages/
 *   node scripts/check-docs.mjs --packages core,blox only these
 *   node scripts/check-docs.mjs --json               machine-readable findings on stdout
 * Exits 1 when something is missing.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Application, LogLevel, ReflectionKind } from "typedoc";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Kinds that must show how they are used. */
const NEEDS_EXAMPLE = ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Variable;

function parseArgs(argv) {
  const options = { packages: undefined, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") options.json = true;
    else if (argv[i] === "--packages") options.packages = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (argv[i].startsWith("--packages=")) options.packages = argv[i].slice("--packages=".length).split(",").filter(Boolean);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return options;
}

/** The comments that document a reflection: its own, and its call or construct signatures'. */
function commentsOf(reflection) {
  const signatures = [...(reflection.signatures ?? []), ...(reflection.type?.declaration?.signatures ?? [])];
  const constructor = reflection.children?.find((c) => c.kindOf(ReflectionKind.Constructor));
  return [reflection.comment, ...signatures.map((s) => s.comment), ...(constructor?.signatures ?? []).map((s) => s.comment)].filter(Boolean);
}

const hasSummary = (comment) => comment.summary.some((part) => part.text.trim() !== "");
const hasExample = (comment) => comment.blockTags.some((tag) => tag.tag === "@example" && tag.content.some((part) => part.text.trim() !== ""));

/** What is missing on one exported symbol, or undefined. */
function findingFor(reflection) {
  const comments = commentsOf(reflection);
  const kind = ReflectionKind.singularString(reflection.kind);
  if (!comments.some(hasSummary)) return { name: reflection.name, kind, missing: "documentation" };
  if (reflection.kindOf(NEEDS_EXAMPLE) && !comments.some(hasExample)) return { name: reflection.name, kind, missing: "@example" };
  return undefined;
}

/** Findings by package name (`@cmshooks/core`: [...]); an empty list means fully documented. */
export async function checkDocs({ packages } = {}) {
  const ids = packages ?? readdirSync(join(root, "packages")).filter((id) => existsSync(join(root, "packages", id, "src/index.ts")));
  const app = await Application.bootstrapWithPlugins({
    entryPoints: ids.map((id) => join(root, "packages", id, "src/index.ts")),
    entryPointStrategy: "resolve",
    tsconfig: join(root, "scripts/tsconfig.docs.json"),
    skipErrorChecking: true,
    excludePrivate: true,
    excludeInternal: true,
    logLevel: LogLevel.Error,
  });
  const project = await app.convert();
  if (!project) throw new Error("TypeDoc could not convert the packages (see the errors above)");
  // One entry point gives a project without modules; several give one module per package ("core/src").
  const modules = ids.length === 1 ? [Object.assign(project, { name: `${ids[0]}/src` })] : (project.children ?? []);
  const findings = {};
  for (const module of modules) {
    const id = module.name.replace(/\/src$/, "");
    const name = JSON.parse(readFileSync(join(root, "packages", id, "package.json"), "utf8")).name;
    findings[name] = (module.children ?? []).filter((child) => !child.kindOf(ReflectionKind.Reference)).map(findingFor).filter(Boolean);
  }
  return findings;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const options = parseArgs(process.argv.slice(2));
  const findings = await checkDocs(options);
  const total = Object.values(findings).reduce((n, list) => n + list.length, 0);
  if (options.json) {
    console.log(JSON.stringify(findings, null, 2));
  } else {
    for (const [name, list] of Object.entries(findings)) {
      console.log(`${list.length ? "✗" : "✓"} ${name}${list.length ? `: ${list.length} export(s) need docs` : ""}`);
      for (const f of list) console.log(`    ${f.name} (${f.kind}): missing ${f.missing}`);
    }
    console.log(total ? `\n${total} export(s) are missing documentation or an @example.` : "\nEvery export is documented, with an @example where it is callable or a value.");
  }
  process.exitCode = total ? 1 : 0;
}
