import { readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join, normalize } from "node:path";
import ts from "typescript";

/**
 * Every module specifier a built JavaScript or declaration file imports,
 * re-exports, requires or imports dynamically. TypeScript's scanner reads the
 * file, so the `import` lines inside TSDoc examples are not counted.
 */
export function importSpecifiers(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return [...new Set(importedFiles.map((f) => f.fileName))];
}

/** Whether a specifier names a Node built-in module, with or without the `node:` prefix. */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || isBuiltin(specifier);
}

/** The package a bare specifier belongs to: `zod/v4/core` → `zod`, `@scope/pkg/sub` → `@scope/pkg`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** The file a relative specifier names; in declaration files `./x.js` means `./x.d.ts` (`./x.cjs`, `./x.d.cts`). */
function relativeTarget(from: string, specifier: string): string {
  const target = normalize(join(dirname(from), specifier));
  if (!/\.d\.(c|m)?ts$/.test(from)) return target;
  return target.replace(/\.(c|m)?js$/, (_, kind: string | undefined) => `.d.${kind ?? ""}ts`);
}

/**
 * A built entry and every file it reaches through relative imports (tsup's
 * shared chunks), with the specifiers each one imports.
 */
export function entryClosure(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specifiers = importSpecifiers(file);
    seen.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith(".")) visit(relativeTarget(file, s));
  };
  visit(entry);
  return seen;
}

/** The bare (package or built-in) specifiers an entry reaches, with the file that imports each. */
export function externalImports(entry: string): { specifier: string; file: string }[] {
  return [...entryClosure(entry)].flatMap(([file, specifiers]) => specifiers.filter((s) => !s.startsWith(".")).map((specifier) => ({ specifier, file })));
}
