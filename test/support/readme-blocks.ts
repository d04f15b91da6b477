import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The fence's language: `ts`, `sh`, … */
  readonly lang: string;
  readonly code: string;
  /** The `## ` heading the block sits under. */
  readonly section: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /**
   * The HTML comment marker right before the fence, e.g. `fragment` for `<!-- fragment -->`.
   * test/readme-blocks.test.ts reads `fragment`, `continued` and `run`.
   */
  readonly marker: string | undefined;
}

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The fenced code blocks of a Markdown file (path relative to the repository root).
 *
 * @example
 * ```ts
 * const [server] = codeBlocks("README.md").filter((b) => b.section === "Use");
 * ```
 */
export function codeBlocks(path: string): CodeBlock[] {
  const lines = readFileSync(new URL(path, `file://${REPO_ROOT}`), "utf8").split("\n");
  const blocks: CodeBlock[] = [];
  let section = "";
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{1,6} (.*)$/.exec(lines[i]!);
    if (heading) section = heading[1]!.trim();
    const fence = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    const before = lines.slice(0, start).reverse().find((l) => l.trim() !== "");
    const marker = before ? /^<!--\s*([\w-]+)\s*-->$/.exec(before.trim())?.[1] : undefined;
    blocks.push({ lang: fence[1] ?? "", code: body.join("\n"), section, line: start + 1, marker });
  }
  return blocks;
}

const SKIPPED_DIRS = new Set(["node_modules", "dist", ".git", ".tmp", ".turbo", "coverage", "docs", "reports", ".stryker-tmp", ".next"]);

/**
 * Every README.md of the repository (paths relative to its root, sorted), outside dependencies and
 * build output.
 *
 * @example
 * ```ts
 * for (const path of readmeFiles()) console.log(path, codeBlocks(path).length);
 * ```
 */
export function readmeFiles(dir = REPO_ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) found.push(...readmeFiles(join(dir, entry.name)));
    else if (entry.isFile() && entry.name === "README.md") found.push(relative(REPO_ROOT, join(dir, entry.name)));
  }
  return found.sort();
}
