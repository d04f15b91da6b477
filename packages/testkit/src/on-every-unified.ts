import { UNIFIED_KINDS, type AnyUnifiedEvent, type UnifiedKind } from "@cmshooks/core";

type UnifiedMethod = (typeof UNIFIED_KINDS)[UnifiedKind];

/** A receiver's unified methods, whatever its provider: each accepts a listener of any unified event. */
type UnifiedListening = { readonly [M in UnifiedMethod]: (handler: (event: AnyUnifiedEvent) => unknown) => unknown };

/**
 * Registers one listener for every unified kind (`onContentCreate`, …,
 * `onUserChange`), for tools that show whatever a delivery maps to. Takes a
 * receiver of any provider.
 *
 * @example
 * ```ts
 * onEveryUnified(receiver, (event) => console.log(event.kind, event.nativeEvent, event.items));
 * ```
 */
export function onEveryUnified(receiver: UnifiedListening, listener: (event: AnyUnifiedEvent) => unknown): void {
  for (const method of Object.values(UNIFIED_KINDS)) {
    // Each onX method takes a listener of its own kind; one listener of the union type fits them all.
    receiver[method].call(receiver, listener);
  }
}
