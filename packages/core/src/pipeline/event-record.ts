import type { HeaderReader } from "../headers.js";
import type { BodyHash } from "./body-hash.js";

/**
 * One event of a delivery, as handlers see it. `deliveryId` is computed on
 * first read when the vendor gives none, so receivers that never look at it
 * never hash the body.
 */
export class EventRecord {
  readonly known: boolean;
  /** The tenant the delivery was resolved to, for receivers that serve many. */
  tenant: string | undefined;
  constructor(
    readonly name: string,
    readonly payload: unknown,
    readonly source: string,
    readonly meta: unknown,
    readonly headers: HeaderReader,
    readonly index: number,
    known: boolean,
    private vendorId: string | undefined,
    private readonly bodyHash: BodyHash,
  ) {
    this.known = known;
  }

  get deliveryId(): string {
    return (this.vendorId ??= `${this.bodyHash.hex()}:${this.name}${this.index ? `:${this.index}` : ""}`);
  }

  /** Plain-object view for logging. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, source: this.source, deliveryId: this.deliveryId, index: this.index, known: this.known, payload: this.payload };
  }
}
