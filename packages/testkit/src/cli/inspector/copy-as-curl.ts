import type { DeliveryRecord } from "@cmshooks/core";
import { resendableHeaders } from "../../replay/resendable-headers.js";

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A curl command that sends the recorded delivery again to `origin`, with its
 * exact bytes (a body that is not UTF-8 text goes through `base64 -d`).
 * Masked credentials stay masked: the reader puts their own back.
 *
 * @example
 * ```ts
 * copyAsCurl(record, "http://127.0.0.1:3000");
 * // curl -i -X POST 'http://127.0.0.1:3000/hooks/blox' -H 'content-type: application/json' --data-binary '{"event":…}'
 * ```
 */
export function copyAsCurl(record: Pick<DeliveryRecord, "method" | "path" | "headers" | "body">, origin: string): string {
  const parts = ["curl -i", `-X ${record.method}`, shellQuote(`${origin}${record.path}`)];
  for (const [name, value] of Object.entries(resendableHeaders(record.headers))) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  const body = record.body;
  if (body === undefined || body.length === 0) return parts.join(" ");
  let text: string | undefined;
  try {
    text = utf8.decode(body);
  } catch {
    text = undefined;
  }
  if (text !== undefined && !text.includes("\0")) return `${parts.join(" ")} --data-binary ${shellQuote(text)}`;
  return `printf %s ${shellQuote(Buffer.from(body).toString("base64"))} | base64 -d | ${parts.join(" ")} --data-binary @-`;
}
