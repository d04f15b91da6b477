// Shared measuring helpers for the benchmarks: warm-up, rotated rounds, medians.

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
