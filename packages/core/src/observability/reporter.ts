/**
 * Where every failure and warning of a receiver goes: its `onError`
 * listeners and its log. Never silent: with no `log` option and no `onError`
 * listener, lines go to `console`. Flood-limited to one line per reason per
 * second, so a scanner cannot fill the disk.
 */
import type { WebhookError, WebhookErrorCode } from "../errors.js";
import { toLogWriter, type LogFields, type LogLevel, type Logger, type LogWriter } from "./logger.js";

/** Context given to `onError` listeners. */
export interface ErrorContext {
  /** The native event concerned, when there is one (a handler failed, a claim could not be settled). */
  readonly event?: { readonly name: string; readonly index: number; readonly deliveryId: string } | undefined;
  /** Resolved client address. */
  readonly ip: string | undefined;
}

/** An `onError` listener. */
export type ErrorListener = (error: WebhookError, context: ErrorContext) => unknown;

/** Likely causes on the receiving side, by outcome: logged with the line, never sent to the client. */
const HINTS: Partial<Record<WebhookErrorCode, string>> = {
  signature_missing: "The request carries no signature: is a secret set on the webhook in the CMS, and is this route the webhook's URL?",
  signature_mismatch:
    "Check that the secret matches the CMS's (pass [newSecret, oldSecret] while rotating) and that no body parser read or re-encoded the body before cmshooks.",
  credentials_missing: "The request carries none of the configured credentials: check the webhook's headers or URL in the CMS.",
  credentials_invalid: "The credentials differ from the configured ones: were they changed in the CMS?",
  ip_not_allowed: "If the vendor published new addresses, update allowIps; behind a proxy or load balancer, set trustProxy.",
  body_too_large: "If the vendor genuinely sends bodies this large, raise maxBodyBytes.",
  unsupported_media_type: "The webhook must send JSON: check its content type in the CMS.",
  invalid_payload: "The body does not match the vendor's documented schema: if the vendor changed its format, update the vendor package or report it.",
  invalid_event: "A retry cannot fix this event, so it was acknowledged: if the vendor changed its format, update the vendor package or report it.",
  unknown_event: "Update the vendor package if it is a new event, or handle it in onAny.",
  dedupe_unavailable: "The dedupe store failed; the sender will retry. Check the store's connection.",
  handoff_failed: "The hand-off queue did not take the delivery; the sender will retry. Check the queue's connection.",
  body_already_parsed: "Mount the receiver before any JSON body parser, or give it the raw body.",
  body_already_read: "Mount the receiver before any middleware that reads the body.",
};

/** The default: `console`, its methods looked up at each line (apps and test runners replace them). */
const consoleWriter: LogWriter = (level, message, fields) => toLogWriter(console)(level, message, fields);
const FLOOD_WINDOW_MS = 1_000;

/**
 * Reports failures and warnings to listeners and the log.
 *
 * @example
 * ```ts
 * const reporter = new Reporter("blox", console);
 * reporter.report(new WebhookError(503, "dedupe_unavailable", "store down"), { ip: "192.0.2.1" });
 * ```
 */
export class Reporter {
  readonly listeners: ErrorListener[] = [];
  readonly #vendor: string;
  /** The user's logger, `null` for `log: false`, `undefined` for the default (console while no listener). */
  readonly #write: LogWriter | null | undefined;
  readonly #flood = new Map<string, { at: number; suppressed: number }>();

  constructor(vendor: string, log: Logger | false | undefined) {
    this.#vendor = vendor;
    this.#write = log === false ? null : log === undefined ? undefined : toLogWriter(log);
  }

  /** Whether anything would receive a report (so callers can skip building one). */
  get active(): boolean {
    return this.#write !== null || this.listeners.length > 0;
  }

  /** Hands `error` to every `onError` listener (which never change the answer) and writes it to the log. */
  report(error: WebhookError, context: ErrorContext): void {
    for (const listener of this.listeners) {
      try {
        const result = listener(error, context);
        if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(undefined, () => {});
      } catch {
        // A listener that throws must not change the answer to the sender.
      }
    }
    const write = this.#write === undefined ? (this.listeners.length === 0 ? consoleWriter : undefined) : this.#write;
    if (write) this.#log(write, error, context);
  }

  #log(write: LogWriter, error: WebhookError, context: ErrorContext): void {
    const suppressed = this.#flooded(error.code);
    if (suppressed === false) return;
    // Another instance handling the same delivery is coordination working, not a failure of ours.
    const level: LogLevel = error.level === "warning" || error.status < 500 || error.code === "duplicate_in_progress" ? "warn" : "error";
    const event = context.event?.name ?? (error as { event?: unknown }).event;
    const fields: Record<string, unknown> = { vendor: this.#vendor, status: error.status, code: error.code };
    if (typeof event === "string") fields.event = event;
    if (context.event) fields.deliveryId = context.event.deliveryId;
    if (context.ip !== undefined) fields.ip = context.ip;
    const hint = error.hint ?? HINTS[error.code];
    if (hint !== undefined) fields.hint = hint;
    // The error and its stack, where there is one to read: a handler's own, or what a store or queue threw.
    if (level === "error") fields.err = error.cause ?? error;
    if (suppressed > 0) fields.suppressed = suppressed;
    try {
      write(level, `cmshooks ${this.#vendor}: ${error.message}`, fields as LogFields);
    } catch {
      // A broken logger must not change the answer either.
    }
  }

  /** `false` when this reason already wrote a line within the window; else how many were dropped before this one. */
  #flooded(reason: string): number | false {
    const now = Date.now();
    const state = this.#flood.get(reason);
    if (state === undefined) {
      this.#flood.set(reason, { at: now, suppressed: 0 });
      return 0;
    }
    if (now - state.at < FLOOD_WINDOW_MS) {
      state.suppressed++;
      return false;
    }
    const suppressed = state.suppressed;
    state.at = now;
    state.suppressed = 0;
    return suppressed;
  }
}
