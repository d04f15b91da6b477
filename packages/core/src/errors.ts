/**
 * Errors carry the HTTP status the receiver answers with and a stable `code`
 * that callers can switch on. Messages never contain a secret or an expected
 * signature.
 */

/** Stable machine-readable codes, one per outcome of the pipeline. */
export type WebhookErrorCode =
  | "method_not_allowed"
  | "ip_not_allowed"
  | "signature_missing"
  | "signature_mismatch"
  | "credentials_missing"
  | "credentials_invalid"
  | "body_too_large"
  | "body_incomplete"
  | "request_timeout"
  | "unsupported_media_type"
  | "empty_body"
  | "invalid_json"
  | "invalid_payload"
  | "duplicate_in_progress"
  | "dedupe_unavailable"
  | "handoff_failed"
  | "handler_failed"
  | "body_already_parsed"
  | "header_mismatch"
  | "unknown_event"
  | "invalid_event"
  | "unhandled_event"
  | "body_already_read"
  | "credentials_unavailable"
  | "internal_error"
  | "delivery_log_failed"
  | "invalid_config";

/** One problem found while validating a payload: where, and what. */
export interface PayloadIssue {
  /** Path inside the JSON body, e.g. `["data", "items", 0, "codename"]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code?: string;
}

/**
 * Base class of every error the receiver produces or reports.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error.status >= 500) console.error(error.code, error.message);
 * });
 * ```
 */
export class WebhookError extends Error {
  /** HTTP status the receiver answers with. */
  readonly status: number;
  /** Stable code, safe to switch on. */
  readonly code: WebhookErrorCode;
  /** `"warning"` for reports that did not change the status (e.g. header/body mismatch). */
  readonly level: "error" | "warning";
  /** Extra response headers for this outcome (e.g. `Allow`, `WWW-Authenticate`, `Retry-After`). */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** What to check or change, when this outcome has a likely cause on the receiving side (logged, never sent). */
  readonly hint: string | undefined;

  constructor(
    status: number,
    code: WebhookErrorCode,
    message: string,
    options: { cause?: unknown; headers?: Record<string, string>; level?: "error" | "warning"; hint?: string | undefined } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.level = options.level ?? "error";
    this.headers = options.headers;
    this.hint = options.hint;
  }

  /** The JSON body sent back to the sender. */
  toJSON(): Record<string, unknown> {
    return { error: this.code, message: this.message };
  }
}

/**
 * A receiver was configured wrongly; thrown by `createReceiver` and the option factories, never per request.
 *
 * @example
 * ```ts
 * try {
 *   createReceiver({ provider: kapost({}) }); // no authenticity check at all
 * } catch (error) {
 *   if (error instanceof ConfigurationError) console.error(error.message);
 * }
 * ```
 */
export class ConfigurationError extends WebhookError {
  constructor(message: string) {
    super(500, "invalid_config", message);
  }
}

/**
 * 405: the delivery did not use an accepted method.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof MethodNotAllowedError) console.warn(error.headers?.allow); // "POST"
 * });
 * ```
 */
export class MethodNotAllowedError extends WebhookError {
  constructor(method: string, allowed: readonly string[]) {
    super(405, "method_not_allowed", `Method ${quoteForLog(method, 16)} is not allowed; use ${allowed.join(", ")}`, {
      headers: { allow: allowed.join(", ") },
    });
  }
}

/**
 * 403: the source address is not on the allowlist.
 *
 * @example
 * ```ts
 * receiver.onError((error, { ip }) => {
 *   if (error instanceof ForbiddenSourceError) console.warn(`blocked delivery from ${ip}`);
 * });
 * ```
 */
export class ForbiddenSourceError extends WebhookError {
  constructor(ip: string | undefined, hint?: string, reason?: string) {
    super(
      403,
      "ip_not_allowed",
      ip ? `Source address ${ip} is not allowed` : `Source address is unknown${reason ? ` (${reason})` : ""} and an allowlist is set`,
      { hint },
    );
  }
}

/**
 * 401: a signature, secret header or credentials are missing or wrong.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof UnauthorizedError && error.code === "signature_mismatch") alertSecurityTeam(error.message);
 * });
 * ```
 */
export class UnauthorizedError extends WebhookError {
  constructor(
    code: "signature_missing" | "signature_mismatch" | "credentials_missing" | "credentials_invalid",
    message: string,
    headers?: Record<string, string>,
  ) {
    super(401, code, message, headers ? { headers } : {});
  }
}

/**
 * 413: the body is larger than `maxBodyBytes`.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof PayloadTooLargeError) console.warn(`delivery over ${error.limit} bytes refused`);
 * });
 * ```
 */
export class PayloadTooLargeError extends WebhookError {
  readonly limit: number;
  constructor(limit: number, message = `Body exceeds the limit of ${limit} bytes`) {
    super(413, "body_too_large", message, { headers: { connection: "close" } });
    this.limit = limit;
  }
}

/**
 * 415: a media type that cannot carry JSON (form, multipart, …). The answer
 * never echoes what the client sent; `received` holds it for logs, truncated
 * and escaped.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof UnsupportedMediaTypeError) console.warn(error.message, error.received); // '"multipart/form-data; boundary=…"'
 * });
 * ```
 */
export class UnsupportedMediaTypeError extends WebhookError {
  /** The Content-Type received, quoted, escaped and cut to 64 characters: safe to log. */
  readonly received: string;
  constructor(contentType: string) {
    super(415, "unsupported_media_type", "The Content-Type cannot carry a JSON delivery; send application/json");
    this.received = quoteForLog(contentType);
  }
}

/**
 * 400: the body is empty, not UTF-8, not JSON, or ended early.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof InvalidBodyError) console.warn(error.code); // "empty_body" | "invalid_json" | "body_incomplete"
 * });
 * ```
 */
export class InvalidBodyError extends WebhookError {
  constructor(code: "empty_body" | "invalid_json" | "body_incomplete", message: string, cause?: unknown) {
    super(400, code, message, cause === undefined ? {} : { cause });
  }
}

/**
 * 408: the client took too long to send the body.
 *
 * @example
 * ```ts
 * receiver.onError((error, { ip }) => {
 *   if (error instanceof RequestTimeoutError) console.warn(`slow sender ${ip}: ${error.message}`);
 * });
 * ```
 */
export class RequestTimeoutError extends WebhookError {
  constructor(ms: number) {
    super(408, "request_timeout", `The body did not arrive within ${ms} ms`, { headers: { connection: "close" } });
  }
}

/**
 * 422: JSON that does not match the vendor's schema; `issues` lists each failing path.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof ValidationError) for (const issue of error.issues) console.warn(error.event, issue.path.join("."), issue.message);
 * });
 * ```
 */
export class ValidationError extends WebhookError {
  readonly issues: readonly PayloadIssue[];
  /** The native event whose schema failed, when the envelope named one. */
  readonly event: string | undefined;
  constructor(issues: readonly PayloadIssue[], event?: string) {
    const first = issues[0];
    const where = first ? ` at ${first.path.length ? first.path.join(".") : "(root)"}: ${first.message}` : "";
    super(422, "invalid_payload", `Payload does not match the ${event ?? "delivery"} schema${where}`);
    this.issues = issues;
    this.event = event;
  }
  override toJSON(): Record<string, unknown> {
    return { error: this.code, message: this.message, event: this.event, issues: this.issues };
  }
}

/**
 * 500: one or more handlers threw; the sender should retry.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof HandlerError) console.error(`handler for ${error.event} failed`, error.cause);
 * });
 * ```
 */
export class HandlerError extends WebhookError {
  /** Native event name whose handler failed. */
  readonly event: string;
  /** Index of the event inside a batched delivery (0 for single-event deliveries). */
  readonly index: number;
  constructor(event: string, index: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(500, "handler_failed", `A handler for ${event} (event ${index}) failed: ${reason}`, { cause });
    this.event = event;
    this.index = index;
  }
  override toJSON(): Record<string, unknown> {
    // The cause is the app's own error: do not leak its message to the sender.
    return { error: this.code, event: this.event, index: this.index };
  }
}

/**
 * A warning about one event of an authenticated delivery that no typed
 * handler could take: an event the vendor package does not know
 * (`unknown_event`, it still reached `onAny`), one whose payload failed its
 * schema inside a delivery of several events (`invalid_event`, the other
 * events ran), or a known event no handler listens to (`unhandled_event`,
 * reported the first time each event name arrives). The delivery is
 * acknowledged, since a retry cannot fix it, and this is reported to the log
 * and `onError`.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof EventWarning) console.warn(error.code, error.event, error.issues);
 * });
 * ```
 */
export class EventWarning extends WebhookError {
  /** The native event name as the delivery gave it (truncated and escaped in the message). */
  readonly event: string;
  /** Position of the event in the delivery. */
  readonly index: number;
  /** For `invalid_event`: what failed, with paths from the body's root. */
  readonly issues: readonly PayloadIssue[];
  constructor(
    code: "unknown_event" | "invalid_event" | "unhandled_event",
    event: string,
    index: number,
    options: { issues?: readonly PayloadIssue[]; hint?: string | undefined } = {},
  ) {
    const issues = options.issues ?? [];
    const first = issues[0];
    const message =
      code === "unknown_event"
        ? `Event ${quoteForLog(event)} is not one the package knows; it was acknowledged and reached onAny only`
        : code === "unhandled_event"
          ? `Event ${quoteForLog(event)} has no handler: it was acknowledged and nothing ran (reported once per event name)`
          : `Event ${quoteForLog(event)} (event ${index}) does not match its schema${first ? ` at ${first.path.join(".") || "(root)"}: ${first.message}` : ""}; the delivery's other events were handled`;
    super(200, code, message, { level: "warning", hint: options.hint });
    this.event = event;
    this.index = index;
    this.issues = issues;
  }
}

/**
 * A value the client sent, made safe for a log line: JSON-quoted (control
 * characters and quotes escaped) and cut to `max` characters.
 *
 * @example
 * ```ts
 * quoteForLog("text/plain\r\nX-Injected: 1"); // '"text/plain\\r\\nX-Injected: 1"'
 * ```
 */
export function quoteForLog(value: string, max = 64): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}
