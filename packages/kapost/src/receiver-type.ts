import type { Receiver } from "@cmshooks/core";
import type { KapostProvider } from "./provider.js";

/**
 * A receiver of Kapost deliveries, by name: for signatures and hovers that
 * would otherwise spell out every payload type.
 *
 * @example
 * ```ts
 * export function registerHandlers(receiver: KapostReceiver): void {
 *   receiver.onContentPublish((event) => console.log(event.nativeEvent));
 * }
 * registerHandlers(createReceiver({ provider: kapost({ auth }) }));
 * ```
 */
export type KapostReceiver = Receiver<KapostProvider>;
