import { UNIFIED_KINDS, type AnyUnifiedEvent, type UnifiedKind, type WebhookReceiver } from "@cmshooks/core";

type UnifiedMethod = (typeof UNIFIED_KINDS)[UnifiedKind];

/**
 * Registers one listener for every unified kind (`onContentCreate`, …,
 * `onUserChange`), for tools that show whatever a delivery maps to.
 *
 * @example
 * ```ts
 * onEveryUnified(receiver, (event) => console.log(event.kind, event.nativeEvent, event.items));
 * ```
 */
export function onEveryUnified(receiver: Pick<WebhookReceiver, UnifiedMethod>, listener: (event: AnyUnifiedEvent) => unknown): void {
  for (const method of Object.values(UNIFIED_KINDS)) {
    // Each onX method takes a listener of its own kind; one listener of the union type fits them all.
    (receiver[method] as (handler: (event: AnyUnifiedEvent) => unknown) => unknown).call(receiver, listener);
  }
}
