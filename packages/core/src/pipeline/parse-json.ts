import { InvalidBodyError } from "../errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes the body once as strict UTF-8 (a BOM is dropped) and parses it once.
 * Never re-serialises; errors become 400s without echoing the body.
 */
export function parseJsonBody(body: Uint8Array): unknown {
  if (body.length === 0) throw new InvalidBodyError("empty_body", "The body is empty; a JSON delivery was expected");
  let text: string;
  try {
    text = utf8.decode(body);
  } catch (cause) {
    throw new InvalidBodyError("invalid_json", "The body is not valid UTF-8", cause);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidBodyError("invalid_json", `The body is not valid JSON: ${(cause as Error).message}`, cause);
  }
}
