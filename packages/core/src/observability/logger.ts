/**
 * The `log` option: any pino-, winston- or console-shaped logger. Lines are
 * structured: a message and an object of fields (`vendor`, `event`,
 * `deliveryId`, `status`, `code`, `ip`, `hint`, `err`).
 */

/** Log levels cmshooks writes at. */
export type LogLevel = "error" | "warn" | "info" | "debug";

/**
 * A logger with pino's, winston's or console's methods: `console`, `pino()`
 * and `winston.createLogger()` fit as they are.
 *
 * @example
 * ```ts
 * const log: Logger = console;
 * createReceiver({ provider, log: pino() });
 * ```
 */
export interface Logger {
  error(...args: never[]): unknown;
  warn(...args: never[]): unknown;
  info?(...args: never[]): unknown;
  debug?(...args: never[]): unknown;
}

/**
 * The fields of one log line. Nothing secret is ever among them: no
 * signature, secret, credential, `Authorization` or body.
 *
 * @example
 * ```ts
 * const fields: LogFields = { vendor: "kontent", event: "content_item.published", status: 500, code: "handler_failed" };
 * ```
 */
export interface LogFields {
  readonly vendor: string;
  readonly event?: string | undefined;
  readonly deliveryId?: string | undefined;
  readonly status?: number | undefined;
  readonly code?: string | undefined;
  readonly ip?: string | undefined;
  /** What to check or change, for failures with a likely cause. */
  readonly hint?: string | undefined;
  /** The underlying error (a handler's own, with its stack), for failures. */
  readonly err?: unknown;
  /** How many lines of the same reason the flood limit dropped since the last one written. */
  readonly suppressed?: number | undefined;
  readonly [field: string]: unknown;
}

/** Writes one structured line. */
export type LogWriter = (level: LogLevel, message: string, fields: LogFields) => void;

type LogMethod = (...args: unknown[]) => unknown;

/**
 * Adapts a logger to `(level, message, fields)`. pino takes the object first
 * (`log.warn(fields, message)`: extra arguments after a message are format
 * arguments, and would be dropped); console and winston take the message
 * first. pino is recognised by its `bindings()` method. Levels a logger lacks
 * fall back to the next louder one.
 */
export function toLogWriter(logger: Logger): LogWriter {
  const objectFirst = typeof (logger as { bindings?: unknown }).bindings === "function";
  const method = (level: LogLevel): LogMethod => {
    const own = (logger as unknown as Record<string, unknown>)[level];
    if (typeof own === "function") return own as LogMethod;
    return (level === "debug" ? method("info") : level === "info" ? method("warn") : (logger.warn as LogMethod)) as LogMethod;
  };
  const methods = { error: method("error"), warn: method("warn"), info: method("info"), debug: method("debug") };
  return (level, message, fields) => {
    const write = methods[level];
    if (objectFirst) write.call(logger, fields, message);
    else write.call(logger, message, fields);
  };
}
