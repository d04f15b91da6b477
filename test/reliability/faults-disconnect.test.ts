// Faults, abandoned: clients that disconnect in the middle of a delivery (mid-headers, after the headers, mid-body,
// mid-chunk; by FIN, close or RST) through each adapter, every vendor of the registry. No handler runs, every pipeline
// settles, and sockets, requests, timers and heap return to their baseline.
// Measured: ~2.5 s on the 2-core dev machine (Node 20.20): 60 warm-up + 300 measured disconnects per adapter.
import type { IncomingMessage } from "node:http";
import { vendorIds, vendors, type VendorEntry } from "@cmshooks/testkit";
import { describe, expect, it } from "vitest";
import { ADAPTERS, openConnections, startAdapter, type AdapterName } from "./support/adapter-servers.js";
import { activeResources, grownResources, settledHeap, WeakTracker } from "./support/leak-probe.js";
import { probePipeline, type PipelineProbe } from "./support/pipeline-probe.js";
import { RawConnection, requestBytes } from "./support/raw-http.js";
import { credentialForms, makeHarness, type VendorHarness } from "./support/vendor-harness.js";
import { settle } from "./support/watchdogs.js";

const WARM_UP = 60;
const DISCONNECTS = 300;
const BATCH = 25;
/** Heap growth allowed after a full collection: noise, not 300 retained requests with their bodies. */
const HEAP_TOLERANCE = 6 * 1024 * 1024;

const PATTERNS = ["mid-headers", "after-headers", "mid-body", "mid-body-rst", "mid-body-fin", "mid-chunked"] as const;
type Pattern = (typeof PATTERNS)[number];

interface Target {
  readonly harness: VendorHarness;
  readonly probe: PipelineProbe;
  readonly path: string;
}

/** The bytes a client sends before it gives up: the request cut according to the pattern. */
function truncatedRequest(target: Target, n: number, pattern: Pattern): Buffer {
  const sample = target.harness.samples[n % target.harness.samples.length]!;
  const headers = Object.entries(sample.headers);
  const target_ = sample.path;
  if (pattern === "mid-chunked") {
    const full = requestBytes({ method: "POST", target: target_, headers, body: sample.body, chunkSize: 64 });
    const head = full.indexOf("\r\n\r\n") + 4;
    return full.subarray(0, head + Math.floor((full.length - head - 5) * ((n % 7) + 1) / 8));
  }
  const full = requestBytes({ method: "POST", target: target_, headers: [...headers, ["content-length", String(sample.body.length)]], body: sample.body });
  const head = full.indexOf("\r\n\r\n") + 4;
  if (pattern === "mid-headers") return full.subarray(0, Math.floor(head / 2));
  if (pattern === "after-headers") return full.subarray(0, head);
  // Somewhere strictly inside the body: at least one byte short.
  return full.subarray(0, head + Math.floor((sample.body.length - 1) * ((n % 9) + 1) / 10));
}

/** One client that starts a delivery and leaves; resolves with what it heard (a FIN may still get an answer). */
async function abandon(port: number, target: Target, n: number): Promise<{ pattern: Pattern; statuses: number[] }> {
  const pattern = PATTERNS[n % PATTERNS.length]!;
  const connection = await RawConnection.open(port);
  await connection.write(truncatedRequest(target, n, pattern));
  await settle(n % 12);
  if (pattern === "mid-body-rst") connection.socket.resetAndDestroy();
  else if (pattern === "mid-body-fin") {
    connection.socket.end();
    await connection.waitForClose(2_000);
    connection.destroy();
  } else connection.destroy();
  return { pattern, statuses: connection.responses.map((r) => r.status) };
}

async function abandonMany(port: number, targets: readonly Target[], from: number, count: number) {
  const heard: { pattern: Pattern; statuses: number[] }[] = [];
  for (let start = from; start < from + count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, from + count - start) }, (_, i) => start + i);
    heard.push(...(await Promise.all(batch.map((n) => abandon(port, targets[n % targets.length]!, n)))));
  }
  return heard;
}

async function until(condition: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await settle(20);
  }
  return condition();
}

describe(`faults: ${DISCONNECTS} clients that disconnect mid-delivery, through each adapter`, () => {
  it.each(ADAPTERS)(
    "%s: no handler runs, every pipeline settles with 400 body_incomplete, and sockets, requests, timers and heap return to baseline",
    async (adapter: AdapterName) => {
      const targets: Target[] = [];
      for (const id of vendorIds) {
        const entry = vendors[id] as VendorEntry;
        const harness = await makeHarness(id, entry, credentialForms(entry)[0]!, { seeds: [1] });
        targets.push({ harness, probe: probePipeline(harness.receiver), path: harness.samples[0]!.path.split("?")[0]! });
      }
      const server = await startAdapter(adapter, targets.map((t) => ({ path: t.path, receiver: t.probe.receiver })), { bodyTimeoutMs: 2_000 });
      const inFlight = () => targets.reduce((n, t) => n + t.probe.inFlight(), 0);
      const quiet = () => until(async () => inFlight() === 0 && (await openConnections(server.server)) === 0, 3_000);
      try {
        await abandonMany(server.port, targets, 0, WARM_UP);
        expect(await quiet()).toBe(true);
        for (const t of targets) t.harness.reset();
        const baselineHeap = await settledHeap();
        const baselineResources = activeResources();

        const requests = new WeakTracker<IncomingMessage>();
        const onRequest = (req: IncomingMessage) => requests.track(req);
        server.server.on("request", onRequest);
        const heard = await abandonMany(server.port, targets, WARM_UP, DISCONNECTS);
        server.server.off("request", onRequest);

        // Every pipeline that started has settled, and every socket is closed.
        expect(await quiet(), `in flight: ${inFlight()}, open connections: ${await openConnections(server.server)}`).toBe(true);
        expect(targets.map((t) => `${t.harness.id}: ${t.harness.runs} handler runs`)).toEqual(targets.map((t) => `${t.harness.id}: 0 handler runs`));
        // A client that only half-closed may still read the answer: a 400, never anything else.
        expect(heard.flatMap((h) => h.statuses).filter((s) => s !== 400)).toEqual([]);
        // What the receiver reported: an incomplete body (400), not an internal error.
        const reported = targets.flatMap((t) => t.harness.reports.map((e) => `${t.harness.id}: ${e.status} ${e.code}`));
        expect(reported.filter((r) => !r.endsWith(": 400 body_incomplete"))).toEqual([]);
        const answered = targets.flatMap((t) => t.probe.answered);
        expect(answered.filter((s) => s !== 400)).toEqual([]);
        expect(requests.tracked).toBeGreaterThan(DISCONNECTS / 2);

        for (const t of targets) t.harness.reset();
        const heap = await settledHeap();
        expect(requests.alive(), `of ${requests.tracked} requests`).toBe(0);
        expect(grownResources(baselineResources)).toEqual([]);
        expect(heap - baselineHeap).toBeLessThan(HEAP_TOLERANCE);
      } finally {
        await server.close();
      }
    },
    60_000,
  );
});
