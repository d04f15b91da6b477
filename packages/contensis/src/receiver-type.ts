import type { Receiver } from "@cmshooks/core";
import type { ContensisSubscriptionDefinition } from "./define-subscription.js";
import type { ContensisProvider } from "./provider.js";
import type { ContensisNoSubscription } from "./subscription-payloads.js";

/**
 * A receiver of Contensis deliveries, by name: for signatures and hovers that
 * would otherwise spell out every payload type. Pass your subscription's
 * definition type for its templated payloads.
 *
 * @example
 * ```ts
 * type Definition = (typeof subscription)["definition"];
 * export function registerHandlers(receiver: ContensisReceiver<Definition>): void {
 *   receiver.on("entry.published", ({ payload }) => console.log(payload));
 * }
 * ```
 */
export type ContensisReceiver<D extends ContensisSubscriptionDefinition = ContensisNoSubscription> = Receiver<ContensisProvider<D>>;
