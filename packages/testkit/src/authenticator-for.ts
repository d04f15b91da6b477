import { basicAuth, secretHeader, secretQueryParam, type Authenticator } from "@cmshooks/core";
import type { TestAuth } from "./test-delivery.js";

/**
 * The core authenticator that accepts exactly these test credentials:
 * `basicAuth`, `secretHeader` or `secretQueryParam`. Lets one credentials
 * value configure both the test delivery and the receiver of an unsigned vendor.
 *
 * @example
 * ```ts
 * const auth: TestAuth = { basic: { username: "cms", password: "pa55" } };
 * const receiver = createReceiver({ provider: kapost({ auth: authenticatorFor(auth) }) });
 * await receiver.fetch(toRequest(await testkit.kapost.delivery("content.publish", { auth })));
 * ```
 */
export function authenticatorFor(auth: TestAuth): Authenticator {
  if ("basic" in auth) return basicAuth({ username: auth.basic.username, password: auth.basic.password });
  if ("header" in auth) return secretHeader({ name: auth.header.name, value: auth.header.value });
  return secretQueryParam({ name: auth.query.name, value: auth.query.value });
}
