import type { Authenticator } from "../auth/authenticator.js";
import { toBytes } from "../crypto/encoding.js";
import { compileCredentialMask, type CredentialMask } from "../delivery-log/mask-credentials.js";
import { ConfigurationError, WebhookError } from "../errors.js";
import type { DeliveryInput } from "./receiver.js";
import type { ReceiverResponse } from "./responses.js";

/**
 * One delivery as it arrived, credentials masked, with the status it was
 * answered with: enough to replay it byte for byte.
 */
export interface DeliveryRecord {
  /** When the receiver started handling it (ISO 8601). */
  readonly receivedAt: string;
  readonly method: string;
  /** Path and query, with secret path segments and query values replaced by `"[masked]"`. */
  readonly path: string;
  /** Every header, lower-case names; `Authorization` and the provider's secret headers masked, signatures kept. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact bytes received; `undefined` when the answer came before the body was read (405, 403, 413, 415, a header credential refused). */
  readonly body: Uint8Array | undefined;
  /** The status the receiver answered with. */
  readonly status: number;
  /** The error code of the answer (`"handler_failed"`, `"signature_mismatch"`, …); absent on success. */
  readonly error?: string | undefined;
  /** The peer address, as the adapter gave it. */
  readonly ip?: string | undefined;
}

/** Where recorded deliveries go: `fileDeliveryLog` (`@cmshooks/node`), `redisDeliveryLog` (`@cmshooks/redis`), or your own. */
export interface DeliveryLogStore {
  /** Stores one record. A rejection (or throw) is reported through `onError`; it never changes an answer. */
  append(record: DeliveryRecord): void | Promise<void>;
}

/** Which deliveries to record: 5xx (`"failed"`), 4xx (`"rejected"`), every one, or your choice. */
export type DeliveryLogWhen = "failed" | "rejected" | "all" | ((record: DeliveryRecord) => boolean);

/** The `deliveryLog` option of `createReceiver`. */
export interface DeliveryLogOptions {
  readonly store: DeliveryLogStore;
  /** Default `"failed"`: the deliveries a sender may give up retrying. */
  readonly when?: DeliveryLogWhen;
  /** Most records being stored at once; beyond it records are dropped (and the drop reported). Default 1 000. */
  readonly maxPending?: number;
}

/**
 * A store failed, or was too slow and records were dropped. Reported through
 * `onError` as a warning: the sender's answer was not affected.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof DeliveryLogError) alert("deliveries are not being recorded", error.cause);
 * });
 * ```
 */
export class DeliveryLogError extends WebhookError {
  constructor(message: string, status: number, cause?: unknown) {
    super(status, "delivery_log_failed", message, { cause, level: "warning" });
  }
}

const ERROR_CODE = /^\{"error":"([a-z_]+)"/;

/**
 * Records deliveries for one receiver: wraps `handle` so the body bytes it
 * reads are captured, then, once the answer is known, builds the masked
 * record and hands it to the store without waiting for it.
 *
 * @example
 * ```ts
 * const log = new DeliveryLog({ store, when: "failed" }, provider.auth, (error) => report(error));
 * const response = await log.around(input, (captured) => pipeline(captured));
 * ```
 */
export class DeliveryLog {
  readonly #store: DeliveryLogStore;
  readonly #when: (record: DeliveryRecord) => boolean;
  readonly #byStatus: ((status: number) => boolean) | undefined;
  readonly #maxPending: number;
  readonly #mask: CredentialMask;
  readonly #report: (error: WebhookError) => void;
  #pending = 0;
  #dropped = 0;

  constructor(options: DeliveryLogOptions, auth: readonly Authenticator[], report: (error: WebhookError) => void) {
    if (typeof options?.store?.append !== "function") {
      throw new ConfigurationError("createReceiver: deliveryLog needs a store with append(record), e.g. fileDeliveryLog(path)");
    }
    const when = options.when ?? "failed";
    this.#byStatus =
      when === "failed" ? (s) => s >= 500 : when === "rejected" ? (s) => s >= 400 && s < 500 : when === "all" ? () => true : undefined;
    if (!this.#byStatus && typeof when !== "function") {
      throw new ConfigurationError(`createReceiver: deliveryLog.when must be "failed", "rejected", "all" or a function, got ${String(when)}`);
    }
    this.#when = typeof when === "function" ? when : () => true;
    const max = options.maxPending ?? 1_000;
    if (!Number.isSafeInteger(max) || max < 1) throw new ConfigurationError(`createReceiver: deliveryLog.maxPending must be a positive integer, got ${max}`);
    this.#maxPending = max;
    this.#store = options.store;
    this.#mask = compileCredentialMask(auth);
    this.#report = report;
  }

  /** Runs `handle` on a copy of the input that keeps the bytes it reads, then records the answer. */
  async around(input: DeliveryInput, handle: (input: DeliveryInput) => Promise<ReceiverResponse>): Promise<ReceiverResponse> {
    const receivedAt = new Date().toISOString();
    const reader = input.body;
    let body: Uint8Array | undefined = typeof reader === "function" ? undefined : toBytes(reader);
    const captured: DeliveryInput =
      typeof reader === "function" ? { ...input, body: async (limit: number) => (body = await reader(limit)) } : input;
    const response = await handle(captured);
    this.#record(input, receivedAt, body, response);
    return response;
  }

  #record(input: DeliveryInput, receivedAt: string, body: Uint8Array | undefined, response: ReceiverResponse): void {
    if (this.#byStatus && !this.#byStatus(response.status)) return;
    try {
      const record: DeliveryRecord = {
        receivedAt,
        method: input.method,
        path: this.#mask.target(input.url),
        headers: this.#mask.headers(input.headers),
        body,
        status: response.status,
        error: response.status >= 400 ? ERROR_CODE.exec(response.body)?.[1] : undefined,
        ip: input.ip,
      };
      if (!this.#when(record)) return;
      if (this.#pending >= this.#maxPending) {
        if (this.#dropped++ === 0) {
          this.#report(new DeliveryLogError(`The delivery log store is behind (${this.#maxPending} records pending): dropping records`, response.status));
        }
        return;
      }
      const stored = this.#store.append(record);
      if (stored && typeof stored.then === "function") {
        this.#pending++;
        stored.then(
          () => this.#settled(),
          (error: unknown) => {
            this.#settled();
            this.#report(new DeliveryLogError(`A delivery could not be recorded: ${(error as Error)?.message ?? String(error)}`, response.status, error));
          },
        );
      }
    } catch (error) {
      this.#report(new DeliveryLogError(`A delivery could not be recorded: ${(error as Error)?.message ?? String(error)}`, response.status, error));
    }
  }

  #settled(): void {
    this.#pending--;
    if (this.#dropped > 0 && this.#pending === 0) {
      const dropped = this.#dropped;
      this.#dropped = 0;
      this.#report(new DeliveryLogError(`The delivery log store caught up; ${dropped} record(s) were dropped meanwhile`, 200));
    }
  }
}
