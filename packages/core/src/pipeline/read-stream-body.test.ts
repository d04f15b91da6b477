/**
 * The Node request-stream body reader over a real socket: what it resolves with, and each
 * way a body can fail to arrive, as the error (and status) the receiver
 * answers with. Never a hang: every case settles.
 */
import http, { type IncomingMessage } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readStreamBody } from "./read-stream-body.js";

interface Outcome {
  readonly body?: string;
  readonly chunks?: number;
  readonly status?: number;
  readonly code?: string;
  readonly message?: string;
}

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/**
 * Starts a server whose only route reads the body with `readBodyWithLimit`,
 * writes `head` (raw request text) and then `rest` (each after a tick) on a
 * raw socket, and resolves with what the reader settled to.
 */
async function readOver(
  raw: { head: string; rest?: readonly string[]; end?: "close" | "keep" },
  limit = 64,
  options: { timeoutMs?: number } = {},
  prepare?: (req: IncomingMessage) => unknown,
): Promise<Outcome> {
  let settle!: (outcome: Outcome) => void;
  const settled = new Promise<Outcome>((resolve) => (settle = resolve));
  server = http.createServer((req, res) => {
    let chunks = 0;
    req.on("data", () => chunks++);
    void Promise.resolve(prepare?.(req))
      .then(() => readStreamBody(req, limit, options.timeoutMs ?? 30_000))
      .then(
      (body) => settle({ body: Buffer.from(body).toString("utf8"), chunks }),
      (error: { status?: number; code?: string; message: string }) => settle({ status: error.status, code: error.code, message: error.message }),
    );
    res.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
  socket.on("error", () => undefined);
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  socket.write(raw.head);
  for (const part of raw.rest ?? []) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    socket.write(part);
  }
  if (raw.end === "close") {
    await new Promise((resolve) => setTimeout(resolve, 5));
    socket.destroy();
  }
  const outcome = await settled;
  socket.destroy();
  return outcome;
}

const post = (headers: string) => `POST / HTTP/1.1\r\nhost: x\r\n${headers}\r\n`;

describe("readStreamBody (the Node adapters' body reader)", () => {
  it("resolves with the exact bytes of a declared body sent in several pieces", async () => {
    const outcome = await readOver({ head: post("content-length: 10\r\n"), rest: ['{"a":', '"é"', "}"] });
    expect(outcome.body).toBe('{"a":"é"}');
  });

  it("resolves with a chunked body joined in order", async () => {
    const outcome = await readOver({ head: post("transfer-encoding: chunked\r\n"), rest: ["3\r\nabc\r\n", "2\r\nde\r\n", "0\r\n\r\n"] });
    expect(outcome).toMatchObject({ body: "abcde" });
    expect(outcome.chunks).toBe(2);
  });

  it("refuses a declared length over the limit before reading anything (413)", async () => {
    const outcome = await readOver({ head: post("content-length: 65\r\n") + "x".repeat(65) });
    expect(outcome).toMatchObject({ status: 413, code: "body_too_large" });
  });

  it("stops a chunked body at the first chunk that passes the limit (413)", async () => {
    const chunk = `20\r\n${"x".repeat(32)}\r\n`;
    const outcome = await readOver({ head: post("transfer-encoding: chunked\r\n"), rest: [chunk, chunk, chunk, chunk] });
    expect(outcome).toMatchObject({ status: 413, code: "body_too_large" });
  });

  it("answers 400 body_incomplete when the client goes away before the declared length arrived", async () => {
    const outcome = await readOver({ head: post("content-length: 40\r\n"), rest: ["only part"], end: "close" });
    expect(outcome).toMatchObject({ status: 400, code: "body_incomplete" });
    expect(outcome.message).toMatch(/aborted/);
  });

  it("answers 408 when the body stops arriving within timeoutMs", async () => {
    const outcome = await readOver({ head: post("content-length: 40\r\n"), rest: ["slow"] }, 64, { timeoutMs: 50 });
    expect(outcome).toMatchObject({ status: 408, code: "request_timeout" });
  });

  it("answers 400 body_incomplete for a stream something else already read to its end", async () => {
    const consume = (req: IncomingMessage) => new Promise((resolve) => req.resume().once("end", resolve));
    const outcome = await readOver({ head: post("content-length: 2\r\n") + "{}" }, 64, {}, consume);
    expect(outcome).toMatchObject({ status: 400, code: "body_incomplete" });
    expect(outcome.message).toMatch(/not readable/);
  });

  it("refuses a stream with an encoding set, whose bytes would be decoded away", async () => {
    const outcome = await readOver({ head: post("content-length: 2\r\n") + "{}" }, 64, {}, (req) => void req.setEncoding("utf8"));
    expect(outcome).toMatchObject({ status: 400, code: "body_incomplete" });
    expect(outcome.message).toMatch(/encoding/);
  });
});
