#!/usr/bin/env node
/**
 * Writes test/MUTATION.md from the latest Stryker report of each module
 * (reports/mutation/<module>.json, written by `npm run mutate`): the score per
 * module and every surviving or uncovered mutant. Survivors listed in
 * test/MUTANTS.md (as `path:line:column Mutator`, with the reason they are
 * equivalent) are marked as accounted for. A module whose report is not here
 * (a fresh clone) is read from its committed incremental file, which holds the
 * same mutants as of its last run. A `## Notes` section at the end of
 * test/MUTATION.md is written by hand and kept.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { MUTATION_MODULES } from "./mutation-modules.mjs";

const GOAL = 90;
const listed = existsSync("test/MUTANTS.md") ? readFileSync("test/MUTANTS.md", "utf8") : "";
const keyOf = (file, m) => `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`;
const oneLine = (text) => text.replace(/\s+/g, " ").slice(0, 80);

const rows = [];
const survivors = [];
for (const name of Object.keys(MUTATION_MODULES)) {
  const fresh = `reports/mutation/${name}.json`;
  const path = existsSync(fresh) ? fresh : `reports/stryker-incremental-${name}.json`;
  if (!existsSync(path)) {
    rows.push(`| ${name} | not run yet | | | | | | |`);
    continue;
  }
  const report = JSON.parse(readFileSync(path, "utf8"));
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
  let equivalent = 0;
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (m.status in count) count[m.status]++;
      else count.other++;
      if (m.status === "Survived" || m.status === "NoCoverage") {
        const key = keyOf(file, m);
        const isListed = listed.includes(key);
        if (isListed) equivalent++;
        survivors.push({ name, key, status: m.status, replacement: m.replacement ?? "", isListed });
      }
    }
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  const score = valid ? (100 * detected) / valid : 100;
  const accounted = valid ? (100 * (detected + equivalent)) / valid : 100;
  const when = path === fresh ? `${statSync(path).mtime.toISOString().slice(0, 16).replace("T", " ")} UTC` : "its committed incremental file";
  rows.push(
    `| ${name} | ${valid} | ${count.Killed} | ${count.Timeout} | ${count.Survived} | ${count.NoCoverage} | **${score.toFixed(1)} %**${equivalent ? ` (${accounted.toFixed(1)} % with ${equivalent} equivalent)` : ""} | ${accounted >= GOAL ? "met" : "not met"} (${when}) |`,
  );
}

const lines = [
  "# Mutation testing",
  "",
  "Written by `npm run mutate` (scripts/mutate.mjs, StrykerJS with the vitest runner, stryker.config.mjs) from the latest run of each module.",
  `Score = killed + timed out, over every mutant that compiled. Goal: ${GOAL} %, counting the survivors that test/MUTANTS.md lists as equivalent.`,
  "",
  "| module | mutants | killed | timed out | survived | no coverage | score | goal (run at) |",
  "|---|---|---|---|---|---|---|---|",
  ...rows,
  "",
  "## Surviving and uncovered mutants",
  "",
  survivors.length ? "| module | where, mutator | status | replacement | in MUTANTS.md |\n|---|---|---|---|---|" : "None.",
  ...survivors.map((s) => `| ${s.name} | \`${s.key}\` | ${s.status} | \`${oneLine(s.replacement).replace(/\|/g, "\\|")}\` | ${s.isListed ? "equivalent" : "**to kill**"} |`),
  "",
];
const previous = existsSync("test/MUTATION.md") ? readFileSync("test/MUTATION.md", "utf8") : "";
const notesAt = previous.indexOf("\n## Notes");
writeFileSync("test/MUTATION.md", lines.join("\n") + (notesAt >= 0 ? previous.slice(notesAt + 1) : ""));
console.log(`wrote test/MUTATION.md (${survivors.length} survivors, ${survivors.filter((s) => s.isListed).length} listed as equivalent)`);
