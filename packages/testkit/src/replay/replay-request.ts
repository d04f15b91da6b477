import { MASKED_CREDENTIAL, type DeliveryRecord } from "@cmshooks/core";
import { resendableHeaders } from "./resendable-headers.js";

/** Credentials to put back where the record has them masked: the flags `cmshooks send` takes. */
export interface ReplayCredentials {
  readonly basic?: { readonly username: string; readonly password: string } | undefined;
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
  readonly query?: readonly { readonly name: string; readonly value: string }[];
}

/** A request ready to send again, or why this record cannot be. */
export type RestoredRequest =
  | { readonly ok: true; readonly method: string; readonly url: URL; readonly headers: Record<string, string>; readonly body: Uint8Array }
  | { readonly ok: false; readonly reason: string };

const isMasked = (value: string) => value.includes(MASKED_CREDENTIAL);

/**
 * The request that re-sends a recorded delivery to `target`: the exact body
 * bytes and headers, the recorded path when `target` has none (else the
 * target's path), the recorded query, and the given credentials in place of
 * masked ones. A credential still masked after that is a reason, not a
 * request: sending it would only be refused.
 *
 * @example
 * ```ts
 * const request = restoreRequest(record, new URL("http://127.0.0.1:3000"), { basic: { username: "cms", password: "pw" } });
 * if (request.ok) await sendRequest(request);
 * ```
 */
export function restoreRequest(record: DeliveryRecord, target: URL, credentials: ReplayCredentials = {}): RestoredRequest {
  if (record.body === undefined) {
    return { ok: false, reason: `its body was not read when it was recorded (answered ${record.status}${record.error ? ` ${record.error}` : ""} first): nothing to replay` };
  }
  const q = record.path.indexOf("?");
  const recordedPath = q < 0 ? record.path : record.path.slice(0, q);
  const url = new URL(target.href);
  if (url.pathname === "/" && recordedPath !== "/") {
    if (isMasked(recordedPath)) return { ok: false, reason: "its path had a secret segment (masked): give the full path in --url" };
    url.pathname = recordedPath;
  }
  if (q >= 0) {
    for (const [name, value] of new URLSearchParams(record.path.slice(q + 1))) if (!url.searchParams.has(name)) url.searchParams.append(name, value);
  }
  for (const { name, value } of credentials.query ?? []) url.searchParams.set(name, value);
  for (const [name, value] of url.searchParams) {
    if (isMasked(value)) return { ok: false, reason: `query parameter "${name}" was masked when recorded: give it with --query ${name}=…` };
  }

  const headers = resendableHeaders(record.headers);
  if (credentials.basic) {
    const { username, password } = credentials.basic;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
  }
  for (const { name, value } of credentials.headers ?? []) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(headers)) {
    if (!isMasked(value)) continue;
    const hint = name === "authorization" ? "--basic user:pass or --header 'Authorization: …'" : `--header '${name}: …'`;
    return { ok: false, reason: `header "${name}" was masked when recorded: give it with ${hint}` };
  }
  return { ok: true, method: record.method, url, headers, body: record.body };
}
