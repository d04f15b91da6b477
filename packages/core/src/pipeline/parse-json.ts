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
    // `__proto__` as a JSON key becomes an own property, which `Object.assign` or a spread then turns
    // into the prototype of the copy. Such keys are dropped, with a reviver only where one may appear
    // (spelt out, or with an escaped letter of it): the common body pays one scan.
    const value: unknown = JSON.parse(text);
    if (mayNameProto(text)) dropProtoKeys(value);
    return value;
  } catch (cause) {
    throw new InvalidBodyError("invalid_json", `The body is not valid JSON: ${(cause as Error).message}`, cause);
  }
}

/** Letters of `__proto__` written as `\\u` escapes: `_` 5f, `o` 6f, `p` 70, `r` 72, `t` 74. */
const ESCAPED_PROTO_LETTER = /\\u00(?:5[fF]|6[fF]|7[024])/;

function mayNameProto(text: string): boolean {
  return text.includes("__proto__") || (text.includes("\\u") && ESCAPED_PROTO_LETTER.test(text));
}

/** Deletes every own `__proto__` key, walking with a stack of its own: a body nested as deep as JSON.parse allows never overflows. */
function dropProtoKeys(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (typeof value[i] === "object" && value[i] !== null) stack.push(value[i]);
      continue;
    }
    const record = value as Record<string, unknown>;
    if (Object.hasOwn(record, "__proto__")) delete record["__proto__"];
    for (const key in record) {
      const child = record[key];
      if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
}
