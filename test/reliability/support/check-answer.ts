import type { BuiltDelivery } from "./delivery-plan.js";
import { pollutedPrototypes } from "./prototype-check.js";
import { isRefusal, PIPELINE_STATUSES } from "./status-table.js";
import { secretValues, type VendorHarness } from "./vendor-harness.js";

function describeDelivery(d: BuiltDelivery): string {
  const head = new TextDecoder().decode(d.body.subarray(0, 160));
  return `${d.method} ${d.url} headers=${JSON.stringify(d.headers).slice(0, 400)} body(${d.body.length})=${JSON.stringify(head)}`;
}

/** What came back for one delivery, in process or over HTTP. */
export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A HEAD answer carries no body to check. */
  readonly bodyless?: boolean;
}

/**
 * Checks one answer against everything the status table of the core README
 * (packages/core/README.md, "The pipeline and its statuses") promises: the
 * exact status for the delivery, a short JSON body with an error code, the
 * failing paths on a 422, no handler for a refused or
 * unauthenticated delivery, no secret or expected signature echoed, no
 * polluted prototype. Throws a readable error naming the delivery otherwise.
 */
export async function checkAnswer(h: VendorHarness, d: BuiltDelivery, answer: Answer): Promise<void> {
  const { status, body, headers } = answer;
  const fail = (what: string): never => {
    const cause = h.reports.find((r) => r.status >= 500)?.cause;
    const why = cause instanceof Error ? `\n  cause: ${cause.stack?.split("\n").slice(0, 4).join(" | ")}` : "";
    throw new Error(`${what}\n  expected ${d.expected.statuses.join("/")} (${d.expected.reason})\n  got ${status} ${body.slice(0, 300)}${why}\n  ${describeDelivery(d)}`);
  };
  if (!PIPELINE_STATUSES.has(status)) fail(`status ${status} is not in the status table (no handler throws here)`);
  if (!d.expected.statuses.includes(status)) fail("wrong status");
  if (!answer.bodyless) {
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(body) as Record<string, unknown>;
    } catch {
      fail("the answer is not JSON");
    }
    if (status >= 400 && typeof json.error !== "string") fail("an error answer without an error code");
    if (status === 422 && !(Array.isArray(json.issues) && json.issues.length > 0)) fail("a 422 without the failing paths");
  }
  if (isRefusal(status) && h.runs !== 0) fail(`${h.runs} handler(s) ran for a refused delivery`);
  if (!d.authentic && h.runs !== 0) fail(`${h.runs} handler(s) ran for an unauthenticated delivery`);
  const expectedSignatures = h.entry.authenticity === "signature" ? Object.values(await h.entry.kit.sign(d.body, h.form.credentials)) : [];
  const sent = `${body}\n${JSON.stringify(headers)}`;
  for (const secret of [...secretValues(h.form), ...expectedSignatures]) {
    if (secret.length >= 8 && sent.includes(secret)) fail("the answer echoes a secret or the expected signature");
  }
  const polluted = pollutedPrototypes();
  if (polluted.length) fail(`prototype pollution: ${polluted.join(", ")}`);
  if (h.violations.length) fail(`a handler saw a foreign prototype: ${h.violations.slice(0, 3).join("; ")}`);
}
