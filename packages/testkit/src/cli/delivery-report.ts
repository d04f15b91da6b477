import type { AnyNativeEvent, AnyUnifiedEvent, DeliveryRecord, WebhookError } from "@cmshooks/core";
import type { Palette } from "./cli-io.js";

/** What `cmshooks listen` learnt about one delivery while the receiver handled it. */
export interface DeliveryReport {
  readonly time: string;
  readonly method: string;
  readonly url: string;
  readonly ip: string | undefined;
  status?: number;
  readonly events: { name: string; known: boolean; deliveryId: string; index: number; payload: unknown }[];
  readonly unified: Record<string, unknown>[];
  readonly errors: { status: number; code: string; level: string; message: string; issues?: readonly { path: readonly (string | number)[]; message: string }[] }[];
  /** The delivery as the receiver recorded it (credentials masked, exact body), once it was answered. */
  record?: DeliveryRecord;
}

/** Whether the delivery proved it was genuine, as far as the pipeline got. */
export type AuthenticationResult = "passed" | "failed" | "not checked" | "no check configured";

// Outcomes the pipeline only reaches once every authenticity check passed.
const AFTER_AUTHENTICATION = new Set(["empty_body", "invalid_json", "invalid_payload", "handler_failed", "duplicate_in_progress", "dedupe_unavailable", "handoff_failed"]);
const AUTHENTICATION_FAILED = new Set(["signature_missing", "signature_mismatch", "credentials_missing", "credentials_invalid"]);

/**
 * A report for a request, to fill from the receiver's listeners.
 *
 * @example
 * ```ts
 * const report = newDeliveryReport(req.method ?? "POST", req.url ?? "/", req.socket.remoteAddress);
 * ```
 */
export function newDeliveryReport(method: string, url: string, ip: string | undefined): DeliveryReport {
  return { time: new Date().toISOString(), method, url, ip, events: [], unified: [], errors: [] };
}

/**
 * Records a native event from `onAny`.
 *
 * @example
 * ```ts
 * receiver.onAny((event) => recordNative(report, event));
 * ```
 */
export function recordNative(report: DeliveryReport, event: AnyNativeEvent<Record<string, unknown>, unknown>): void {
  report.events.push({ name: event.name, known: event.known, deliveryId: event.deliveryId, index: event.index, payload: event.payload });
}

/**
 * Records a unified event, without its `raw` payload and `meta` (the native event has them).
 *
 * @example
 * ```ts
 * onEveryUnified(receiver, (event) => recordUnified(report, event));
 * ```
 */
export function recordUnified(report: DeliveryReport, event: AnyUnifiedEvent): void {
  const { raw: _raw, meta: _meta, source: _source, ...rest } = event;
  report.unified.push({ ...rest, occurredAt: event.occurredAt?.toISOString() });
}

/**
 * Records an error or warning from `onError`, with validation issues and their paths.
 *
 * @example
 * ```ts
 * receiver.onError((error) => recordError(report, error));
 * ```
 */
export function recordError(report: DeliveryReport, error: WebhookError): void {
  const issues = (error as { issues?: DeliveryReport["errors"][number]["issues"] }).issues;
  report.errors.push({ status: error.status, code: error.code, level: error.level, message: error.message, ...(issues ? { issues } : {}) });
}

/**
 * Whether the delivery was authentic: a 2xx or a failure that comes after the
 * checks means they passed; a 401 means they failed; 405/403/413/415 are
 * answered before them.
 *
 * @example
 * ```ts
 * authenticationOf(report, provider.auth.length > 0); // "passed"
 * ```
 */
export function authenticationOf(report: DeliveryReport, hasChecks: boolean): AuthenticationResult {
  if (!hasChecks) return "no check configured";
  const failure = report.errors.find((e) => e.level === "error");
  if (report.status !== undefined && report.status < 300 && !failure) return "passed";
  if (failure && AUTHENTICATION_FAILED.has(failure.code)) return "failed";
  if (failure && AFTER_AUTHENTICATION.has(failure.code)) return "passed";
  return "not checked";
}

/**
 * One JSON-safe object per delivery, for `listen --json`.
 *
 * @example
 * ```ts
 * process.stdout.write(`${JSON.stringify(reportJson(report, ["hmac"]))}\n`);
 * ```
 */
export function reportJson(report: DeliveryReport, checks: readonly string[]): Record<string, unknown> {
  const { record: _record, ...rest } = report;
  return { ...rest, authentication: authenticationOf(report, checks.length > 0), checks };
}

function describeItems(items: unknown): string {
  if (!Array.isArray(items) || items.length === 0) return "";
  const shown = items.slice(0, 3).map((item: { id?: unknown; title?: unknown; codename?: unknown }) => {
    const label = typeof item.title === "string" ? ` "${item.title}"` : typeof item.codename === "string" ? ` (${item.codename})` : "";
    return `${String(item.id)}${label}`;
  });
  return shown.join(", ") + (items.length > 3 ? `, +${items.length - 3} more` : "");
}

function describeDetail(unified: Record<string, unknown>): string {
  const step = (ref: unknown) => {
    const r = ref as { name?: string; codename?: string; id?: string } | undefined;
    return r?.name ?? r?.codename ?? r?.id ?? "?";
  };
  const workflow = unified.workflow as { from?: unknown; to?: unknown; event?: string } | undefined;
  if (workflow) return workflow.event ?? `${step(workflow.from)} → ${step(workflow.to)}`;
  const user = unified.user as { action: string; email?: string } | undefined;
  if (user) return `${user.action}${user.email ? ` ${user.email}` : ""}`;
  const taxonomy = unified.taxonomy as { action: string; codename?: string; name?: string } | undefined;
  if (taxonomy) return `${taxonomy.action} ${taxonomy.codename ?? taxonomy.name ?? ""}`.trim();
  return "";
}

/**
 * The human-readable block for one delivery.
 *
 * @example
 * ```ts
 * process.stdout.write(formatReport(report, ["hmac"], palette, { verbose: false }));
 * ```
 */
export function formatReport(report: DeliveryReport, checks: readonly string[], colour: Palette, options: { verbose: boolean }): string {
  const status = report.status ?? 0;
  const paint = status < 300 ? colour.green : status < 500 ? colour.red : colour.yellow;
  const failure = report.errors.find((e) => e.level === "error");
  const lines = [
    `${colour.dim(report.time.slice(11, 19))} ${colour.bold(`${report.method} ${report.url}`)} ${colour.dim(`from ${report.ip ?? "?"}`)} → ${paint(`${status}${failure ? ` ${failure.code}` : ""}`)}`,
  ];
  const label = (text: string) => `  ${text.padEnd(10)}`;
  const auth = authenticationOf(report, checks.length > 0);
  const authText =
    auth === "passed"
      ? colour.green(`✓ authentic (${checks.join(", ")})`)
      : auth === "failed"
        ? colour.red(`✗ not authentic: ${failure?.message ?? ""}`)
        : colour.yellow(auth);
  lines.push(`${label("auth")}${authText}`);
  for (const event of report.events) {
    const known = event.known ? "" : colour.yellow(" (unknown to this vendor package: acknowledged)");
    lines.push(`${label("native")}${colour.cyan(event.name)}${known}  ${colour.dim(`delivery ${event.deliveryId}`)}`);
    if (options.verbose) lines.push(colour.dim(`            ${JSON.stringify(event.payload, null, 2).split("\n").join("\n            ")}`));
  }
  for (const unified of report.unified) {
    const detail = [describeDetail(unified), describeItems(unified.items)].filter(Boolean).join("  ");
    lines.push(`${label("unified")}${colour.cyan(String(unified.kind))}  ${detail}`);
  }
  for (const error of report.errors) {
    if (error.level === "warning") {
      lines.push(`${label("warning")}${colour.yellow(`${error.code}: ${error.message}`)}`);
      continue;
    }
    if (AUTHENTICATION_FAILED.has(error.code)) continue; // already on the auth line
    lines.push(`${label("error")}${colour.red(`${error.code}: ${error.message}`)}`);
    for (const issue of error.issues ?? []) {
      lines.push(`${label("")}${colour.red("•")} ${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
