// Where our instructions go, function by function: the in-process delivery of bench/instructions.mjs,
// ours next to the hand-written floor, each function's own instructions per delivery (slope between two
// run lengths, so start-up, warm-up and compilation cancel). The profile to read before changing the
// pipeline for speed. Not part of `npm run bench`; about 2 minutes on 2 cores:
//   node bench/instructions-by-function.mjs [native|unified|tenant] [--kib N] [--top N] [--event E]   (after `npm run build`; needs valgrind)
// --event counts something else than instructions with callgrind's cache and branch simulation: D1mr
// (first-level data cache read misses), D1mw (write misses), Bcm (mispredicted conditional branches), ….
// JavaScript functions are named from node's --perf-basic-prof map. A function inlined into another
// counts as part of it, so a change can move instructions between rows without changing the total.
import { spawn } from "node:child_process";
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { costsByFunction } from "./support/callgrind-functions.mjs";
import { requireValgrind, fmt, table } from "./lib.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const contestant = args.find((a) => a === "native" || a === "unified" || a === "tenant") ?? "unified";
const kib = option("--kib", 1);
const top = option("--top", 40);
const event = args.includes("--event") ? args[args.indexOf("--event") + 1] : "Ir";
const what = event === "Ir" ? "Instructions" : `${event} (callgrind's ${event.startsWith("B") ? "branch" : "cache"} simulation)`;
const COUNTS = [20_000, 80_000];

requireValgrind();
const dir = mkdtempSync(join(tmpdir(), "cmshooks-by-function-"));
const deliveries = fileURLToPath(new URL("./support/deliveries.mjs", import.meta.url));

/** One callgrind run of `count` deliveries of `name`; resolves with its instructions per function. */
function profile(name, count) {
  const out = join(dir, `${name}.${count}.out`);
  const child = spawn(
    "valgrind",
    ["--tool=callgrind", "--smc-check=all-non-file", "--dump-instr=yes", ...(event === "Ir" ? [] : ["--cache-sim=yes", "--branch-sim=yes"]), `--callgrind-out-file=${out}`, process.execPath,
      "--single-threaded", "--perf-basic-prof", "--no-compact-code-space", deliveries, name, String(kib), String(count)],
    { stdio: ["ignore", "ignore", "pipe"], cwd: dir },
  );
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`callgrind run of ${name} ${count} failed (${code}): ${log.slice(-500)}`));
      // node writes its map as /tmp/perf-<pid>.map; the pid is the one valgrind reports.
      const pid = /==(\d+)==/.exec(log)?.[1];
      const map = join(dir, `${name}.${count}.map`);
      renameSync(join(tmpdir(), `perf-${pid}.map`), map);
      resolve(costsByFunction(out, map, event));
    });
  });
}

/** Each function's count per delivery, as the slope between the two run lengths (the two run side by side). */
async function perDelivery(name) {
  const [short, long] = await Promise.all(COUNTS.map((n) => profile(name, n)));
  const slope = new Map();
  for (const fn of new Set([...short.keys(), ...long.keys()])) slope.set(fn, ((long.get(fn) ?? 0) - (short.get(fn) ?? 0)) / (COUNTS[1] - COUNTS[0]));
  return slope;
}

const floor = await perDelivery("floor");
const ours = await perDelivery(contestant);
rmSync(dir, { recursive: true, force: true });

const total = (m) => [...m.values()].reduce((s, v) => s + v, 0);
// Rows under 20 instructions (or 2 of another event) either way are noise of the slope (the sums include them).
const least = event === "Ir" ? 20 : 2;
const rows = [...new Set([...floor.keys(), ...ours.keys()])]
  .map((fn) => ({ fn, floor: floor.get(fn) ?? 0, ours: ours.get(fn) ?? 0 }))
  .filter((r) => Math.abs(r.ours - r.floor) >= least)
  .sort((a, b) => Math.abs(b.ours - b.floor) - Math.abs(a.ours - a.floor))
  .slice(0, top);
const n = (v) => fmt(v, 0);
console.log(
  [
    `### ${what} per delivery by function: ${contestant} handler vs the floor, ${kib} KiB (callgrind, own count of each function)`,
    "",
    `Total: floor ${n(total(floor))}, ours ${n(total(ours))} (${fmt(total(ours) / total(floor))}×). The ${top} largest differences:`,
    "",
    table(["function", "floor", "ours", "ours − floor"], rows.map((r) => [`\`${r.fn}\``, n(r.floor), n(r.ours), n(r.ours - r.floor)])),
  ].join("\n"),
);
