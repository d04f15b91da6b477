import { WebhookError } from "../errors.js";

/** What the receiver answers: plain values any adapter can write out. */
export interface ReceiverResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ "content-type": "application/json; charset=utf-8" });

/** 200 for a delivery whose handlers ran (or that nobody listens to). */
export const OK_RESPONSE: ReceiverResponse = Object.freeze({ status: 200, headers: JSON_HEADERS, body: '{"ok":true}' });
/** 202 for a delivery queued for handling (`handoff` with `status: 202`). */
export const ACCEPTED_RESPONSE: ReceiverResponse = Object.freeze({ status: 202, headers: JSON_HEADERS, body: '{"ok":true,"queued":true}' });
/** 200 for a delivery handled before (dedupe): handlers did not run again. */
export const DUPLICATE_RESPONSE: ReceiverResponse = Object.freeze({
  status: 200,
  headers: JSON_HEADERS,
  body: '{"ok":true,"duplicate":true}',
});
/** 200 for a delivery the app filtered out before parsing. */
export const IGNORED_RESPONSE: ReceiverResponse = Object.freeze({ status: 200, headers: JSON_HEADERS, body: '{"ok":true,"ignored":true}' });

/** The short JSON answer for an error: its status, its headers, `{ error, message, … }`. */
export function errorResponse(error: WebhookError): ReceiverResponse {
  return {
    status: error.status,
    headers: error.headers ? { ...JSON_HEADERS, ...error.headers } : JSON_HEADERS,
    body: JSON.stringify(error.toJSON()),
  };
}
