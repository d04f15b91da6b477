import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeKontentLineBreaks } from "./line-breaks.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** What @kontent-ai/webhook-helper v4 hashes. */
const helper = (text: string) => text.replace(/[\r\n]+/gm, "\r\n");

describe("normalizeKontentLineBreaks", () => {
  it("turns every run of CR/LF into one CRLF, like the official helper", () => {
    expect(decoder.decode(normalizeKontentLineBreaks(encoder.encode('{\n  "a": 1,\r\n\r\n  "b": "é"\r}\n')))).toBe('{\r\n  "a": 1,\r\n  "b": "é"\r\n}\r\n');
  });

  it("collapses a last run of line breaks even when the result is a prefix of the input", () => {
    expect(decoder.decode(normalizeKontentLineBreaks(encoder.encode("{\r\n}\r\n\r\n")))).toBe("{\r\n}\r\n");
  });

  it("returns the same bytes when there is no line break", () => {
    const body = encoder.encode('{"a":1}');
    expect(normalizeKontentLineBreaks(body)).toBe(body);
  });

  it("returns the same bytes when the line ends are CRLF already, so no second HMAC is spent", () => {
    const body = encoder.encode('{\r\n  "a": 1\r\n}');
    expect(normalizeKontentLineBreaks(body)).toBe(body);
  });

  it("agrees with the helper's regex on any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("\r", "\n", "a", "{", " ", "é", "😀")).map((parts) => parts.join("")), (text) => {
        expect(decoder.decode(normalizeKontentLineBreaks(encoder.encode(text)))).toBe(helper(text));
      }),
      { numRuns: 300 },
    );
  });
});
