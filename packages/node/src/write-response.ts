import type { ServerResponse } from "node:http";
import type { ReceiverResponse } from "@cmshooks/core";

/**
 * Writes the receiver's answer to a Node response. When the answer asks to
 * close the connection (413, 408), the rest of an unread body is not read.
 */
export function writeNodeResponse(res: ServerResponse, response: ReceiverResponse): void {
  if (res.headersSent || res.destroyed) return;
  // A declared length lets Node send the answer in one piece instead of chunked.
  res.writeHead(response.status, { ...response.headers, "content-length": Buffer.byteLength(response.body) });
  res.end(response.body);
}
