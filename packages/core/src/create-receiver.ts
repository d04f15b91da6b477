import type { CryptoEngine } from "./crypto/engine.js";
import { WebhookReceiver, type ReceiverOptions } from "./pipeline/receiver.js";
import type { EventsOf, MetaOf, Provider, UnifiedOf } from "./provider.js";
import type { NativesByKind } from "./unified-events.js";

/** A receiver typed by its provider's events, header metadata and unified mappings. */
export type Receiver<P extends Provider = Provider> = WebhookReceiver<EventsOf<P>, MetaOf<P>, NativesByKind<UnifiedOf<P>>>;

/** Creates receivers that use one crypto engine. */
export type CreateReceiver = <P extends Provider>(options: ReceiverOptions<P>) => Receiver<P>;

/** Binds `createReceiver` to a crypto engine (Node's for the `node` condition, Web Crypto elsewhere). */
export function makeCreateReceiver(engine: CryptoEngine): CreateReceiver {
  return <P extends Provider>(options: ReceiverOptions<P>): Receiver<P> =>
    new WebhookReceiver(options as unknown as ReceiverOptions<Provider>, engine) as unknown as Receiver<P>;
}
