import type { DeliveryRecord } from "@cmshooks/core";
import { authenticationOf, type AuthenticationResult, type DeliveryReport } from "../delivery-report.js";
import { copyAsCurl } from "./copy-as-curl.js";

/** Bodies larger than this are shown cut, and get no copy-as-curl (use `listen --record` and `replay`). */
const SHOWN_BODY_BYTES = 256 * 1024;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** One delivery as the inspector page shows it: plain JSON, credentials already masked. */
export interface InspectorEntry {
  readonly id: number;
  readonly time: string;
  readonly method: string;
  /** Path and query, credentials masked. */
  readonly path: string;
  readonly ip: string | undefined;
  readonly status: number;
  /** The error code of the answer, when it was an error. */
  readonly error: string | undefined;
  readonly authentication: AuthenticationResult;
  readonly checks: readonly string[];
  readonly events: DeliveryReport["events"];
  readonly unified: DeliveryReport["unified"];
  readonly errors: DeliveryReport["errors"];
  readonly headers: Readonly<Record<string, string>>;
  readonly body: {
    /** `"json"` pretty-printed, `"text"` as received, `"binary"` as base64, `"none"` when it was not read. */
    readonly kind: "json" | "text" | "binary" | "none";
    readonly bytes: number;
    readonly text: string;
    readonly truncated: boolean;
  };
  /** `undefined` when the body is too large to paste. */
  readonly curl: string | undefined;
}

function describeBody(body: Uint8Array | undefined): InspectorEntry["body"] {
  if (body === undefined) return { kind: "none", bytes: 0, text: "", truncated: false };
  const truncated = body.length > SHOWN_BODY_BYTES;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    const shown = truncated ? body.subarray(0, SHOWN_BODY_BYTES) : body;
    return { kind: "binary", bytes: body.length, text: Buffer.from(shown).toString("base64"), truncated };
  }
  if (!truncated) {
    try {
      return { kind: "json", bytes: body.length, text: JSON.stringify(JSON.parse(text), null, 2), truncated };
    } catch {
      // not JSON: shown as received
    }
  }
  return { kind: "text", bytes: body.length, text: truncated ? text.slice(0, SHOWN_BODY_BYTES) : text, truncated };
}

/**
 * The page's view of a delivery: what the receiver reported (events, errors,
 * authenticity) joined with what was recorded (masked headers, exact body).
 *
 * @example
 * ```ts
 * feed.add(inspectorEntry(id, report, record, ["hmac"], "http://127.0.0.1:3000"));
 * ```
 */
export function inspectorEntry(id: number, report: DeliveryReport, record: DeliveryRecord | undefined, checks: readonly string[], origin: string): InspectorEntry {
  const body = describeBody(record?.body);
  return {
    id,
    time: report.time,
    method: report.method,
    path: record?.path ?? "/",
    ip: report.ip,
    status: report.status ?? 0,
    error: report.errors.find((e) => e.level === "error")?.code,
    authentication: authenticationOf(report, checks.length > 0),
    checks,
    events: report.events,
    unified: report.unified,
    errors: report.errors,
    headers: record?.headers ?? {},
    body,
    curl: record && !body.truncated ? copyAsCurl(record, origin) : undefined,
  };
}
