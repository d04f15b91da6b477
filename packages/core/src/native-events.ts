import type { HeaderReader } from "./headers.js";
import type { EventMap } from "./provider.js";

/** A native event as its handlers receive it: the vendor's own name and exact payload type. */
export interface NativeEvent<K extends string = string, P = unknown, Meta = unknown> {
  readonly known: true;
  /** Native event name, e.g. `"editorial.update_asset"`. */
  readonly name: K;
  /** The validated payload, typed by the event's schema. */
  readonly payload: P;
  /** Vendor id (`"blox"`, `"kontent"`, …). */
  readonly source: string;
  /** Stable id of this delivery (vendor message id, or a SHA-256 of the raw body and event name). */
  readonly deliveryId: string;
  /** Vendor header metadata (typed per vendor). */
  readonly meta: Meta;
  /** All request headers. */
  readonly headers: HeaderReader;
  /** Position in a batched delivery (0 otherwise). */
  readonly index: number;
  /** The tenant the delivery was for, on receivers that serve many (the `tenant` option). */
  readonly tenant: string | undefined;
}

/** An event whose name the vendor package does not know (yet): acknowledged, seen only by `onAny`. */
export interface UnknownEvent<Meta = unknown> {
  readonly known: false;
  readonly name: string;
  readonly payload: unknown;
  readonly source: string;
  readonly deliveryId: string;
  readonly meta: Meta;
  readonly headers: HeaderReader;
  readonly index: number;
  readonly tenant: string | undefined;
}

/** The native event for one name or a union of names. */
export type NativeEventOf<E extends EventMap, K extends keyof E & string, Meta> = {
  [N in K]: NativeEvent<N, E[N], Meta>;
}[K];

/** What `onAny` receives: a known native event, or an unknown one. */
export type AnyNativeEvent<E extends EventMap, Meta> = NativeEventOf<E, keyof E & string, Meta> | UnknownEvent<Meta>;
