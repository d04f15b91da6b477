// Instructions per delivery, counted by valgrind's callgrind: the deterministic counterpart of the
// timed suites, for a host whose speed moves by ±50 % between seconds. Not part of `npm run bench`
// (it takes about 15 minutes on 2 cores); run it on its own:
//   node bench/instructions.mjs [--quick] [--json FILE]     (after `npm run build`; needs valgrind)
// Each figure is a slope: the count of a run with N₂ deliveries minus one with N₁, over N₂ − N₁, so
// start-up, module loading and the warm-up cancel. Node runs with --single-threaded so that the
// garbage collector's and compiler's work is counted on the thread that causes it.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import http from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { paddedBloxBody } from "./support/blox-delivery.mjs";
import { requireValgrind, cliFlags, fmt, table } from "./lib.mjs";

const { quick, json } = cliFlags();
requireValgrind();
const dir = mkdtempSync(join(tmpdir(), "cmshooks-instructions-"));
const support = (file) => fileURLToPath(new URL(`./support/${file}`, import.meta.url));
let runs = 0;

/** Runs `node args` under callgrind; `during(child)` drives it; resolves with the instructions counted. */
async function counted(args, during) {
  const out = join(dir, `callgrind.${++runs}`);
  const child = spawn("valgrind", ["--tool=callgrind", "--smc-check=all-non-file", `--callgrind-out-file=${out}`, process.execPath, "--single-threaded", ...args], {
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  if (during) await during(child);
  const code = await exited;
  const total = /Collected : (\d+)/.exec(log)?.[1];
  if (code !== 0 || !total) throw new Error(`callgrind run of ${args.join(" ")} failed (${code}): ${log.slice(-500)}`);
  rmSync(out, { force: true });
  return Number(total);
}

/** Instructions per unit between two runs of `measure(n)`, the two run side by side (2 cores). */
async function slope(measure, [n1, n2]) {
  const [a, b] = await Promise.all([measure(n1), measure(n2)]);
  return (b - a) / (n2 - n1);
}

// In-process: the in-process suite's floor and our receiver, native and unified handlers.
const IN_PROCESS = quick ? [2_000, 6_000] : [20_000, 80_000];
const inProcess = [];
for (const kib of quick ? [1] : [1, 2]) {
  const perDelivery = {};
  for (const name of ["floor", "native", "unified"]) {
    perDelivery[name] = await slope((n) => counted([support("deliveries.mjs"), name, String(kib), String(n)]), IN_PROCESS);
  }
  inProcess.push({ kib, ...perDelivery });
}

// node:http: the HTTP suite's floor server and ours, one keep-alive connection sending one delivery at a time
// (with 50 connections the event loop's batching changes the work per request, and the counts with it).
const body = paddedBloxBody(2048);
const SECRET = "bench-secret";
const headers = { "content-type": "application/json", "x-hook-signature": createHmac("sha256", SECRET).update(body).digest("base64"), "content-length": Buffer.byteLength(body) };

async function send(port, count) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, path: "/hooks/blox", method: "POST", headers, agent }, (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
        });
        req.on("error", reject);
        req.end(body);
      });
    }
  } finally {
    agent.destroy();
  }
}

const serve = (mode) => (count) =>
  counted([support("http-server.mjs"), "node", mode], async (child) => {
    const port = await new Promise((resolve) => child.once("message", (m) => resolve(m.port)));
    await send(port, quick ? 500 : 3_000); // warm-up
    await send(port, count);
    child.kill("SIGINT");
  });
const HTTP = quick ? [500, 1_500] : [2_000, 12_000];
const httpFloor = await slope(serve("floor"), HTTP);
const httpOurs = await slope(serve("cmshooks"), HTTP);
rmSync(dir, { recursive: true, force: true });

const k = (n) => `${fmt(n / 1000, 1)} k`;
const rows = inProcess.flatMap(({ kib, floor, native, unified }) => [
  [`in-process, ${kib} KiB`, "native handler", k(floor), k(native), `${fmt(native / floor)}×`],
  [`in-process, ${kib} KiB`, "unified handler", k(floor), k(unified), `${fmt(unified / floor)}×`],
]);
rows.push(["node:http, 2 KiB, one connection", "unified handler", k(httpFloor), k(httpOurs), `${fmt(httpOurs / httpFloor)}×`]);
const out = [
  "### Instructions per delivery (callgrind; slope between two run lengths)",
  "",
  table(["where", "receiver", "floor", "cmshooks", "cmshooks ÷ floor"], rows),
  "",
  "Instructions are not time: a cache miss costs no instruction, and our code touches more memory than the floor's twenty lines.",
  "They do not move with the host's load, so they show what a change does when the timed ratios cannot.",
].join("\n");
console.log(out);
if (json) writeFileSync(json, JSON.stringify({ inProcess, http: { floor: httpFloor, cmshooks: httpOurs } }, null, 2));
