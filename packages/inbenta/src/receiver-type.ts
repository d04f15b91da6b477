import type { Receiver } from "@cmshooks/core";
import type { InbentaProvider } from "./provider.js";

/**
 * A receiver of Inbenta Knowledge deliveries, by name: for signatures and hovers that
 * would otherwise spell out every payload type.
 *
 * @example
 * ```ts
 * export function registerHandlers(receiver: InbentaReceiver): void {
 *   receiver.onContentPublish((event) => console.log(event.nativeEvent));
 * }
 * registerHandlers(createReceiver({ provider: inbenta({ auth }) }));
 * ```
 */
export type InbentaReceiver = Receiver<InbentaProvider>;
