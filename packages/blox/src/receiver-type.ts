import type { Receiver } from "@cmshooks/core";
import type { BloxProvider } from "./provider.js";

/**
 * A receiver of BLOX CMS deliveries, by name: for signatures and hovers that
 * would otherwise spell out every payload type.
 *
 * @example
 * ```ts
 * export function registerHandlers(receiver: BloxReceiver): void {
 *   receiver.onContentPublish((event) => console.log(event.nativeEvent));
 * }
 * registerHandlers(createReceiver({ provider: blox({ secret }) }));
 * ```
 */
export type BloxReceiver = Receiver<BloxProvider>;
