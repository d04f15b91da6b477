#!/usr/bin/env node
/**
 * Latency of the durable queue hand-off, p50/p99:
 *   - POST → 202: the sender's answer, sent once the job is durably added to BullMQ;
 *   - POST → handler ran: until a worker (createWorker, Redis dedupe store) ran the handler;
 * and, for reference, inline handling with the Redis dedupe store (POST → 200, handler done).
 *
 *   node bench/queue-latency.mjs [--quick] [--json FILE] [--redis redis://127.0.0.1:6379]
 *
 * The receiver runs in a child process (node:http + toNodeHandler + BLOX); the
 * sender and the worker run in this process, so both ends of "POST → handler
 * ran" are read from one clock. Deliveries go out one at a time, then with 16
 * in flight. Needs the packages built (dist/) and a Redis (keys removed after).
 */
import { fork } from "node:child_process";
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const SECRET = "bench-secret-0123456789";
const QUEUE = "bench-hooks";
const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "string" },
    redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
    serve: { type: "string" },
    prefix: { type: "string" },
  },
});
const { hostname, port: redisPort } = new URL(args.redis);
const connection = { host: hostname, port: Number(redisPort || 6379) };

async function connectRedis() {
  const [{ Redis }, { failFastRedisOptions }] = await Promise.all([import("ioredis"), import("@cmshooks/redis")]);
  const client = new Redis(args.redis, { ...failFastRedisOptions, lazyConnect: true });
  await client.connect();
  return client;
}

/** Child: the receiving side, either handing off to the queue or handling inline (Redis dedupe). */
async function serve(mode) {
  const [{ createReceiver }, { blox }, { toNodeHandler }, { queueHandoff }, { redisDedupeStore }, { Queue }] = await Promise.all([
    import("@cmshooks/core"),
    import("@cmshooks/blox"),
    import("@cmshooks/node"),
    import("@cmshooks/queue"),
    import("@cmshooks/redis"),
    import("bullmq"),
  ]);
  let queue;
  let client;
  let options;
  if (mode === "queue") {
    queue = new Queue(QUEUE, { connection: { ...connection, enableOfflineQueue: false }, prefix: args.prefix.slice(0, -1) });
    await queue.waitUntilReady();
    options = { handoff: queueHandoff({ queue, status: 202 }) };
  } else {
    client = await connectRedis();
    options = { dedupe: redisDedupeStore({ client, prefix: `${args.prefix}inline:` }) };
  }
  const receiver = createReceiver({ provider: blox({ secret: SECRET }), ...options });
  receiver.on("editorial.update_asset", () => {});
  const server = http.createServer(toNodeHandler(receiver));
  server.listen(0, "127.0.0.1", () => process.send({ type: "ready", port: server.address().port }));
  process.on("message", async () => {
    server.closeAllConnections();
    server.close();
    await queue?.close();
    client?.disconnect();
    process.exit(0);
  });
}

function startServer(mode, prefix) {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", mode, "--redis", args.redis, "--prefix", prefix], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${mode} server exited (${code})`)));
    child.once("message", (ready) => resolve({ port: ready.port, stop: () => child.send("stop") }));
  });
}

function signedDelivery(uuid) {
  const body = JSON.stringify({
    application: "editorial",
    event: "update_asset",
    data: { uuid, url: `https://www.example-news.com/news/${uuid}.html`, title: "City council approves 2027 budget", type: "article", revision: 3, published: "yes" },
  });
  return {
    body,
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "x-hook-signature": createHmac("sha256", SECRET).update(body).digest("base64"),
    },
  };
}

function post(port, agent, delivery) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: delivery.headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    req.end(delivery.body);
  });
}

/** Sends `count` deliveries with `inFlight` at a time; returns per-delivery POST start and answer times. */
async function send(port, tag, count, inFlight, onStart) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const started = new Map();
  const answered = new Map();
  const statuses = new Map();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const uuid = `${tag}-${next++}`;
        const delivery = signedDelivery(uuid);
        const t0 = performance.now();
        started.set(uuid, t0);
        onStart?.(uuid, t0);
        const status = await post(port, agent, delivery);
        answered.set(uuid, performance.now());
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  return { started, answered, statuses: Object.fromEntries(statuses) };
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const r = (n) => Math.round(n * 100) / 100;
  return { count: sorted.length, p50: r(at(0.5)), p90: r(at(0.9)), p99: r(at(0.99)), max: r(sorted[sorted.length - 1]) };
}

async function main() {
  const prefix = `cmshooks-bench:queue:${process.pid}-${Date.now().toString(36)}:`;
  const [{ createReceiver }, { blox }, { createWorker }, { redisDedupeStore }, { Queue }] = await Promise.all([
    import("@cmshooks/core"),
    import("@cmshooks/blox"),
    import("@cmshooks/queue"),
    import("@cmshooks/redis"),
    import("bullmq"),
  ]);
  const redis = await connectRedis();

  // The worker side: the same BLOX receiver, handlers run from the queue with a Redis dedupe store.
  const handlerRan = new Map();
  const workerReceiver = createReceiver({ provider: blox({ secret: SECRET }), dedupe: redisDedupeStore({ client: redis, prefix: `${prefix}worker:` }) });
  workerReceiver.on("editorial.update_asset", ({ payload }) => void handlerRan.set(payload.data.uuid, performance.now()));
  const worker = createWorker(workerReceiver, { connection, queueName: QUEUE, prefix: prefix.slice(0, -1), concurrency: 16 });
  worker.on("error", () => {});
  await worker.waitUntilReady();

  const queueServer = await startServer("queue", prefix);
  const inlineServer = await startServer("inline", prefix);
  const scenarios = args.quick
    ? [
        { name: "one at a time", inFlight: 1, count: 150 },
        { name: "16 in flight", inFlight: 16, count: 1_000 },
      ]
    : [
        { name: "one at a time", inFlight: 1, count: 2_000 },
        { name: "16 in flight", inFlight: 16, count: 12_000 },
      ];
  const rows = [];
  const rates = [];
  try {
    await send(queueServer.port, "warmup-q", 200, 8); // JIT, connections, scripts
    await send(inlineServer.port, "warmup-i", 200, 8);
    for (const scenario of scenarios) {
      const tag = scenario.name.replace(/\W+/g, "-");
      const queued = await send(queueServer.port, `q-${tag}`, scenario.count, scenario.inFlight);
      const deadline = Date.now() + 30_000;
      while ([...queued.started.keys()].some((uuid) => !handlerRan.has(uuid))) {
        if (Date.now() > deadline) throw new Error("the worker did not run every handler within 30 s");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const inline = await send(inlineServer.port, `i-${tag}`, scenario.count, scenario.inFlight);
      const ack = [...queued.started].map(([uuid, t0]) => queued.answered.get(uuid) - t0);
      const ran = [...queued.started].map(([uuid, t0]) => handlerRan.get(uuid) - t0);
      const inlineAck = [...inline.started].map(([uuid, t0]) => inline.answered.get(uuid) - t0);
      const span = (times) => (Math.max(...times) - Math.min(...times)) / 1000;
      rates.push({
        scenario: scenario.name,
        queuedPerSecond: Math.round(scenario.count / span([...queued.started.values(), ...queued.answered.values()])),
        handledPerSecond: Math.round(scenario.count / span([...queued.started.keys()].map((uuid) => handlerRan.get(uuid)))),
        inlinePerSecond: Math.round(scenario.count / span([...inline.started.values(), ...inline.answered.values()])),
      });
      rows.push(
        { scenario: scenario.name, measure: "queue: POST → 202 (job durably added)", statuses: queued.statuses, ...percentiles(ack) },
        { scenario: scenario.name, measure: "queue: POST → handler ran in the worker", ...percentiles(ran) },
        { scenario: scenario.name, measure: "inline + Redis dedupe: POST → 200 (handler done)", statuses: inline.statuses, ...percentiles(inlineAck) },
      );
    }
  } finally {
    queueServer.stop();
    inlineServer.stop();
    await worker.close();
    const queue = new Queue(QUEUE, { connection, prefix: prefix.slice(0, -1) });
    await queue.obliterate({ force: true });
    await queue.close();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 5000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== "0");
    redis.disconnect();
  }

  const figures = { bench: "queue-latency", node: process.version, cpus: cpus().length, loadAverage: loadavg().map((n) => Math.round(n * 10) / 10), workerConcurrency: 16, rows, rates };
  const lines = [
    "### Queue hand-off latency (BullMQ on Redis, 127.0.0.1)",
    "",
    `Node ${process.version}, ${figures.cpus} CPUs shared by the sender + worker process, the receiver process and redis-server; ` +
      `load average: ${figures.loadAverage.join(" / ")}. Worker concurrency 16. Times in ms.`,
    "",
    "| deliveries | measure | n | p50 | p90 | p99 | max |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.scenario} | ${r.measure} | ${r.count} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} |`),
  ];
  lines.push(
    "",
    ...rates.map(
      (r) =>
        `${r.scenario}: queued (202) at ${r.queuedPerSecond}/s, the worker handled ${r.handledPerSecond}/s, inline answered ${r.inlinePerSecond}/s` +
        (r.handledPerSecond < r.queuedPerSecond * 0.9 ? " — the worker falls behind, so POST → handler measures the backlog." : "."),
    ),
  );
  const bad = rows.filter((r) => r.statuses && Object.keys(r.statuses).some((s) => !s.startsWith("2")));
  if (bad.length) lines.push("", `Non-2xx answers: ${bad.map((r) => `${r.scenario}: ${JSON.stringify(r.statuses)}`).join("; ")}`);
  console.log(lines.join("\n"));
  if (args.json) writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
}

if (args.serve) await serve(args.serve);
else await main();
