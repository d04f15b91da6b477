import type { IncomingMessage, ServerResponse } from "node:http";
import type { InspectorFeed } from "./inspector-feed.js";
import { inspectorPage } from "./inspector-page.js";

/** Where the page's live feed is served; deliveries may arrive on any other path. */
export const EVENTS_PATH = "/_cmshooks/events";

/**
 * The inspector's own requests, answered before the receiver sees them:
 * `GET /` (the page), `GET /_cmshooks/events` (its live feed) and the
 * browser's favicon probe. Returns false for anything else, which is a delivery.
 *
 * @example
 * ```ts
 * const inspector = inspectorRoutes(feed);
 * http.createServer((req, res) => inspector(req, res) || handler(req, res));
 * ```
 */
export function inspectorRoutes(feed: InspectorFeed): (req: IncomingMessage, res: ServerResponse) => boolean {
  const page = inspectorPage();
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/") {
      res.writeHead(200, page.headers).end(req.method === "HEAD" ? undefined : page.html);
      return true;
    }
    if (path === EVENTS_PATH) {
      feed.subscribe(req, res);
      return true;
    }
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return true;
    }
    return false;
  };
}
