import type { DeliveryInput } from "@cmshooks/core";
import type { TestDelivery } from "./test-delivery.js";

/**
 * The plain-values input of `receiver.handle` for a delivery, as a Node
 * adapter would pass it: method, lower-case headers, exact body bytes, the
 * suggested path (with any query secret) as `url`, and a peer address.
 *
 * @example
 * ```ts
 * const delivery = await testkit.blox.delivery("user.create_user", { secret });
 * const { status, body } = await receiver.handle(toHandleInput(delivery, { ip: "203.0.113.7" }));
 * ```
 */
export function toHandleInput(delivery: TestDelivery, options: { ip?: string } = {}): DeliveryInput {
  return {
    method: delivery.method,
    headers: delivery.headers,
    body: delivery.body,
    ip: options.ip ?? "127.0.0.1",
    url: delivery.path,
  };
}
