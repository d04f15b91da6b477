import type { IncomingMessage, ServerResponse } from "node:http";
import type { InspectorEntry } from "./inspector-entry.js";

/** What the page is told first: which listener this is. */
export interface InspectorHello {
  /** Changes when the listener restarts, so the page drops the old list. */
  readonly session: string;
  readonly vendor: string;
  readonly title: string;
  readonly checks: readonly string[];
  readonly url: string;
}

const KEEP_ENTRIES = 200;
const KEEP_ALIVE_MS = 15_000;

/**
 * The deliveries since the listener started (the last 200), streamed to every
 * open page as server-sent events: `hello`, then one `delivery` event per
 * entry, old ones first, then each new one as it is handled.
 *
 * @example
 * ```ts
 * const feed = new InspectorFeed(hello);
 * if (req.url === "/_cmshooks/events") return feed.subscribe(req, res);
 * feed.add(entry);
 * ```
 */
export class InspectorFeed {
  readonly #hello: string;
  readonly #entries: string[] = [];
  readonly #clients = new Set<ServerResponse>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(hello: InspectorHello) {
    this.#hello = frame("hello", hello);
  }

  /** Adds a delivery and sends it to every open page. */
  add(entry: InspectorEntry): void {
    const event = frame("delivery", entry);
    this.#entries.push(event);
    if (this.#entries.length > KEEP_ENTRIES) this.#entries.shift();
    for (const client of this.#clients) client.write(event);
  }

  /** Answers an `EventSource` request and keeps it open until the page goes away. */
  subscribe(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    res.write(`retry: 1000\n${this.#hello}`);
    for (const event of this.#entries) res.write(event);
    this.#clients.add(res);
    this.#timer ??= setInterval(() => {
      for (const client of this.#clients) client.write(": keep-alive\n\n");
    }, KEEP_ALIVE_MS).unref();
    req.socket.once("close", () => {
      this.#clients.delete(res);
      if (this.#clients.size === 0 && this.#timer) {
        clearInterval(this.#timer);
        this.#timer = undefined;
      }
    });
  }

  /** Ends every stream (the listener is stopping). */
  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** One SSE event; JSON has no raw newlines, so one `data:` line carries it. */
function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
