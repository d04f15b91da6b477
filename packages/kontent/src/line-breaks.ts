const CR = 0x0d;
const LF = 0x0a;

/**
 * Replaces every run of CR/LF bytes with one CRLF, as
 * `@kontent-ai/webhook-helper` v4 does (`/[\r\n]+/g` → `"\r\n"`) before it
 * hashes. Works on bytes: CR and LF never occur inside a multi-byte UTF-8
 * sequence. Returns the input itself when normalising changes nothing (no
 * CR or LF, or CRLF line ends already), so a caller can tell by identity
 * whether a second reading exists.
 *
 * @example
 * ```ts
 * new TextDecoder().decode(normalizeKontentLineBreaks(new TextEncoder().encode("{\n\n}"))); // "{\r\n}"
 * ```
 */
export function normalizeKontentLineBreaks(body: Uint8Array): Uint8Array {
  const first = body.findIndex((b) => b === CR || b === LF);
  if (first < 0) return body;
  const out = new Uint8Array(body.length * 2);
  out.set(body.subarray(0, first));
  let n = first;
  for (let i = first; i < body.length; ) {
    if (body[i] === CR || body[i] === LF) {
      while (i < body.length && (body[i] === CR || body[i] === LF)) i++;
      out[n++] = CR;
      out[n++] = LF;
    } else {
      out[n++] = body[i++]!;
    }
  }
  const result = out.subarray(0, n);
  return n === body.length && result.every((b, i) => b === body[i]) ? body : result;
}
