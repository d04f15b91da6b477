import type { IncomingMessage, ServerResponse } from "node:http";
import type { WebhookReceiver } from "@cmshooks/core";
import { nodeDelivery } from "./delivery.js";
import type { ReadBodyOptions } from "./read-body.js";
import { writeNodeResponse } from "./write-response.js";

/** Options of {@link toNodeHandler}. */
export type NodeHandlerOptions = ReadBodyOptions;

/**
 * A `node:http` request listener for a receiver (also usable as Connect-style
 * middleware). Reads the raw body itself, under the receiver's limit.
 *
 * @example
 * ```ts
 * http.createServer(toNodeHandler(receiver)).listen(3000, "127.0.0.1");
 * ```
 */
export function toNodeHandler(
  receiver: Pick<WebhookReceiver, "handle">,
  options: NodeHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return (req, res) => receiver.handle(nodeDelivery(req, options)).then((response) => writeNodeResponse(res, response));
}
