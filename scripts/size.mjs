#!/usr/bin/env node
/**
 * Size of each package's built ESM entry (dist/index.js plus the shared
 * chunks it imports), as published: raw and gzip bytes, and the same code
 * minified by esbuild (what a bundler ships; dependencies and peer
 * dependencies such as zod stay external, so the number is this package's own
 * cost).
 *
 * Usage:
 *   node scripts/size.mjs                 prints a markdown table
 *   node scripts/size.mjs --json FILE     also writes the numbers as JSON to FILE
 * Run after a build (`npm run build`).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const options = { json: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") options.json = argv[++i];
    else if (argv[i].startsWith("--json=")) options.json = argv[i].slice("--json=".length);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (options.json === "") throw new Error("--json needs a file name");
  return options;
}

const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;

/** The entry and every file it reaches through relative `import … from "./x.js"` (tsup's shared chunks). */
function entryFiles(entry) {
  const files = [];
  const visit = (file) => {
    if (files.includes(file)) return;
    files.push(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(normalize(join(dirname(file), match[1])));
  };
  visit(entry);
  return files;
}

/** Minifies the entry with esbuild, every bare import (dependencies, peers, node built-ins) left external. */
async function minified(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    minify: true,
    platform: "neutral",
    logLevel: "silent",
    plugins: [{ name: "externals", setup: (b) => b.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true })) }],
  });
  return result.outputFiles[0].contents;
}

export async function measure() {
  const rows = [];
  for (const id of readdirSync(join(root, "packages")).sort()) {
    const dir = join(root, "packages", id);
    const entry = join(dir, "dist/index.js");
    if (!existsSync(join(dir, "package.json")) || !existsSync(entry)) continue;
    const { name, version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const files = entryFiles(entry);
    const raw = Buffer.concat(files.map((f) => readFileSync(f)));
    const min = await minified(entry);
    rows.push({
      name,
      version,
      entry: "dist/index.js",
      files: files.map((f) => f.slice(dir.length + 1)),
      bytes: raw.length,
      gzip: gzip(raw),
      minifiedBytes: min.length,
      minifiedGzip: gzip(min),
    });
  }
  return rows;
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export function markdown(rows) {
  const lines = [
    "| package | ESM entry | bytes | gzip | minified | minified + gzip |",
    "|---|---|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.name} | ${r.files.join(" + ")} | ${r.bytes} (${kib(r.bytes)}) | ${r.gzip} (${kib(r.gzip)}) | ${r.minifiedBytes} | ${r.minifiedGzip} (${kib(r.minifiedGzip)}) |`),
  ];
  return lines.join("\n");
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const options = parseArgs(process.argv.slice(2));
  const rows = await measure();
  if (!rows.length) {
    console.error("No built package found: run `npm run build` first.");
    process.exit(1);
  }
  console.log(markdown(rows));
  console.log("\nESM entry as published (dist/index.js and the chunks it imports); minified with esbuild, dependencies and peers external.");
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({ generatedAt: new Date().toISOString(), packages: rows }, null, 2)}\n`);
    console.log(`Wrote ${options.json}`);
  }
}
