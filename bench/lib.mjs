// Shared measuring helpers for the benchmarks: warm-up, rotated rounds, medians.
import { execFileSync } from "node:child_process";

/** Ends the process, saying why, when valgrind (for the instruction counts) is not installed. */
export function requireValgrind() {
  try {
    execFileSync("valgrind", ["--version"], { stdio: "ignore" });
  } catch {
    console.log("valgrind is not installed: no instruction counts.");
    process.exit(0);
  }
}

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Spread of a sample as (max - min) / median, in percent. */
export function spread(values) {
  const m = median(values);
  return m === 0 ? 0 : ((Math.max(...values) - Math.min(...values)) / m) * 100;
}

/** Time `iterations` awaited calls of `fn`; returns ns per call. */
export async function timeAsync(fn, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn();
  return Number(process.hrtime.bigint() - start) / iterations;
}

/**
 * Runs every contestant for `rounds` rounds in rotated order (so no one always
 * goes first or last), after a warm-up; returns { name: [ns per call per round] }.
 * No garbage collection is forced between rounds: a full one throws away the
 * hidden classes that optimised code depends on (V8 deoptimises it for "weak
 * objects"), so each round would measure re-optimisation, not the steady state.
 */
export async function rotatedRounds(contestants, { rounds, iterations, warmup }) {
  const names = Object.keys(contestants);
  for (const name of names) await timeAsync(contestants[name], warmup);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      samples[name].push(await timeAsync(contestants[name], iterations));
    }
  }
  return samples;
}

/**
 * Each contestant's time ÷ the baseline's, per round (the two ran moments
 * apart, so a machine that slows down for a while slows both), summarised
 * by the median and the interquartile range of those per-round ratios.
 */
export function pairedRatios(samples, baseline) {
  const base = samples[baseline];
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => {
      const ratios = values.map((v, r) => v / base[r]).sort((a, b) => a - b);
      const at = (q) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))];
      return [name, { ratio: median(ratios), low: at(0.25), high: at(0.75) }];
    }),
  );
}

/** A markdown table from a header row and rows. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Parse `--quick` and `--json FILE` from argv. */
export function cliFlags(argv = process.argv.slice(2)) {
  const json = argv.indexOf("--json");
  return { quick: argv.includes("--quick"), json: json >= 0 ? argv[json + 1] : undefined };
}

export const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
