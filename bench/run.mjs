// Runs every benchmark in one go and writes bench/RESULTS.md.
// Usage: npm run bench            (full, a few minutes on 2 cores)
//        npm run bench -- --quick (smoke run, under a minute)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";

const quick = process.argv.includes("--quick");
const here = fileURLToPath(new URL(".", import.meta.url));
const suites = [
  ["In-process pipeline", "in-process.mjs"],
  ["OpenTelemetry", "otel.mjs"],
  ["HTTP adapters", "http.mjs"],
  ["Memory under abuse", "memory.mjs"],
  ["IP allowlist matcher", "ip-matcher.mjs"],
  ["Constant-time comparisons (dudect)", "constant-time.mjs"],
  ["Dedupe store: Redis vs memory", "redis-dedupe.mjs"],
  ["Queue hand-off latency", "queue-latency.mjs"],
  ["Type-checking cost", "typecheck.mjs"],
  ["Package sizes", "../scripts/size.mjs"],
];

mkdirSync(`${here}.out`, { recursive: true });
const sections = [];
let failed = 0;
for (const [title, script] of suites) {
  const path = `${here}${script}`;
  if (!existsSync(path)) continue;
  const started = Date.now();
  process.stderr.write(`bench: ${title} …\n`);
  const run = spawnSync(process.execPath, [path, ...(quick ? ["--quick"] : [])], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (run.status !== 0) {
    failed++;
    sections.push(`## ${title}\n\nFailed (exit ${run.status}) after ${seconds} s.\n`);
    continue;
  }
  process.stdout.write(`${run.stdout}\n`);
  sections.push(`## ${title}\n\n${run.stdout.trim()}\n\n_(${seconds} s)_\n`);
}

const header = [
  "# Benchmark results",
  "",
  `Measured ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}${quick ? ", quick mode" : ""}.`,
  "Every figure is a ratio or a median measured in this one run; see bench/README.md for what each means.",
  "",
].join("\n");
writeFileSync(`${here}RESULTS.md`, `${header}\n${sections.join("\n")}`);
process.stderr.write(`bench: wrote bench/RESULTS.md${failed ? ` (${failed} suite(s) failed)` : ""}\n`);
process.exit(failed ? 1 : 0);
