import net from "node:net";

/**
 * HTTP/1.1 over a bare `net` socket: the tests write exactly the bytes they
 * want (lying Content-Length, slow headers, duplicated or non-ASCII header
 * values, bytes after the body) and read exactly what the server answered,
 * including answers Node writes itself (400, 408, 431) and connections it
 * closes without a word.
 */

/** One parsed response. */
export interface RawResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One request as bytes: the header block is written as given (UTF-8), the body as is. */
export interface RawRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: Uint8Array;
  /** Send the body with Transfer-Encoding: chunked, in chunks of this many bytes. */
  readonly chunkSize?: number;
}

/** The bytes of a request. Adds `Host`; adds nothing else (no Content-Length unless the headers carry one). */
export function requestBytes(request: RawRequest): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`, "host: 127.0.0.1", ...request.headers.map(([n, v]) => `${n}: ${v}`)];
  const body = request.body ?? new Uint8Array(0);
  if (request.chunkSize === undefined) return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "utf8"), Buffer.from(body)]);
  const parts: Buffer[] = [Buffer.from(`${[...lines, "transfer-encoding: chunked"].join("\r\n")}\r\n\r\n`, "utf8")];
  for (let offset = 0; offset < body.length; offset += request.chunkSize) {
    const chunk = body.subarray(offset, offset + request.chunkSize);
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), Buffer.from(chunk), Buffer.from("\r\n"));
  }
  parts.push(Buffer.from("0\r\n\r\n"));
  return Buffer.concat(parts);
}

/** Parses the first complete response at the start of `data`; `undefined` while incomplete. */
function parseResponse(data: Buffer, closed: boolean, head: boolean): { response: RawResponse; rest: Buffer } | undefined {
  const end = data.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const [statusLine = "", ...lines] = data.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const start = end + 4;
  // The answer to HEAD announces a length but carries no body.
  if (head) return { response: { status, headers, body: "" }, rest: data.subarray(start) };
  const length = headers["content-length"];
  if (length !== undefined) {
    const stop = start + Number(length);
    if (data.length < stop) return undefined;
    return { response: { status, headers, body: data.subarray(start, stop).toString("utf8") }, rest: data.subarray(stop) };
  }
  if (headers["transfer-encoding"]?.includes("chunked")) {
    let offset = start;
    const chunks: Buffer[] = [];
    for (;;) {
      const lineEnd = data.indexOf("\r\n", offset);
      if (lineEnd < 0) return undefined;
      const size = parseInt(data.subarray(offset, lineEnd).toString("latin1"), 16);
      if (data.length < lineEnd + 2 + size + 2) return undefined;
      if (size === 0) return { response: { status, headers, body: Buffer.concat(chunks).toString("utf8") }, rest: data.subarray(lineEnd + 4) };
      chunks.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
      offset = lineEnd + 2 + size + 2;
    }
  }
  // No length (Node's own 400/408/431, or a body-less status): complete at once, or at close.
  if (status === 204 || status === 304 || headers.connection === "close" || closed) {
    return { response: { status, headers, body: data.subarray(start).toString("utf8") }, rest: Buffer.alloc(0) };
  }
  return { response: { status, headers, body: "" }, rest: data.subarray(start) };
}

/** A client connection that records everything the server sends and when it closes. */
export class RawConnection {
  readonly socket: net.Socket;
  readonly responses: RawResponse[] = [];
  /** Resolves when the socket is fully closed (either side), with the ms since it opened. */
  readonly closed: Promise<number>;
  /** Set once the server has ended or reset the connection. */
  isClosed = false;
  /** The requests on this connection are HEAD: answers carry no body. */
  head = false;
  error: NodeJS.ErrnoException | undefined;
  readonly #opened = Date.now();
  #buffer: Buffer = Buffer.alloc(0);
  #waiters: (() => void)[] = [];

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on("data", (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#drain(false);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => void (this.error = error));
    this.closed = new Promise((resolve) =>
      socket.once("close", () => {
        this.isClosed = true;
        this.#drain(true);
        resolve(Date.now() - this.#opened);
        this.#wake();
      }),
    );
  }

  /** Connects to 127.0.0.1:port. */
  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => resolve(new RawConnection(socket)));
      socket.once("error", reject);
    });
  }

  #drain(closed: boolean): void {
    for (;;) {
      const parsed = parseResponse(this.#buffer, closed, this.head);
      if (!parsed) break;
      this.responses.push(parsed.response);
      this.#buffer = parsed.rest;
      if (!parsed.rest.length) break;
    }
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  /** Writes bytes unless the socket is gone; resolves once flushed (or immediately when it is gone). */
  write(data: string | Uint8Array): Promise<void> {
    if (this.socket.destroyed || !this.socket.writable) return Promise.resolve();
    return new Promise((resolve) => this.socket.write(data, () => resolve()));
  }

  /** Waits until `count` responses arrived, or the socket closed, or `ms` passed. */
  async waitForResponses(count: number, ms: number): Promise<RawResponse[]> {
    const deadline = Date.now() + ms;
    while (this.responses.length < count && !this.isClosed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.responses;
  }

  /** Waits for the close, up to `ms`; resolves with the ms since open, or `undefined` if still open. */
  async waitForClose(ms: number): Promise<number | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
    const result = await Promise.race([this.closed, timeout]);
    clearTimeout(timer);
    return result;
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** Sends one request on a fresh connection and returns the first response (or `undefined` when the server closed without one). */
export async function sendRaw(port: number, request: RawRequest, timeoutMs = 5_000): Promise<{ response: RawResponse | undefined; connection: RawConnection }> {
  const connection = await RawConnection.open(port);
  connection.head = request.method === "HEAD";
  await connection.write(requestBytes(request));
  const [response] = await connection.waitForResponses(1, timeoutMs);
  connection.destroy();
  return { response, connection };
}
