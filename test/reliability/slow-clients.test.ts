// Slow and lying clients on raw sockets: slowloris headers and bodies, Content-Length larger or smaller than the body,
// chunked bodies over the limit, contradictory framing, keep-alive after an early answer. Against toNodeHandler, Express,
// Koa and Fastify (with the adapters' body timeout), and Hono (which has none: Node's requestTimeout cuts it).
// Measured: ~8 s on the 2-core dev machine (Node 20.20); the cases of one adapter run concurrently.
import type { ServerOptions } from "node:http";
import { vendorIds, vendors, type VendorEntry } from "@cmshooks/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConnections, startAdapter, type AdapterName } from "./support/adapter-servers.js";
import { isJsonText } from "./support/delivery-plan.js";
import { probePipeline, type PipelineProbe } from "./support/pipeline-probe.js";
import { RawConnection, requestBytes } from "./support/raw-http.js";
import { credentialForms, makeHarness, RELIABILITY_LIMIT, type VendorHarness } from "./support/vendor-harness.js";
import { settle, trackProcessFaults, type ProcessFaults } from "./support/watchdogs.js";

/** Node's own limits, as a deployment would set them (its defaults are 60 s / 300 s, checked every 30 s). */
const SERVER: ServerOptions = { headersTimeout: 600, requestTimeout: 3_000, connectionsCheckingInterval: 100, keepAliveTimeout: 1_000 };
/** The adapters' body timeout (`readBodyWithLimit`'s `timeoutMs`). */
const BODY_TIMEOUT = 500;
/** How long writeNodeResponse lingers to drain an unread body before it closes the socket. */
const LINGER = 1_000;
/** Scheduling slack on a shared 2-core runner. */
const SLACK = 1_000;
const KEEP_ALIVE_PATH = "/keep-alive";

interface Target {
  readonly harness: VendorHarness;
  readonly probe: PipelineProbe;
  readonly path: string;
}

async function targetsForEveryVendor(): Promise<Target[]> {
  const targets: Target[] = [];
  for (const id of vendorIds) {
    const entry = vendors[id] as VendorEntry;
    const harness = await makeHarness(id, entry, credentialForms(entry)[0]!, { seeds: [1] });
    targets.push({ harness, probe: probePipeline(harness.receiver), path: harness.samples[0]!.path.split("?")[0]! });
  }
  return targets;
}

/** The header block of a sample delivery, with the given Content-Length (or chunked when `undefined`). */
function head(target: Target, contentLength: number | undefined, sample = 0): Buffer {
  const delivery = target.harness.samples[sample]!;
  const headers = Object.entries(delivery.headers);
  const bytes =
    contentLength === undefined
      ? requestBytes({ method: "POST", target: delivery.path, headers, body: new Uint8Array(0), chunkSize: 1 })
      : requestBytes({ method: "POST", target: delivery.path, headers: [...headers, ["content-length", String(contentLength)]] });
  return bytes.subarray(0, bytes.indexOf("\r\n\r\n") + 4);
}

function chunk(bytes: Uint8Array | string): Buffer {
  const data = Buffer.from(bytes);
  return Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")]);
}

/** Writes `piece()` every `everyMs` until the socket closes or `forMs` passes. */
async function trickle(connection: RawConnection, piece: () => string | Uint8Array, everyMs: number, forMs: number): Promise<void> {
  const stopAt = Date.now() + forMs;
  while (!connection.isClosed && Date.now() < stopAt) {
    await connection.write(piece());
    await settle(everyMs);
  }
}

/** The same cases for each adapter that reads the body itself under a timeout. */
function specifyTimedAdapter(adapter: AdapterName) {
  describe(`${adapter} on node:http (body timeout ${BODY_TIMEOUT} ms; headersTimeout ${SERVER.headersTimeout} ms)`, () => {
    let targets: Target[];
    /** Receives the genuine deliveries of the keep-alive case, apart from the targets that must never run a handler. */
    let keepAlive: VendorHarness;
    let server: Awaited<ReturnType<typeof startAdapter>>;
    let faults: ProcessFaults;
    const first = () => targets[0]!;

    beforeAll(async () => {
      faults = trackProcessFaults();
      targets = await targetsForEveryVendor();
      keepAlive = await makeHarness(targets[0]!.harness.id, targets[0]!.harness.entry, targets[0]!.harness.form, { seeds: [1] });
      const mounts = [...targets.map((t) => ({ path: t.path, receiver: t.probe.receiver })), { path: KEEP_ALIVE_PATH, receiver: keepAlive.receiver }];
      server = await startAdapter(adapter, mounts, { bodyTimeoutMs: BODY_TIMEOUT, server: SERVER });
    });
    afterAll(async () => {
      await server.close();
      faults.stop();
    });

    it.concurrent("slowloris headers: Node's headersTimeout answers 408 and closes the socket; no pipeline starts", async () => {
      const c = await RawConnection.open(server.port);
      await c.write(`POST ${first().path} HTTP/1.1\r\nhost: 127.0.0.1\r\n`);
      let n = 0;
      void trickle(c, () => `x-slow-${n++}: ${"a".repeat(10)}\r\n`, 100, 5_000);
      const closedAfter = await c.waitForClose(SERVER.headersTimeout! + 2 * SLACK);
      expect(closedAfter, "the socket is closed").toBeDefined();
      expect(closedAfter!).toBeGreaterThanOrEqual(SERVER.headersTimeout! - 50);
      expect(c.responses.map((r) => r.status)).toEqual([408]);
      c.destroy();
    });

    it.concurrent("slowloris body: the body timeout answers 408 request_timeout, then frees the socket", async () => {
      const c = await RawConnection.open(server.port);
      const sample = first().harness.samples[0]!;
      await c.write(head(first(), sample.body.length));
      let i = 0;
      const sending = trickle(c, () => sample.body.subarray(i, ++i), 50, 6_000);
      await c.waitForResponses(1, BODY_TIMEOUT + 2 * SLACK);
      expect(c.responses.map((r) => r.status)).toEqual([408]);
      expect(JSON.parse(c.responses[0]!.body)).toMatchObject({ error: "request_timeout" });
      expect(await c.waitForClose(LINGER + 2 * SLACK), "the socket is closed although the client keeps sending").toBeDefined();
      await sending;
    });

    it.concurrent("Content-Length larger than the body, client waiting: 408 at the body timeout, socket freed", async () => {
      const c = await RawConnection.open(server.port);
      const sample = first().harness.samples[0]!;
      await c.write(Buffer.concat([head(first(), sample.body.length + 100), sample.body]));
      await c.waitForResponses(1, BODY_TIMEOUT + 2 * SLACK);
      expect(c.responses.map((r) => r.status)).toEqual([408]);
      expect(await c.waitForClose(LINGER + 2 * SLACK)).toBeDefined();
    });

    it.concurrent("Content-Length larger than the body, client half-closes: 400 body_incomplete (or a close), never a handler", async () => {
      const c = await RawConnection.open(server.port);
      const sample = first().harness.samples[0]!;
      await c.write(Buffer.concat([head(first(), sample.body.length + 100), sample.body]));
      await settle(50);
      c.socket.end();
      expect(await c.waitForClose(BODY_TIMEOUT + 2 * SLACK)).toBeDefined();
      // Node itself may answer first (its parser sees the stream end mid-body): a 400 without a body.
      for (const r of c.responses) expect(r.status).toBe(400);
      for (const r of c.responses.filter((r) => r.body)) expect(JSON.parse(r.body)).toMatchObject({ error: "body_incomplete" });
    });

    it.concurrent("Content-Length smaller than the body, every vendor: the extra bytes are not signed body (401/400), the rest is a bad request (400); no handler", async () => {
      for (const target of targets) {
        const sample = target.harness.samples[0]!;
        const declared = sample.body.length - 10;
        const c = await RawConnection.open(server.port);
        await c.write(Buffer.concat([head(target, declared), sample.body]));
        expect(await c.waitForClose(2 * SLACK), `${target.harness.id}: the connection ends`).toBeDefined();
        // What the first `declared` bytes deserve: unsigned for a signing vendor, not JSON otherwise.
        const signs = target.harness.receiver.provider.auth.some((a) => a.needsBody);
        const firstAnswer = signs ? 401 : isJsonText(sample.body.subarray(0, declared)) ? 200 : 400;
        const statuses = c.responses.map((r) => r.status);
        expect(statuses.length, `${target.harness.id}: ${JSON.stringify(c.responses)}`).toBeGreaterThan(0);
        for (const s of statuses) expect([firstAnswer, 400], `${target.harness.id}: ${statuses.join(",")}`).toContain(s);
        expect(target.harness.runs, target.harness.id).toBe(0);
      }
    });

    it.concurrent("a chunked body over the limit: 413 body_too_large as soon as the limit passes, and the socket is closed while the client keeps sending", async () => {
      const c = await RawConnection.open(server.port);
      await c.write(head(first(), undefined));
      const block = chunk(Buffer.alloc(16 * 1024, 0x20));
      const sending = trickle(c, () => block, 5, 8_000);
      await c.waitForResponses(1, 2 * SLACK);
      expect(c.responses.map((r) => r.status)).toEqual([413]);
      expect(JSON.parse(c.responses[0]!.body)).toMatchObject({ error: "body_too_large" });
      expect(await c.waitForClose(LINGER + 2 * SLACK)).toBeDefined();
      await sending;
    });

    it.concurrent("a declared length over the limit: 413 before the body is read, socket closed", async () => {
      const c = await RawConnection.open(server.port);
      await c.write(head(first(), RELIABILITY_LIMIT * 100));
      const sending = trickle(c, () => "x", 50, 6_000);
      await c.waitForResponses(1, 2 * SLACK);
      expect(c.responses.map((r) => r.status)).toEqual([413]);
      expect(await c.waitForClose(LINGER + 2 * SLACK)).toBeDefined();
      await sending;
    });

    it.concurrent("contradictory framing (Content-Length and chunked, a bad chunk size): Node answers 400 and closes; no handler", async () => {
      const sample = first().harness.samples[0]!;
      const both = Buffer.concat([head(first(), sample.body.length).subarray(0, -2), Buffer.from("transfer-encoding: chunked\r\n\r\n"), chunk(sample.body), Buffer.from("0\r\n\r\n")]);
      const badChunk = Buffer.concat([head(first(), undefined), Buffer.from("zz\r\n{}\r\n0\r\n\r\n")]);
      for (const bytes of [both, badChunk]) {
        const c = await RawConnection.open(server.port);
        await c.write(bytes);
        expect(await c.waitForClose(2 * SLACK)).toBeDefined();
        for (const r of c.responses) expect(r.status).toBe(400);
      }
    });

    it.concurrent("a hundred slowloris bodies at once: every one answered 408 and freed", async () => {
      const sample = first().harness.samples[0]!;
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, async () => {
          const c = await RawConnection.open(server.port);
          await c.write(head(first(), sample.body.length));
          let i = 0;
          const sending = trickle(c, () => sample.body.subarray(i, ++i), 100, 6_000);
          await c.waitForResponses(1, BODY_TIMEOUT + 3 * SLACK);
          const closed = await c.waitForClose(LINGER + 3 * SLACK);
          c.destroy();
          await sending;
          return { statuses: c.responses.map((r) => r.status).join(","), closed: closed !== undefined };
        }),
      );
      expect(outcomes.filter((o) => o.statuses !== "408" || !o.closed)).toEqual([]);
    });

    it.concurrent("an early answer (405 before the body is read) leaves the keep-alive connection usable: each delivery after it is handled once", async () => {
      const sample = keepAlive.samples[0]!;
      const target = sample.path.replace(/^[^?]*/, KEEP_ALIVE_PATH);
      const headers = Object.entries(sample.headers);
      const length: [string, string] = ["content-length", String(sample.body.length)];
      const early = requestBytes({ method: "PUT", target, headers: [...headers, length], body: sample.body });
      const valid = requestBytes({ method: "POST", target, headers: [...headers, length], body: sample.body });
      const c = await RawConnection.open(server.port);
      await c.write(early);
      await c.waitForResponses(1, 2 * SLACK);
      await c.write(valid);
      await c.waitForResponses(2, 2 * SLACK);
      const perDelivery = keepAlive.runs;
      // Then both again, pipelined in one write.
      await c.write(Buffer.concat([early, valid]));
      await c.waitForResponses(4, 2 * SLACK);
      expect(c.responses.map((r) => r.status)).toEqual([405, 200, 405, 200]);
      expect(c.isClosed).toBe(false);
      c.destroy();
      expect(perDelivery).toBeGreaterThan(0);
      expect(keepAlive.runs).toBe(2 * perDelivery);
    });

    it("afterwards: no handler ran, every pipeline settled, no socket is left open, no unhandled rejection", async () => {
      const deadline = Date.now() + 3_000;
      while (Date.now() < deadline && (targets.some((t) => t.probe.inFlight() > 0) || (await openConnections(server.server)) > 0)) await settle(50);
      expect(targets.map((t) => t.probe.inFlight())).toEqual(targets.map(() => 0));
      expect(await openConnections(server.server)).toBe(0);
      expect(targets.map((t) => t.harness.runs)).toEqual(targets.map(() => 0));
      const answered = targets.flatMap((t) => t.probe.answered);
      expect(answered.filter((s) => ![400, 401, 408, 413].includes(s))).toEqual([]);
      expect(faults.unhandledRejections).toEqual([]);
      expect(faults.uncaughtExceptions).toEqual([]);
    });
  });
}

specifyTimedAdapter("node");
specifyTimedAdapter("express");
specifyTimedAdapter("koa");
specifyTimedAdapter("fastify");

describe(`hono on node:http (no body timeout of its own; requestTimeout ${SERVER.requestTimeout} ms)`, () => {
  it("a slowloris body is cut by Node's requestTimeout (408), the socket is freed, and the pipeline settles as a client failure, not an internal error", async () => {
    const targets = await targetsForEveryVendor();
    const server = await startAdapter("hono", targets.map((t) => ({ path: t.path, receiver: t.probe.receiver })), { server: SERVER });
    try {
      const target = targets[0]!;
      const sample = target.harness.samples[0]!;
      const c = await RawConnection.open(server.port);
      await c.write(head(target, sample.body.length));
      let i = 0;
      void trickle(c, () => sample.body.subarray(i, ++i), 50, 8_000);
      const closedAfter = await c.waitForClose(SERVER.requestTimeout! + 2 * SLACK);
      expect(closedAfter, "the socket is closed").toBeDefined();
      expect(c.responses.map((r) => r.status)).toEqual([408]);
      const deadline = Date.now() + 2_000;
      while (Date.now() < deadline && target.probe.inFlight() > 0) await settle(20);
      expect(target.probe.inFlight(), "the pipeline settled").toBe(0);
      expect(target.harness.runs).toBe(0);
      expect(target.harness.reports.map((e) => e.code)).not.toContain("internal_error");
    } finally {
      await server.close();
    }
  }, 15_000);
});
