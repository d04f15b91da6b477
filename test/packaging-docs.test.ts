/**
 * Documentation a user meets before the code: each package's README (what
 * npm shows), and the API reference TypeDoc builds from the TSDoc comments
 * (`npm run docs`), where every export must be documented and every
 * function, class and constant must carry an `@example`.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Application, LogLevel } from "typedoc";
import { describe, expect, it } from "vitest";
import { publishablePackages, repoRoot } from "./support/pack-workspaces.js";

const run = promisify(execFile);

/** Packages that receive one sender's webhooks: their README also documents options, events, authentication and what is unconfirmed. */
const VENDOR_PACKAGES = new Set(["blox", "kontent", "contensis", "inbenta", "kapost", "storyblok", "strapi"]);

const packages = publishablePackages();

/** A README's `## ` sections by heading. */
function sections(readme: string): { heading: string; body: string }[] {
  return readme
    .split(/^## /m)
    .slice(1)
    .map((part) => ({ heading: part.slice(0, part.indexOf("\n")).trim(), body: part.slice(part.indexOf("\n") + 1) }));
}

const TABLE = /^\|.+\|\s*\n\|(?:\s*:?-{3,}:?\s*\|)+\s*$/m;
const fences = (readme: string, languages: string) => [...readme.matchAll(new RegExp("^```(?:" + languages + ")\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1]!);

describe.each(packages.map((p) => [p.manifest.name, p] as const))("README of %s", (name, pkg) => {
  const file = join(pkg.dir, "README.md");
  const readme = existsSync(file) ? readFileSync(file, "utf8") : "";

  it("exists, titled with the package name", () => {
    expect(existsSync(file), `${file} exists`).toBe(true);
    expect(readme.split("\n")[0]).toBe(`# ${name}`);
  });

  it("shows how to install it", () => {
    const installs = fences(readme, "sh|bash|shell|console").filter((block) => new RegExp(`\\b(npm (install|i)|pnpm add|yarn add|bun add)\\b[^\\n]*\\s${name}(\\s|$)`).test(block));
    expect(installs.length, `an install command for ${name} in a sh block`).toBeGreaterThan(0);
  });

  it("has a TypeScript example that imports it", () => {
    const examples = fences(readme, "ts|typescript|js|javascript").filter((block) => block.includes(`from "${name}"`));
    expect(examples.length, `a code block importing from "${name}"`).toBeGreaterThan(0);
  });

  it("has at least one table (options, exports or statuses)", () => {
    expect(readme).toMatch(TABLE);
  });

  it.runIf(VENDOR_PACKAGES.has(pkg.id))("documents the vendor: options table, event table (native → unified), authentication, what is unconfirmed", () => {
    const all = sections(readme);
    const options = all.find((s) => /^options\b/i.test(s.heading));
    expect(options?.body, "an Options section with a table").toMatch(TABLE);
    const events = all.find((s) => /^events\b/i.test(s.heading));
    expect(events?.body, "an Events section with a table").toMatch(TABLE);
    expect(events!.body.split("\n").find((line) => line.startsWith("|"))?.toLowerCase(), "the event table has a unified-event column").toMatch(/\|.*unified/);
    expect(all.map((s) => s.heading).join("\n"), "an authentication section").toMatch(/auth/i);
    expect(all.map((s) => s.heading).join("\n"), "a section on what is not confirmed").toMatch(/confirm/i);
  });
});

describe("API reference (TypeDoc)", () => {
  it("is configured: typedoc.json loads without errors and writes to docs/, which git ignores", async () => {
    const app = await Application.bootstrapWithPlugins({ options: join(repoRoot, "typedoc.json"), logLevel: LogLevel.Error });
    expect(app.logger.hasErrors()).toBe(false);
    expect(app.options.getValue("entryPointStrategy")).toBe("packages");
    expect(app.options.getValue("out")).toBe(join(repoRoot, "docs"));
    expect(readFileSync(join(repoRoot, ".gitignore"), "utf8").split("\n")).toContain("docs/");
  });

  it(
    "documents every export of every built package, with an @example on every function, class and constant (scripts/check-docs.mjs)",
    async () => {
      const ids = packages.map((p) => p.id);
      const { stdout } = await run(process.execPath, [join(repoRoot, "scripts/check-docs.mjs"), "--json", "--packages", ids.join(",")], {
        cwd: repoRoot,
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stdout?: string; stderr?: string }) => {
        // Exit code 1 means findings: they are on stdout. Anything else is a crash.
        if (!error.stdout) throw new Error(`check-docs crashed: ${error.stderr ?? String(error)}`);
        return { stdout: error.stdout };
      });
      const findings = JSON.parse(stdout) as Record<string, { name: string; kind: string; missing: string }[]>;
      expect(Object.keys(findings).sort()).toEqual(packages.map((p) => p.manifest.name).sort());
      const missing = Object.entries(findings).flatMap(([pkg, list]) => list.map((f) => `${pkg}: ${f.name} (${f.kind}) lacks ${f.missing}`));
      expect(missing).toEqual([]);
    },
    150_000,
  );
});
