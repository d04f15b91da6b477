import type { UnifiedEventInit } from "../unified-events.js";
import type { EventRecord } from "./event-record.js";

/**
 * A unified event as handlers receive it. The vendor's fields are copied;
 * what costs something to compute (`deliveryId`, a hash of the body for
 * vendors that give no id, and the parsed `occurredAt`) is computed on first
 * read, on a shared prototype, so a handler that never reads them never pays.
 * `toJSON` includes them.
 */
export class UnifiedEventObject {
  readonly kind: string;
  readonly items: UnifiedEventInit["items"];
  readonly channel: UnifiedEventInit["channel"];
  readonly source: string;
  readonly nativeEvent: string;
  readonly raw: unknown;
  readonly meta: unknown;
  readonly tenant: string | undefined;
  readonly #record: EventRecord;
  readonly #when: string | Date | undefined;
  #occurredAt: Date | undefined | null = null;

  constructor(init: UnifiedEventInit, record: EventRecord) {
    this.kind = init.kind;
    this.items = init.items;
    this.channel = init.channel;
    // Kind-specific fields, present only where the vendor gave them.
    const extra = init as { changedFields?: unknown; workflow?: unknown; taxonomy?: unknown; user?: unknown };
    if (extra.changedFields !== undefined) (this as { changedFields?: unknown }).changedFields = extra.changedFields;
    if (extra.workflow !== undefined) (this as { workflow?: unknown }).workflow = extra.workflow;
    if (extra.taxonomy !== undefined) (this as { taxonomy?: unknown }).taxonomy = extra.taxonomy;
    if (extra.user !== undefined) (this as { user?: unknown }).user = extra.user;
    this.source = record.source;
    this.nativeEvent = record.name;
    this.raw = record.payload;
    this.meta = record.meta;
    this.tenant = record.tenant;
    this.#record = record;
    this.#when = init.occurredAt;
  }

  /** Stable id of the delivery this event came in. */
  get deliveryId(): string {
    return this.#record.deliveryId;
  }

  /** Parsed time of the change, when the vendor gives one. */
  get occurredAt(): Date | undefined {
    if (this.#occurredAt === null) this.#occurredAt = toDate(this.#when);
    return this.#occurredAt;
  }

  /** Plain-object view, with the lazily computed fields. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), deliveryId: this.deliveryId, occurredAt: this.occurredAt };
  }
}

function toDate(value: string | Date | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
