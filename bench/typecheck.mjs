// Type-checking cost of cmshooks in a small app: `tsc --noEmit` of an Express app written by hand
// (HMAC or a secret header, payload types written by hand) against the same app with
// @cmshooks/express + a vendor package and typed handlers.
//
// Run: npm run build && node bench/typecheck.mjs [--quick] [--json FILE]
//
// Pairs (sources in bench/support/typecheck/, one tsconfig each, strict, skipLibCheck as most apps):
// - Kontent.ai: a hand-written HMAC route vs @cmshooks/kontent with a unified handler narrowed by nativeEvent.
// - Contensis: a hand-written secret-header route vs @cmshooks/contensis with a typed subscription
//   (a template with a pointer schema), a native handler and a unified one.
// Each project runs `tsc --noEmit --extendedDiagnostics` several times in rotated order; the table gives
// the medians of the whole command's CPU time (user + system of the process: Node start-up, loading tsc,
// parse, bind, check), of tsc's own "Total time" (wall clock) and "Check time", the instantiation and type
// counts (the same on every run), and with ÷ without. Goal: CPU time ≤ 1.3× (wall clock moves too much on
// a shared machine to judge by; it is shown for reference). A type error in any project fails the suite.
//
// stdout: one markdown table. stderr: progress. --json FILE: the raw figures.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cliFlags, fmt, median, spread, table } from "./lib.mjs";

const { quick, json } = cliFlags();
const RUNS = quick ? 2 : 5;
const GOAL = 1.3;
const dir = fileURLToPath(new URL("./support/typecheck/", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/lib/tsc.js");
const runner = `${dir}run-tsc.cjs`;

const pairs = [
  { app: "Express + Kontent.ai", without: "express-hmac", with: "express-kontent" },
  { app: "Express + Contensis (typed subscription)", without: "express-contensis-hand", with: "express-contensis" },
];

/** One `tsc --noEmit --extendedDiagnostics` of a project: its figures, or an exit with the compiler's output. */
function typecheck(project) {
  const run = spawnSync(process.execPath, [runner, tsc, "-p", `${dir}tsconfig.${project}.json`, "--noEmit", "--extendedDiagnostics"], { encoding: "utf8" });
  const read = (label, text = run.stdout) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(text);
    return match ? Number(match[1]) : NaN;
  };
  if (run.status !== 0) {
    console.error(`tsc failed for ${project} (exit ${run.status}):\n${run.stdout.split("\n").filter((l) => /error TS/.test(l)).join("\n")}`);
    process.exit(1);
  }
  return { cpu: read("CPU time", run.stderr), total: read("Total time"), check: read("Check time"), instantiations: read("Instantiations"), types: read("Types") };
}

const projects = pairs.flatMap((p) => [p.without, p.with]);
const samples = Object.fromEntries(projects.map((p) => [p, []]));
for (let round = 0; round < RUNS; round++) {
  for (let k = 0; k < projects.length; k++) {
    const project = projects[(round + k) % projects.length];
    samples[project].push(typecheck(project));
  }
  console.error(`typecheck: round ${round + 1}/${RUNS}`);
}

const summary = (project) => {
  const runs = samples[project];
  const cpu = runs.map((r) => r.cpu);
  return {
    cpu: median(cpu),
    spread: spread(cpu),
    total: median(runs.map((r) => r.total)),
    check: median(runs.map((r) => r.check)),
    instantiations: runs[0].instantiations,
    types: runs[0].types,
  };
};

const rows = [];
const results = [];
for (const pair of pairs) {
  const without = summary(pair.without);
  const withCmshooks = summary(pair.with);
  const ratio = withCmshooks.cpu / without.cpu;
  const wallRatio = withCmshooks.total / without.total;
  results.push({ ...pair, without, with: withCmshooks, ratio, wallRatio });
  const cells = (s) => [`${fmt(s.cpu)} s ±${fmt(s.spread, 0)}%`, `${fmt(s.total)} s`, `${fmt(s.check)} s`, s.instantiations, s.types];
  rows.push([pair.app, "by hand", ...cells(without), "1.00×", "1.00×", ""]);
  rows.push([pair.app, "cmshooks", ...cells(withCmshooks), `${fmt(ratio)}×`, `${fmt(wallRatio)}×`, ratio <= GOAL ? "met" : "not met"]);
}

console.log(`### \`tsc --noEmit\` of a small app, with and without cmshooks (median of ${RUNS} runs)\n`);
console.log(
  table(["app", "written", "CPU time", "tsc total (wall)", "check time", "instantiations", "types", "CPU ÷ by hand", "wall ÷ by hand", `goal: CPU ≤ ${GOAL}×`], rows),
);
console.log(
  "\nCPU time is the whole `tsc --noEmit` process (Node start-up included); tsc total is its own wall clock (parse, bind, check). " +
    "Both apps load @types/node and @types/express; the cmshooks one also loads zod's declarations and the packages'. " +
    "Sources: bench/support/typecheck/.",
);
if (json) writeFileSync(json, JSON.stringify({ runs: RUNS, results, samples }, null, 2));
