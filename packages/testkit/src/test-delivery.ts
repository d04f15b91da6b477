/** A complete delivery as a sender would make it: ready to send, or to hand to `receiver.handle`. */
export interface TestDelivery<K extends string = string, P = unknown> {
  readonly vendor: string;
  /** Native event name. */
  readonly event: K;
  readonly method: string;
  /** A suggested path to mount the receiver at, e.g. `/hooks/blox` (may carry a query secret). */
  readonly path: string;
  /** Lower-case header names, including the signature / credentials. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact bytes that were signed. */
  readonly body: Uint8Array;
  /** The body as text. */
  readonly text: string;
  /** The payload that was serialised. */
  readonly payload: P;
}

/** Credentials for vendors that sign nothing: what the receiver was configured with. */
export type TestAuth =
  | { readonly basic: { readonly username: string; readonly password: string } }
  | { readonly header: { readonly name: string; readonly value: string } }
  | { readonly query: { readonly name: string; readonly value: string } };

/** Deep partial, for overriding parts of a sample payload. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Options of a vendor kit's `delivery()`. */
export interface DeliveryOptions<P> {
  /** HMAC secret (signed vendors) or the secret header value. */
  readonly secret?: string;
  /** Receiver-side credentials for vendors that sign nothing. */
  readonly auth?: TestAuth;
  /** Deep-merged into the generated payload (arrays are replaced). */
  readonly overrides?: DeepPartial<P>;
  /** Same seed, same payload. Default 1. */
  readonly seed?: number;
  /** Extra headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Where the delivery will be sent (path and query), for vendors that sign the request target (Contentful). Default: the kit's suggested path. */
  readonly path?: string;
  /** When the delivery is signed, in Unix milliseconds, for vendors that sign a time (Sanity, Hygraph, Contentful). Default: now. */
  readonly timestamp?: number;
}

/**
 * What every vendor offers the testkit: realistic, schema-valid, signed
 * deliveries for each of its native events.
 */
export interface VendorTestkit<E extends Record<string, unknown> = Record<string, unknown>> {
  readonly vendor: string;
  /** Every native event name, from the vendor package's own table. */
  readonly events: readonly (keyof E & string)[];
  /** A realistic payload for an event (deterministic for a seed). */
  payload<K extends keyof E & string>(event: K, options?: { seed?: number; overrides?: DeepPartial<E[K]> }): E[K];
  /** A complete delivery: body bytes, headers with the signature or credentials, method and path. */
  delivery<K extends keyof E & string>(event: K, options?: DeliveryOptions<E[K]>): Promise<TestDelivery<K, E[K]>>;
  /** The headers that authenticate an arbitrary body (signature, secret header, basic auth). */
  sign(body: string | Uint8Array, options: { secret?: string; auth?: TestAuth; timestamp?: number }): Promise<Record<string, string>>;
}
