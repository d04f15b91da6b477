#!/usr/bin/env node
/**
 * `npm run mutate [module…]`: runs StrykerJS (stryker.config.mjs) over each
 * module of scripts/mutation-modules.mjs in turn, or only the ones named, each
 * incremental on its own file, then writes test/MUTATION.md from every module's
 * latest report. Extra Stryker flags go after `--`: `npm run mutate -- auth -- --concurrency 1`.
 */
import { spawnSync } from "node:child_process";
import { MUTATION_MODULES } from "./mutation-modules.mjs";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const names = split < 0 ? args : args.slice(0, split);
const extra = split < 0 ? [] : args.slice(split + 1);
const unknown = names.filter((n) => !(n in MUTATION_MODULES));
if (unknown.length) {
  console.error(`Unknown module(s): ${unknown.join(", ")}. Known: ${Object.keys(MUTATION_MODULES).join(", ")}`);
  process.exit(2);
}

let failed = false;
for (const name of names.length ? names : Object.keys(MUTATION_MODULES)) {
  console.log(`\n=== mutation testing: ${name}`);
  const result = spawnSync("npx", ["stryker", "run", ...extra], { stdio: "inherit", env: { ...process.env, MUTATION_MODULE: name } });
  if (result.status !== 0) failed = true;
}
const report = spawnSync(process.execPath, ["scripts/mutation-report.mjs"], { stdio: "inherit" });
process.exit(failed || report.status !== 0 ? 1 : 0);
