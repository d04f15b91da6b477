#!/usr/bin/env node
/**
 * Where a server's CPU goes: runs one HTTP benchmark server (bench/support/http-server.mjs)
 * under V8's sampling profiler while autocannon sends it the HTTP suite's 2 KiB signed BLOX
 * delivery, then prints the functions with the most self time and the most inclusive time,
 * as percentages of the samples, with the server's CPU µs per request.
 *
 *   node bench/profile.mjs <node|express|koa|hono|fastify> <bare|floor|cmshooks> [--seconds 5] [--top 25] [--keep DIR]
 *
 * Compare a mode with the floor in the same framework to see what our layer adds. Needs the
 * packages built (`npm run build`). The .cpuprofile is kept in DIR (default: a temp dir, removed)
 * and opens in Chrome DevTools.
 */
import { fork } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { paddedBloxBody } from "./support/blox-delivery.mjs";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: "string", default: "5" }, top: { type: "string", default: "25" }, keep: { type: "string" } },
});
const [framework, mode] = positionals;
if (!framework || !mode) {
  console.error("usage: node bench/profile.mjs <node|express|koa|hono|fastify> <bare|floor|cmshooks> [--seconds 5] [--top 25] [--keep DIR]");
  process.exit(2);
}

const SECRET = "bench-secret";
const body = paddedBloxBody(2048);
const headers = { "content-type": "application/json", "x-hook-signature": createHmac("sha256", SECRET).update(body).digest("base64") };

const dir = args.keep ?? mkdtempSync(join(tmpdir(), "cmshooks-profile-"));
const child = fork(new URL("./support/http-server.mjs", import.meta.url), [framework, mode], {
  env: { ...process.env, BENCH_SECRET: SECRET },
  execArgv: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
});
const port = await new Promise((resolve) => child.once("message", (m) => resolve(m.port)));
const cpu = () => new Promise((resolve) => (child.once("message", (m) => resolve(m.cpu)), child.send("cpu")));
const load = (duration) => autocannon({ url: `http://127.0.0.1:${port}/hooks/blox`, connections: 50, duration, method: "POST", headers, body });

await load(1); // warm-up: the JIT, and the modules loaded on first request
const before = await cpu();
const result = await load(Number(args.seconds));
const cpuPerRequest = ((await cpu()) - before) / result.requests.total;
await new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGINT")));

const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
const profile = JSON.parse(readFileSync(join(dir, file), "utf8"));
if (!args.keep) rmSync(dir, { recursive: true, force: true });

/** Self and inclusive sample time per function (name, file, line), the whole run. */
function timings({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = ({ callFrame: f }) => `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  samples.forEach((id, i) => {
    const dt = timeDeltas[i] ?? 0;
    total += dt;
    self.set(label(byId.get(id)), (self.get(label(byId.get(id))) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = label(byId.get(cur));
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + dt), seen.add(name);
    }
  });
  return { self, inclusive, total };
}

const { self, inclusive, total } = timings(profile);
const top = Number(args.top);
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${name}`);
};
console.log(`${framework} ${mode}: ${Math.round(result.requests.average)} req/s, ${cpuPerRequest.toFixed(1)} server CPU µs/request, ${result.non2xx} non-2xx`);
show("self time", self);
show("inclusive time", inclusive);
