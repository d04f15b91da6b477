import type { ServerResponse } from "node:http";
import type { ReceiverResponse } from "@cmshooks/core";

/**
 * Writes the receiver's answer to a Node response. When the answer asks to
 * close the connection (413, 408), the rest of an unread body is not read.
 */
export function writeNodeResponse(res: ServerResponse, response: ReceiverResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, response.headers as Record<string, string>);
  res.end(response.body);
}
