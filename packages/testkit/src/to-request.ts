import { deliveryUrl } from "./delivery-url.js";
import type { TestDelivery } from "./test-delivery.js";

/**
 * A fetch `Request` for a delivery: its method, headers and exact body bytes.
 * Without a URL it targets `http://localhost` plus the delivery's suggested
 * path, which is all `receiver.fetch` needs.
 *
 * @example
 * ```ts
 * const delivery = await testkit.blox.delivery("editorial.update_asset", { secret });
 * const response = await receiver.fetch(toRequest(delivery));
 * expect(response.status).toBe(200);
 * ```
 */
export function toRequest(delivery: TestDelivery, url: string | URL = "http://localhost"): Request {
  return new Request(deliveryUrl(delivery, url), {
    method: delivery.method,
    headers: delivery.headers,
    // A copy with its own ArrayBuffer: the body stays the exact signed bytes.
    body: new Uint8Array(delivery.body),
  });
}
