import { once } from "node:events";
import http, { type IncomingMessage, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readBodyWithLimit } from "./read-body.js";

/** What readBodyWithLimit gave the server: the body as text, or the error's status, code and message. */
type Outcome = { body: string } | { status: number; code: string; message: string; error: unknown };

const LIMIT = 100;
const servers: Server[] = [];
const sockets: net.Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) server.close();
});

/**
 * A real node:http server on 127.0.0.1 whose handler reads the body with
 * `read(req)`, and a bare socket to it, so a test writes exactly the bytes it
 * wants. Resolves the server's outcome for the first request.
 */
async function serve(read: (req: IncomingMessage) => Promise<Uint8Array>, serverOptions: http.ServerOptions = {}) {
  let settle!: (outcome: Outcome) => void;
  const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
  const server = http.createServer(serverOptions, (req, res) => {
    read(req).then(
      (body) => settle({ body: Buffer.from(body).toString("utf8") }),
      (error: { status: number; code: string; message: string }) => settle({ status: error.status, code: error.code, message: error.message, error }),
    );
    outcome.then(() => res.end());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const socket = net.connect((server.address() as AddressInfo).port, "127.0.0.1");
  socket.on("error", () => {});
  sockets.push(socket);
  await once(socket, "connect");
  const send = (text: string) => new Promise<void>((resolve) => socket.write(text, () => resolve()));
  return { outcome, send, socket };
}

const head = (...headers: string[]) => ["POST /hooks HTTP/1.1", "host: 127.0.0.1", ...headers, "", ""].join("\r\n");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("readBodyWithLimit over a real socket", () => {
  it("reads a body of exactly the limit", async () => {
    const { outcome, send } = await serve((req) => readBodyWithLimit(req, LIMIT));
    await send(head(`content-length: ${LIMIT}`) + "x".repeat(LIMIT));
    expect(await outcome).toEqual({ body: "x".repeat(LIMIT) });
  });

  it("answers 413 from the declared Content-Length alone, before any byte of the body arrived", async () => {
    const { outcome, send } = await serve((req) => readBodyWithLimit(req, LIMIT, { timeoutMs: 2_000 }));
    await send(head(`content-length: ${LIMIT + 1}`));
    expect(await outcome).toMatchObject({ status: 413, code: "body_too_large" });
  });

  it("answers 413 for a Content-Length past the safe integers, rather than waiting for the body", async () => {
    const { outcome, send } = await serve((req) => readBodyWithLimit(req, LIMIT, { timeoutMs: 1_000 }));
    await send(head("content-length: 9007199254740993"));
    expect(await outcome).toMatchObject({ status: 413, code: "body_too_large" });
  });

  it("reads a chunked body whatever a Content-Length beside it says (Transfer-Encoding wins, RFC 9112 §6.3)", async () => {
    // Node's strict parser refuses the pair outright; the lenient one lets it through, and the body is then the chunked one.
    const { outcome, send } = await serve((req) => readBodyWithLimit(req, LIMIT), { insecureHTTPParser: true });
    await send(head("transfer-encoding: chunked", "content-length: 3") + "b\r\nhello world\r\n0\r\n\r\n");
    expect(await outcome).toEqual({ body: "hello world" });
  });

  it("answers 400 when fewer bytes than Content-Length are left to read (something consumed part of the body first)", async () => {
    const { outcome, send } = await serve(
      (req) =>
        new Promise((resolve, reject) => {
          req.once("data", () => {
            req.pause();
            readBodyWithLimit(req, LIMIT).then(resolve, reject);
            req.resume();
          });
        }),
    );
    await send(head("content-length: 10") + "12345");
    await sleep(100);
    await send("67890");
    expect(await outcome).toMatchObject({ status: 400, code: "body_incomplete", message: "The body's length does not match Content-Length" });
  });

  it("answers 400 when the client goes away before the body is complete", async () => {
    const { outcome, send, socket } = await serve((req) => readBodyWithLimit(req, LIMIT));
    await send(head("content-length: 50") + "12345");
    await sleep(100);
    socket.destroy();
    expect(await outcome).toMatchObject({ status: 400, code: "body_incomplete", message: "The client aborted the request before the body was complete" });
  });

  it("answers 400 with the reason when the bytes cannot be had (here: a text encoding already set on the request)", async () => {
    const { outcome, send } = await serve((req) => {
      req.setEncoding("utf8");
      return readBodyWithLimit(req, LIMIT);
    });
    await send(head("content-length: 2") + "{}");
    expect(await outcome).toMatchObject({ status: 400, code: "body_incomplete", message: "The body could not be read: the stream has an encoding set, so its bytes are gone" });
  });

  it("answers 408 when the body stops arriving for longer than timeoutMs", async () => {
    const { outcome, send } = await serve((req) => readBodyWithLimit(req, LIMIT, { timeoutMs: 200 }));
    await send(head("content-length: 50") + "12345");
    expect(await outcome).toMatchObject({ status: 408, code: "request_timeout" });
  });

  it("waits as long as it takes with timeoutMs 0", async () => {
    const { outcome, send } = await serve((req) => readBodyWithLimit(req, LIMIT, { timeoutMs: 0 }));
    await send(head("content-length: 10") + "12345");
    await sleep(100);
    await send("67890");
    expect(await outcome).toEqual({ body: "1234567890" });
  });
});
