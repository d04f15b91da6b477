/**
 * "Reads at most the limit": proven on every path by counting what was read,
 * not only by the status. The fetch path (`receiver.fetch`, the Hono adapter
 * in process) gets a `ReadableStream` that counts each chunk pulled from it;
 * the Node adapters (node:http, Express, Koa, and Hono on @hono/node-server)
 * get a real socket, and the server's side of it counts the bytes it read by
 * the time the receiver answered. A reader that buffers the whole body before
 * checking the limit answers 413 too, but reads the whole oversized body and
 * fails here.
 */
import type { Socket } from "node:net";
import { blox } from "@cmshooks/blox";
import { createReceiver, type DeliveryInput, type WebhookReceiver } from "@cmshooks/core";
import { honoReceiver } from "@cmshooks/hono";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADAPTERS, adapterListener, type AdapterName } from "./reliability/support/adapter-servers.js";
import { RawConnection } from "./reliability/support/raw-http.js";
import { startServer, type RunningServer } from "./support/http.js";

const LIMIT = 16 * 1024;
/** What the oversized bodies weigh: 64 times the limit. */
const OVERSIZED = 64 * LIMIT;
/** The fetch-path streams' chunk. */
const CHUNK = 1024;
/** The most a Node server reads from a socket at once (its read buffer). */
const SOCKET_READ = 64 * 1024;
const HEADERS = { "content-type": "application/json", "x-hook-signature": "c2lnbmF0dXJl" };

const receiverWithLimit = () => createReceiver({ provider: blox({ secret: "bounded-reads-secret" }), maxBodyBytes: LIMIT });

/** How far past the limit a never-ending body goes before it breaks off, so that a reader ignoring the limit fails instead of hanging. */
const RUNAWAY = 256 * LIMIT;

/**
 * A body of `total` bytes (Infinity: one that never ends) in `CHUNK`-byte
 * chunks, pulled only on demand, counting what was pulled. Each pull waits a
 * macrotask, so a runaway reader cannot starve timers.
 */
function countingStream(total: number) {
  const counter = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(CHUNK).fill(0x20);
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve));
        if (counter.pulled >= total) return controller.close();
        if (counter.pulled >= RUNAWAY) return controller.error(new Error(`the reader went on past ${RUNAWAY} bytes`));
        counter.pulled += CHUNK;
        controller.enqueue(chunk.slice());
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

const streamingRequest = (body: ReadableStream<Uint8Array>) =>
  new Request("http://127.0.0.1/hooks/blox", { method: "POST", headers: HEADERS, body, duplex: "half" } as RequestInit);

describe("the fetch path reads at most the limit plus one chunk", () => {
  const paths: readonly (readonly [string, (request: Request) => Promise<Response>])[] = [
    ["receiver.fetch", (request) => receiverWithLimit().fetch(request)],
    [
      "the Hono adapter (in process)",
      (request) => {
        const app = new Hono().post("/hooks/blox", honoReceiver(receiverWithLimit(), { ip: () => "127.0.0.1" }));
        return Promise.resolve(app.fetch(request));
      },
    ],
  ];

  describe.each(paths)("%s", (_path, answer) => {
    it.each([
      ["an oversized body", OVERSIZED],
      ["an endless body", Infinity],
    ])("%s: 413 body_too_large, at most limit + one chunk pulled, and the stream cancelled", async (_body, total) => {
      const { stream, counter } = countingStream(total);
      const response = await answer(streamingRequest(stream));
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: "body_too_large" });
      expect(counter.pulled).toBeGreaterThan(LIMIT);
      expect(counter.pulled).toBeLessThanOrEqual(LIMIT + CHUNK);
      expect(counter.cancelled).toBe(true);
    });

    it("a body of exactly the limit is read whole and reaches the signature check (401, not 413)", async () => {
      const { stream, counter } = countingStream(LIMIT);
      const response = await answer(streamingRequest(stream));
      expect(response.status).toBe(401);
      expect(counter.pulled).toBe(LIMIT);
    });
  });
});

describe("handle() checks the size of what was read, whatever the adapter's reader did", () => {
  const over = new Uint8Array(LIMIT + 1).fill(0x20);
  it.each<readonly [string, DeliveryInput["body"]]>([
    ["raw bytes over the limit, no Content-Length", over],
    ["a string over the limit", " ".repeat(LIMIT + 1)],
    ["a reader that ignores the limit it is given", () => Promise.resolve(over)],
  ])("%s: 413 body_too_large before the signature check", async (_case, body) => {
    const response = await receiverWithLimit().handle({ method: "POST", headers: HEADERS, body, ip: "127.0.0.1" });
    expect([response.status, JSON.parse(response.body).error]).toEqual([413, "body_too_large"]);
  });

  it("the reader is called with the receiver's limit", async () => {
    const limits: number[] = [];
    await receiverWithLimit().handle({ method: "POST", headers: HEADERS, body: (limit) => (limits.push(limit), Promise.resolve(new Uint8Array())), ip: "127.0.0.1" });
    expect(limits).toEqual([LIMIT]);
  });
});

/**
 * A server for one adapter whose sockets count the bytes the server read; when
 * the receiver answers, what the latest connection had read is noted (the
 * tests open one connection at a time).
 */
async function countingServer(adapter: AdapterName) {
  let latest = { read: 0 };
  const atAnswer: number[] = [];
  const receiver = receiverWithLimit();
  const noting: Pick<WebhookReceiver, "handle" | "fetch"> = {
    handle: (input) => receiver.handle(input).finally(() => atAnswer.push(latest.read)),
    fetch: (request, options) => receiver.fetch(request, options).finally(() => atAnswer.push(latest.read)),
  };
  const listener = adapterListener(adapter, [{ path: "/hooks/blox", receiver: noting }], { bodyTimeoutMs: 10_000 });
  const running = await startServer(listener);
  running.server.on("connection", (socket: Socket) => {
    const connection = (latest = { read: 0 });
    socket.on("data", (chunk: Buffer) => void (connection.read += chunk.length));
  });
  return { running, port: Number(new URL(running.url).port), atAnswer };
}

/** Sends a chunked body of `total` bytes as fast as the socket takes it, stopping at the first answer; ends the body if it got that far. */
async function sendChunked(connection: RawConnection, total: number): Promise<void> {
  const block = Buffer.alloc(8 * 1024, 0x20);
  const framed = Buffer.concat([Buffer.from(`${block.length.toString(16)}\r\n`), block, Buffer.from("\r\n")]);
  const answered = () => connection.isClosed || connection.responses.length > 0;
  let sent = 0;
  for (; sent < total && !answered(); sent += block.length) await connection.write(framed);
  if (sent >= total && !answered()) await connection.write("0\r\n\r\n");
}

describe.each(ADAPTERS)("%s over a real socket reads at most the limit plus one socket read", (adapter) => {
  let server: Awaited<ReturnType<typeof countingServer>>;
  beforeAll(async () => {
    server = await countingServer(adapter);
  });
  afterAll(() => server.running.close());

  it("a chunked body of 64 times the limit: 413, with at most limit + 64 KiB read from the socket when the receiver answered", async () => {
    const before = server.atAnswer.length;
    const connection = await RawConnection.open(server.port);
    const head = ["POST /hooks/blox HTTP/1.1", "host: 127.0.0.1", ...Object.entries(HEADERS).map(([n, v]) => `${n}: ${v}`), "transfer-encoding: chunked", "", ""].join("\r\n");
    await connection.write(head);
    const sending = sendChunked(connection, OVERSIZED);
    const [response] = await connection.waitForResponses(1, 10_000);
    connection.destroy();
    await sending;
    expect(response?.status).toBe(413);
    expect(server.atAnswer.length).toBe(before + 1);
    const read = server.atAnswer.at(-1)!;
    expect(read).toBeGreaterThan(LIMIT);
    expect(read).toBeLessThanOrEqual(LIMIT + SOCKET_READ + head.length);
  });

  it("a declared Content-Length over the limit: 413 with nothing of the body read", async () => {
    const before = server.atAnswer.length;
    const connection = await RawConnection.open(server.port);
    const head = ["POST /hooks/blox HTTP/1.1", "host: 127.0.0.1", ...Object.entries(HEADERS).map(([n, v]) => `${n}: ${v}`), `content-length: ${OVERSIZED}`, "", ""].join("\r\n");
    await connection.write(head);
    const [response] = await connection.waitForResponses(1, 10_000);
    connection.destroy();
    expect(response?.status).toBe(413);
    expect(server.atAnswer.slice(before)).toEqual([head.length]);
  });
});
