// Requests/s of our adapters vs each framework's hand-written floor route (read the body, HMAC,
// timingSafeEqual, JSON.parse, one handler call) and its bare route, with autocannon on 127.0.0.1.
// Run: node bench/http.mjs [--quick] [--json FILE] [--frameworks node,express,koa,hono,fastify]
import { execFileSync, fork } from "node:child_process";
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { paddedBloxBody } from "./support/blox-delivery.mjs";
import { cliFlags, fmt, median, spread, table } from "./lib.mjs";

const { quick, json } = cliFlags();
const argv = process.argv.slice(2);
const fwArg = argv.indexOf("--frameworks");
const frameworks = fwArg >= 0 ? argv[fwArg + 1].split(",") : ["node", "express", "koa", "hono", "fastify"];
const SECRET = "bench-secret";
const DURATION = 1;
// Nine rounds, each timing the three servers one after another: the ratio is the median of the rounds' own ratios,
// so a stretch in which the shared host runs slow slows the floor and ours alike, and one disturbed round does not decide.
const ROUNDS = quick ? 2 : 9;
const MODES = ["bare", "floor", "cmshooks"];

// Pin the load generator to core 0 and servers to core 1 where taskset exists.
let pinned = false;
try {
  execFileSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
  pinned = true;
} catch {}

// A 2 KiB signed BLOX delivery.
const body = paddedBloxBody(2048);
const headers = { "content-type": "application/json", "x-hook-signature": createHmac("sha256", SECRET).update(body).digest("base64") };

async function startServer(framework, mode) {
  const child = fork(new URL("./support/http-server.mjs", import.meta.url), [framework, mode], { env: { ...process.env, BENCH_SECRET: SECRET } });
  if (pinned) try { execFileSync("taskset", ["-cp", "1", String(child.pid)], { stdio: "ignore" }); } catch {}
  const port = await new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`${framework}/${mode} server exited with ${code}`)));
  });
  const cpu = () => new Promise((resolve) => { child.once("message", resolve); child.send("cpu"); });
  return { port, cpu, stop: () => child.kill() };
}

async function load(port, duration) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/hooks/blox`,
    connections: 50,
    duration,
    method: "POST",
    headers,
    body,
  });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, total: result.requests.total, non2xx };
}

const rows = [];
const figures = {};
for (const framework of frameworks) {
  const samples = { bare: [], floor: [], cmshooks: [] };
  const cpuPerReq = { bare: [], floor: [], cmshooks: [] };
  let errors = 0;
  // The three servers stay up for the whole comparison (warmed once), and take turns for short rounds.
  const servers = {};
  try {
    for (const mode of MODES) {
      servers[mode] = await startServer(framework, mode);
      await load(servers[mode].port, 1); // warm-up
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 ? [...MODES].reverse() : MODES) {
        const server = servers[mode];
        const before = await server.cpu();
        const r = await load(server.port, DURATION);
        const after = await server.cpu();
        samples[mode].push(r.rps);
        cpuPerReq[mode].push((after.cpu - before.cpu) / Math.max(1, r.total));
        errors += r.non2xx;
        if (mode !== "bare" && after.handled === before.handled) throw new Error(`${framework}/${mode}: no handler ran`);
      }
    }
  } finally {
    for (const server of Object.values(servers)) server.stop();
  }
  const perRound = samples.cmshooks.map((rps, r) => rps / samples.floor[r]);
  const ratio = median(perRound);
  const cpuRatio = median(cpuPerReq.floor.map((floor, r) => floor / cpuPerReq.cmshooks[r]));
  figures[framework] = { samples, cpuPerReq, perRound, ratio, cpuRatio, errors };
  rows.push([
    framework,
    fmt(median(samples.bare), 0),
    fmt(median(samples.floor), 0),
    fmt(median(samples.cmshooks), 0),
    `±${fmt(Math.max(spread(samples.bare), spread(samples.floor), spread(samples.cmshooks)), 0)}%`,
    `${fmt(ratio)}× ${ratio >= 0.9 ? "met" : "not met"}`,
    `${fmt(Math.min(...perRound))}–${fmt(Math.max(...perRound))}`,
    fmt(median(cpuPerReq.bare), 1),
    fmt(median(cpuPerReq.floor), 1),
    fmt(median(cpuPerReq.cmshooks), 1),
    `${fmt(cpuRatio)}×`,
    String(errors),
  ]);
}

const out = [
  `### HTTP: our receiver vs a hand-written floor route in the same framework (2 KiB signed BLOX delivery, unified handler, 50 connections, ${DURATION} s × ${ROUNDS} rounds${pinned ? ", server and load pinned to separate cores" : ""})`,
  "",
  "The floor route reads the body, checks the HMAC with `timingSafeEqual`, parses the JSON, calls one handler and answers 200; the bare route only reads the body.",
  "Requests/s and CPU are medians of the rounds; the ratios are medians of each round's own ratio (the rounds' range beside it). CPU ratio: floor µs ÷ ours, so above 1 means we spend less.",
  "",
  table(["framework", "bare req/s", "floor req/s", "cmshooks req/s", "spread", "cmshooks ÷ floor (goal ≥ 0.90)", "rounds", "bare CPU µs/req", "floor CPU µs/req", "cmshooks CPU µs/req", "CPU floor ÷ ours", "non-2xx / errors"], rows),
].join("\n");
console.log(out);
if (json) writeFileSync(json, JSON.stringify(figures, null, 2));
