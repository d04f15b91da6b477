import { EventWarning, ValidationError, type PayloadIssue } from "../errors.js";
import type { HeaderReader } from "../headers.js";
import { toPayloadIssues, type Provider, type RoutedEvent } from "../provider.js";
import type { BodyHash } from "./body-hash.js";
import { EventRecord } from "./event-record.js";

/** The events of one delivery after validation. */
export interface ValidatedEvents {
  /** Events handlers can take: valid known events, and unknown ones (for `onAny`). */
  readonly records: EventRecord[];
  /** Warnings to report: unknown events, and invalid events of a delivery that had valid ones. */
  readonly warnings: EventWarning[];
}

/**
 * Validates each routed event against its schema, on its own. A delivery of
 * one event that fails answers 422, and so does one whose every known event
 * fails; in a delivery of several events, an invalid one is set aside as an
 * `invalid_event` warning and the others run, since a retry cannot fix it.
 * Unknown events pass through as records and warnings both.
 */
export function validateEvents(
  provider: Provider,
  routed: readonly RoutedEvent[],
  meta: unknown,
  headers: HeaderReader,
  bodyHash: BodyHash,
): ValidatedEvents {
  // Sized to the routed events (a pushed-to empty array reserves 17 slots), trimmed if some were set aside.
  const records: EventRecord[] = new Array(routed.length);
  let count = 0;
  let warnings: EventWarning[] | undefined;
  let invalid: { name: string; index: number; issues: PayloadIssue[] }[] | undefined;
  let validCount = 0;
  for (let index = 0; index < routed.length; index++) {
    const { name, payload, path, hint } = routed[index]!;
    const prepared = provider.events.get(name);
    if (!prepared) {
      records[count++] = new EventRecord(name, payload, provider.name, meta, headers, index, false, undefined, bodyHash);
      (warnings ??= []).push(new EventWarning("unknown_event", name, index, { hint }));
      continue;
    }
    let data: unknown = payload;
    // Validating without building a copy is ~3x cheaper; the full parse runs for schemas that change data, and for the issues.
    if (!prepared.outputIsInput || !prepared.schema.validate(payload)) {
      const result = prepared.schema.safeParse(payload);
      if (!result.success) {
        (invalid ??= []).push({ name, index, issues: toPayloadIssues(result.error, path ?? []) });
        continue;
      }
      data = result.data;
    }
    const vendorId = prepared.definition.deliveryId?.(data, { name, meta, index });
    records[count++] = new EventRecord(name, data, provider.name, meta, headers, index, true, vendorId, bodyHash);
    validCount++;
  }
  if (count < records.length) records.length = count;
  if (invalid) {
    if (validCount === 0) throw new ValidationError(invalid.flatMap((e) => e.issues), invalid[0]!.name);
    for (const e of invalid) (warnings ??= []).push(new EventWarning("invalid_event", e.name, e.index, { issues: e.issues }));
  }
  return { records, warnings: warnings ?? NO_WARNINGS };
}

const NO_WARNINGS: EventWarning[] = [];
