import type { LambdaHeaders, LambdaMultiValues } from "./lambda-event.js";

/** Headers as the receiver reads them: lower-case names, repeated headers as arrays. */
export type LowerCaseHeaders = Record<string, string | readonly string[]>;

/**
 * The headers of an event under lower-case names. REST API events keep the
 * sender's case (`Content-Type`, `X-Hook-Signature`) and list repeated headers
 * in `multiValueHeaders`, which is preferred when present; names that differ
 * only in case are merged. HTTP API and function URL events are lower-case
 * already, with repeated headers joined by commas.
 *
 * @example
 * ```ts
 * eventHeaders(event.headers, event.multiValueHeaders)["x-hook-signature"];
 * ```
 */
export function eventHeaders(single: LambdaHeaders | null | undefined, multi?: LambdaMultiValues | null): LowerCaseHeaders {
  // No prototype: a header named `__proto__` is a header like any other.
  const out: LowerCaseHeaders = Object.create(null) as LowerCaseHeaders;
  const source: LambdaMultiValues | LambdaHeaders = multi ?? single ?? {};
  for (const name in source) {
    const value = source[name];
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const previous = out[key];
    out[key] = previous === undefined ? value : [...asList(previous), ...asList(value)];
  }
  return out;
}

function asList(value: string | readonly string[]): readonly string[] {
  return typeof value === "string" ? [value] : value;
}
