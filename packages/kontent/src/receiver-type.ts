import type { Receiver } from "@cmshooks/core";
import type { KontentProvider } from "./provider.js";

/**
 * A receiver of Kontent.ai deliveries, by name: for signatures and hovers that
 * would otherwise spell out every payload type.
 *
 * @example
 * ```ts
 * export function registerHandlers(receiver: KontentReceiver): void {
 *   receiver.onContentPublish((event) => console.log(event.nativeEvent));
 * }
 * registerHandlers(createReceiver({ provider: kontent({ secret }) }));
 * ```
 */
export type KontentReceiver = Receiver<KontentProvider>;
