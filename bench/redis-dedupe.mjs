#!/usr/bin/env node
/**
 * Requests/s of the full receiver (node:http + toNodeHandler + BLOX, HMAC
 * check, schema, dedupe, one handler) with the Redis dedupe store vs the
 * memory store, in the same run. Every request is a distinct signed delivery,
 * so each one takes the full dedupe path (claim "new", handler, complete).
 *
 *   node bench/redis-dedupe.mjs [--quick] [--json FILE] [--redis redis://127.0.0.1:6379]
 *
 * Each receiver runs in its own child process; autocannon drives it from this
 * one over 127.0.0.1. Rounds alternate memory / Redis so drift in the shared
 * machine's load hits both alike. Needs the packages built (dist/).
 */
import { fork } from "node:child_process";
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

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

/** Child: one receiver with the given store, reporting handler runs on request. */
async function serve(storeKind) {
  const [{ createReceiver, memoryDedupeStore }, { blox }, { toNodeHandler }] = await Promise.all([
    import("@cmshooks/core"),
    import("@cmshooks/blox"),
    import("@cmshooks/node"),
  ]);
  let store;
  let client;
  if (storeKind === "redis") {
    const [{ Redis }, { redisDedupeStore, failFastRedisOptions }] = await Promise.all([import("ioredis"), import("@cmshooks/redis")]);
    client = new Redis(args.redis, { ...failFastRedisOptions, lazyConnect: true, enableAutoPipelining: process.env.AP === "1" });
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
  server.keepAliveTimeout = 30_000;
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

function startServer(kind, prefix) {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", kind, "--redis", args.redis, "--prefix", prefix], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ask = (type) =>
    new Promise((resolve, reject) => {
      child.once("message", resolve);
      child.once("exit", (code) => reject(new Error(`${kind} server exited (${code})`)));
      if (type) child.send({ type });
    });
  return ask().then((ready) => ({ kind, port: ready.port, stats: () => ask("stats"), stop: () => child.send({ type: "stop" }) }));
}

/** Distinct signed BLOX deliveries, built per request (the signing cost is the same for both stores). */
function deliveryRequests(tag) {
  const head = '{"application":"editorial","event":"update_asset","data":{"uuid":"';
  const tail =
    '","url":"https://www.example-news.com/news/local/city-council-approves-budget.html","title":"City council approves 2027 budget","type":"article","flags":["breaking_news"],"start_time":"2026-11-20T14:30:00Z","revision":3,"published":"yes"}}';
  let n = 0;
  return [
    {
      method: "POST",
      setupRequest(request) {
        const body = `${head}${tag}-${n++}${tail}`;
        request.body = body;
        request.headers = {
          "content-type": "application/json",
          "x-hook-signature": createHmac("sha256", SECRET).update(body).digest("base64"),
        };
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
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}/`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: deliveryRequests(tag),
  });
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the last in-flight requests finish
  const after = await server.stats();
  const handled = after.handled - before.handled;
  const redisCpu = (await redisCpuMicros(redis)) - redisBefore;
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    sent: result.requests.sent,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    handled,
    receiverCpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / handled,
    redisCpuMicrosPerRequest: redisCpu / handled,
  };
}

async function cleanup(client, prefix) {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 5000);
    cursor = next;
    if (keys.length) await client.unlink(...keys);
  } while (cursor !== "0");
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const rounds = args.quick ? 1 : 3;
  const seconds = args.quick ? 3 : 5;
  const prefix = `cmshooks-bench:dedupe:${process.pid}-${Date.now().toString(36)}:`;
  const servers = { memory: await startServer("memory", prefix), redis: await startServer("redis", prefix) };
  const runs = { memory: [], redis: [] };
  const { Redis } = await import("ioredis");
  const redis = new Redis(args.redis);
  try {
    for (const kind of ["memory", "redis"]) await drive(servers[kind], 1, `warmup-${kind}`, redis); // JIT, connections, script cache
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ["memory", "redis"] : ["redis", "memory"];
      for (const kind of order) runs[kind].push(await drive(servers[kind], seconds, `r${round}-${kind}`, redis));
    }
  } finally {
    servers.memory.stop();
    servers.redis.stop();
    await cleanup(redis, prefix);
    redis.disconnect();
  }

  const summary = Object.fromEntries(
    Object.entries(runs).map(([kind, list]) => [
      kind,
      {
        rounds: list,
        medianRequestsPerSecond: median(list.map((r) => r.requestsPerSecond)),
        medianLatencyP50Ms: median(list.map((r) => r.latencyP50Ms)),
        medianLatencyP99Ms: median(list.map((r) => r.latencyP99Ms)),
        non2xx: list.reduce((s, r) => s + r.non2xx, 0),
        errors: list.reduce((s, r) => s + r.errors, 0),
        allHandled: list.every((r) => r.handled === r.sent && r.non2xx === 0),
        medianReceiverCpuMicros: median(list.map((r) => r.receiverCpuMicrosPerRequest)),
        medianRedisCpuMicros: median(list.map((r) => r.redisCpuMicrosPerRequest)),
      },
    ]),
  );
  const cost = 1 - summary.redis.medianRequestsPerSecond / summary.memory.medianRequestsPerSecond;
  const cpuMemory = summary.memory.medianReceiverCpuMicros;
  const cpuRedis = summary.redis.medianReceiverCpuMicros + summary.redis.medianRedisCpuMicros;
  const round1 = (n) => Math.round(n * 10) / 10;
  const figures = {
    bench: "redis-dedupe",
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg().map(round1),
    secondsPerRound: seconds,
    rounds,
    connections: CONNECTIONS,
    ...summary,
    redisCostPercent: round1(cost * 100),
    redisCpuCostPercent: round1((cpuRedis / cpuMemory - 1) * 100),
    goalPercent: 15,
  };

  const fmt = (n) => Math.round(n).toLocaleString("en-US");
  const lines = [
    `### Receiver throughput: Redis dedupe store vs memory store`,
    "",
    `${rounds} round(s) × ${seconds} s per store, ${CONNECTIONS} connections, Node ${process.version}, ${figures.cpus} CPUs, load average ${figures.loadAverage.join(" / ")}.`,
    "",
    `| store | ${runs.memory.map((_, i) => `round ${i + 1} req/s`).join(" | ")} | median req/s | p50 ms | p99 ms | receiver CPU µs/req | redis-server CPU µs/req | all 2xx, each ran its handler |`,
    `|---|${runs.memory.map(() => "---:").join("|")}|---:|---:|---:|---:|---:|---|`,
    ...["memory", "redis"].map((kind) => {
      const k = summary[kind];
      return `| ${kind} | ${runs[kind].map((r) => fmt(r.requestsPerSecond)).join(" | ")} | ${fmt(k.medianRequestsPerSecond)} | ${k.medianLatencyP50Ms} | ${k.medianLatencyP99Ms} | ${round1(k.medianReceiverCpuMicros)} | ${kind === "redis" ? round1(k.medianRedisCpuMicros) : "–"} | ${k.allHandled ? "yes" : "NO"} |`;
    }),
    "",
    `Redis costs **${figures.redisCostPercent} %** of the memory store's requests/s (goal ≤ ${figures.goalPercent} %); ` +
      `in CPU per request (receiver + redis-server) it costs ${figures.redisCpuCostPercent} %.`,
  ];
  console.log(lines.join("\n"));
  if (args.json) writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
}

if (args.serve) await serve(args.serve);
else await main();
