import type { TestDelivery } from "./test-delivery.js";

const ORIGIN_ONLY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+$/i;

/**
 * Where a delivery goes. A URL without a path (`http://127.0.0.1:3000`) gets
 * the delivery's suggested path (`/hooks/blox`); any query parameters of the
 * delivery's path (a query secret) are added unless the URL already sets them.
 *
 * @example
 * ```ts
 * deliveryUrl(delivery, "http://127.0.0.1:3000").href;            // "http://127.0.0.1:3000/hooks/blox"
 * deliveryUrl(delivery, "http://127.0.0.1:3000/webhooks/x").href; // that URL, plus the delivery's query secret if any
 * ```
 */
export function deliveryUrl(delivery: Pick<TestDelivery, "path">, url: string | URL): URL {
  const text = String(url);
  const target = ORIGIN_ONLY.test(text) ? new URL(delivery.path, text) : new URL(text);
  const q = delivery.path.indexOf("?");
  if (q >= 0) {
    for (const [name, value] of new URLSearchParams(delivery.path.slice(q + 1))) {
      if (!target.searchParams.has(name)) target.searchParams.append(name, value);
    }
  }
  return target;
}
