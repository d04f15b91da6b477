/**
 * The BullMQ job id of a delivery: its delivery id, escaped where BullMQ
 * refuses the raw text (`:` and `%` are percent-encoded; an id that is a bare
 * integer gets a `%i` mark). Distinct delivery ids always give distinct job
 * ids, so a re-sent delivery maps to the job already queued.
 *
 * @example
 * ```ts
 * await queue.getJob(deliveryJobId(event.deliveryId));
 * deliveryJobId("9f2c…e1:editorial.update_asset"); // "9f2c…e1%3Aeditorial.update_asset"
 * ```
 */
export function deliveryJobId(deliveryId: string): string {
  const escaped = deliveryId.replace(/[%:]/g, (c) => (c === "%" ? "%25" : "%3A"));
  return `${Number.parseInt(escaped, 10)}` === escaped ? `%i${escaped}` : escaped;
}
