#!/usr/bin/env node
/**
 * Requests/s of the full receiver (node:http + toNodeHandler + BLOX: HMAC
 * check, schema, dedupe, one handler) with the Redis dedupe store vs the
 * memory store, in the same run. Every request is a distinct signed delivery,
 * so each takes the whole dedupe path (claim "new", handler, complete).
 *
 *   node bench/redis-dedupe.mjs [--quick] [--json FILE] [--redis redis://127.0.0.1:6379]
 *
 * BENCH_CPU_PROF=DIR writes each receiver's V8 CPU profile to DIR/<store>/ (open it in Chrome DevTools).
 *
 * The Redis receiver's client is created as the README says (`failFastRedisOptions`).
 *
 * Each receiver runs in its own child process; autocannon drives it from this
 * process over 127.0.0.1. Rounds rotate the order of the stores so drift in
 * the machine's load hits each alike; the table gives each round and the
 * median. Needs the packages built (dist/) and a Redis (keys are removed after).
 */
import { execFileSync, fork } from "node:child_process";
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { median, spread } from "./lib.mjs";

const SECRET = "bench-secret-0123456789";
const CONNECTIONS = 32;
const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "string" },
    redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
    serve: { type: "string" },
    prefix: { type: "string" },
  },
});

const VARIANTS = [
  { kind: "memory", label: "memory store" },
  { kind: "redis", label: "Redis store" },
];

/** Child: one receiver with the given store; answers "stats" with handler runs and CPU time. */
async function serve(kind) {
  const [{ createReceiver, memoryDedupeStore }, { blox }, { toNodeHandler }] = await Promise.all([
    import("@cmshooks/core"),
    import("@cmshooks/blox"),
    import("@cmshooks/node"),
  ]);
  let store;
  let client;
  if (kind.startsWith("redis")) {
    const [{ Redis }, { redisDedupeStore, failFastRedisOptions }] = await Promise.all([import("ioredis"), import("@cmshooks/redis")]);
    client = new Redis(args.redis, { ...failFastRedisOptions, lazyConnect: true });
    await client.connect();
    store = redisDedupeStore({ client, prefix: args.prefix });
  } else {
    // Above the run's delivery count, so the store never evicts during the bench.
    store = memoryDedupeStore({ maxEntries: 5_000_000 });
  }
  const receiver = createReceiver({ provider: blox({ secret: SECRET }), dedupe: store });
  let handled = 0;
  receiver.on("editorial.update_asset", () => void handled++);
  const server = http.createServer(toNodeHandler(receiver));
  server.listen(0, "127.0.0.1", () => process.send({ type: "ready", port: server.address().port }));
  process.on("message", (message) => {
    if (message.type === "stats") {
      const cpu = process.cpuUsage();
      process.send({ type: "stats", handled, cpuMicros: cpu.user + cpu.system });
    }
    if (message.type === "stop") {
      server.closeAllConnections();
      server.close();
      client?.disconnect();
      process.exit(0);
    }
  });
}

/** Pins a process to one core where `taskset` exists (autocannon on 0, receivers on 1); redis-server is left alone. */
function pin(pid, core) {
  try {
    execFileSync("taskset", ["-cp", String(core), String(pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function startServer(kind, prefix) {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", kind, "--redis", args.redis, "--prefix", prefix], {
    execArgv: process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}/${kind}`] : [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  pin(child.pid, 1);
  const ask = (type) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`${kind} server exited (${code})`));
      child.once("exit", onExit);
      child.once("message", (message) => {
        child.off("exit", onExit);
        resolve(message);
      });
      if (type) child.send({ type });
    });
  return ask().then((ready) => ({ kind, port: ready.port, stats: () => ask("stats"), stop: () => child.send({ type: "stop" }) }));
}

/** Distinct signed BLOX deliveries, built per request (the signing cost is the same for every store). */
function deliveryRequests(tag) {
  const head = '{"application":"editorial","event":"update_asset","data":{"uuid":"';
  const tail =
    '","url":"https://www.example-news.com/news/local/city-council-approves-budget.html","title":"City council approves 2027 budget",' +
    '"type":"article","flags":["breaking_news"],"start_time":"2026-11-20T14:30:00Z","revision":3,"published":"yes"}}';
  let n = 0;
  return [
    {
      method: "POST",
      setupRequest(request) {
        const body = `${head}${tag}-${n++}${tail}`;
        request.body = body;
        request.headers = { "content-type": "application/json", "x-hook-signature": createHmac("sha256", SECRET).update(body).digest("base64") };
        return request;
      },
    },
  ];
}

/** CPU time redis-server has used (µs), from INFO; it includes any other client of the same server. */
async function redisCpuMicros(client) {
  const info = await client.info("cpu");
  const field = (name) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
  return (field("used_cpu_user") + field("used_cpu_sys")) * 1e6;
}

async function drive(server, seconds, tag, redis) {
  const { default: autocannon } = await import("autocannon");
  const before = await server.stats();
  const redisBefore = await redisCpuMicros(redis);
  const result = await autocannon({ url: `http://127.0.0.1:${server.port}/`, connections: CONNECTIONS, duration: seconds, requests: deliveryRequests(tag) });
  await new Promise((resolve) => setTimeout(resolve, 200)); // the last in-flight requests finish
  const after = await server.stats();
  const handled = after.handled - before.handled;
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    sent: result.requests.sent,
    non2xx: result.non2xx + result.errors + result.timeouts,
    handled,
    receiverCpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / handled,
    redisCpuMicrosPerRequest: server.kind === "memory" ? 0 : ((await redisCpuMicros(redis)) - redisBefore) / handled,
  };
}

async function deleteKeys(client, prefix) {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 5000);
    cursor = next;
    if (keys.length) await client.unlink(...keys);
  } while (cursor !== "0");
}

const round1 = (n) => Math.round(n * 10) / 10;
const fmt = (n) => Math.round(n).toLocaleString("en-US");

async function main() {
  const rounds = args.quick ? 1 : 3;
  const seconds = args.quick ? 3 : 5;
  const pinned = pin(process.pid, 0);
  const prefix = `cmshooks-bench:dedupe:${process.pid}-${Date.now().toString(36)}:`;
  const { Redis } = await import("ioredis");
  const redis = new Redis(args.redis, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const servers = await Promise.all(VARIANTS.map((v) => startServer(v.kind, prefix)));
  const runs = VARIANTS.map(() => []);
  try {
    for (const server of servers) await drive(server, args.quick ? 0.5 : 1, `warmup-${server.kind}`, redis); // JIT, connections, script cache
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < servers.length; k++) {
        const i = (round + k) % servers.length; // rotate which store goes first
        runs[i].push(await drive(servers[i], seconds, `r${round}-${servers[i].kind}`, redis));
      }
    }
  } finally {
    for (const server of servers) server.stop();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }

  const results = VARIANTS.map((v, i) => ({
    store: v.kind,
    label: v.label,
    rounds: runs[i],
    medianRequestsPerSecond: median(runs[i].map((r) => r.requestsPerSecond)),
    spreadPercent: round1(spread(runs[i].map((r) => r.requestsPerSecond))),
    medianLatencyP50Ms: median(runs[i].map((r) => r.latencyP50Ms)),
    medianLatencyP99Ms: median(runs[i].map((r) => r.latencyP99Ms)),
    medianReceiverCpuMicros: round1(median(runs[i].map((r) => r.receiverCpuMicrosPerRequest))),
    medianRedisCpuMicros: round1(median(runs[i].map((r) => r.redisCpuMicrosPerRequest))),
    everyRequestHandledOnce: runs[i].every((r) => r.non2xx === 0 && r.handled === r.sent),
  }));
  const memory = results[0];
  for (const r of results.slice(1)) {
    r.costPercent = round1((1 - r.medianRequestsPerSecond / memory.medianRequestsPerSecond) * 100);
    r.receiverCpuRatio = Math.round((r.medianReceiverCpuMicros / memory.medianReceiverCpuMicros) * 100) / 100;
    r.cpuCostPercent = round1(((r.medianReceiverCpuMicros + r.medianRedisCpuMicros) / memory.medianReceiverCpuMicros - 1) * 100);
  }
  const figures = {
    bench: "redis-dedupe",
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg().map(round1),
    secondsPerRound: seconds,
    rounds,
    connections: CONNECTIONS,
    pinned,
    goalReceiverCpuRatio: 1.25,
    results,
  };

  const lines = [
    "### Receiver throughput: Redis dedupe store vs memory store",
    "",
    `${rounds} round(s) × ${seconds} s per store, ${CONNECTIONS} connections, every request a new signed delivery; ` +
      `Node ${process.version}, ${figures.cpus} CPUs shared by autocannon, the receiver and redis-server` +
      `${pinned ? " (autocannon pinned to core 0, receivers to core 1, redis-server unpinned)" : ""}; load average before: ${figures.loadAverage.join(" / ")}.`,
    "",
    `| store | ${runs[0].map((_, i) => `round ${i + 1} req/s`).join(" | ")} | median req/s (± spread) | vs memory | p50 ms | p99 ms | receiver CPU µs/req | redis-server CPU µs/req | all 2xx, handler ran once each |`,
    `|---|${runs[0].map(() => "---:").join("|")}|---:|---:|---:|---:|---:|---:|---|`,
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.rounds.map((x) => fmt(x.requestsPerSecond)).join(" | ")} | ${fmt(r.medianRequestsPerSecond)} ± ${r.spreadPercent} % | ` +
        `${r.costPercent === undefined ? "–" : `${r.costPercent >= 0 ? "−" : "+"}${Math.abs(r.costPercent)} %`} | ${r.medianLatencyP50Ms} | ${r.medianLatencyP99Ms} | ${r.medianReceiverCpuMicros} | ` +
        `${r.store === "memory" ? "–" : r.medianRedisCpuMicros} | ${r.everyRequestHandledOnce ? "yes" : "NO"} |`,
    ),
    "",
    ...results
      .slice(1)
      .map(
        (r) =>
          `${r.label}: the receiver's CPU per delivery is **${r.receiverCpuRatio}×** the memory store's ` +
          `(goal ≤ ${figures.goalReceiverCpuRatio}×: ${r.receiverCpuRatio <= figures.goalReceiverCpuRatio ? "met" : "not met"}); ` +
          `requests/s ${r.costPercent >= 0 ? `${r.costPercent} % lower` : `${-r.costPercent} % higher`}; ` +
          `${r.cpuCostPercent} % more CPU per request counting redis-server.`,
      ),
  ];
  console.log(lines.join("\n"));
  if (args.json) writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
}

if (args.serve) await serve(args.serve);
else await main();
