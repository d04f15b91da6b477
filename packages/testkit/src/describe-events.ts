import { createReceiver, type UnifiedKind } from "@cmshooks/core";
import { onEveryUnified } from "./on-every-unified.js";
import { toHandleInput } from "./to-handle-input.js";
import { sampleCredentials, type VendorEntry } from "./vendor-entry.js";

/** One native event and the unified kinds its sample delivery maps to. */
export interface EventDescription {
  readonly vendor: string;
  /** Native event name. */
  readonly event: string;
  /** Unified kinds, in the order the vendor's mapping returns them; empty when the event maps to none. */
  readonly unified: readonly UnifiedKind[];
}

/**
 * Lists a vendor's native events with the unified kinds each maps to. The
 * kinds are not kept in a second table: each event's sample delivery runs
 * through a real receiver with the vendor's provider, and its unified
 * listeners record what the vendor's own mapping produced.
 *
 * @example
 * ```ts
 * for (const { event, unified } of await describeEvents(vendors.blox)) console.log(event, unified.join(", "));
 * // editorial.update_asset content.update, content.publish
 * ```
 */
export async function describeEvents(entry: VendorEntry, options: { seed?: number } = {}): Promise<EventDescription[]> {
  const credentials = sampleCredentials(entry);
  const provider = entry.provider(credentials);
  const receiver = createReceiver({ provider });
  let current: { event: string; kinds: UnifiedKind[] } | undefined;
  onEveryUnified(receiver, (unified) => {
    if (current && unified.nativeEvent === current.event) current.kinds.push(unified.kind);
  });
  const described: EventDescription[] = [];
  for (const event of provider.eventNames) {
    const delivery = await entry.kit.delivery(event, { ...credentials, seed: options.seed ?? 1 });
    current = { event, kinds: [] };
    const response = await receiver.handle(toHandleInput(delivery));
    if (response.status !== 200) {
      throw new Error(`The ${entry.kit.vendor} sample delivery for ${event} was refused (${response.status}): ${response.body}`);
    }
    described.push({ vendor: entry.kit.vendor, event, unified: current.kinds });
  }
  return described;
}
