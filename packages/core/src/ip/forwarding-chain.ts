/**
 * Reading the chain of client addresses that proxies record in
 * `X-Forwarded-For` and in RFC 7239 `Forwarded` (`for=`). Both give the hops
 * client first; the hop nearest to us is last. Hops that name no address (an
 * empty element, `unknown`, an obfuscated `_name`, an element without `for=`,
 * a header that does not parse) come back as `""`; other text is passed on as
 * it is. The walk parses every hop and stops at the first that is not an IP
 * address, so neither is ever believed.
 */

/**
 * Splits `X-Forwarded-For` into its hops, client first, each trimmed. An empty
 * element (`"a, , b"`) is an unusable hop `""`; a blank header has no hops.
 * Ports and brackets are not stripped: X-Forwarded-For carries bare addresses.
 *
 * @example
 * ```ts
 * parseXForwardedFor("203.0.113.7, 10.0.0.2 ,10.0.0.1"); // ["203.0.113.7", "10.0.0.2", "10.0.0.1"]
 * parseXForwardedFor("  ");                              // []
 * ```
 */
export function parseXForwardedFor(value: string): string[] {
  if (value.trim() === "") return [];
  return value.split(",").map((hop) => hop.trim());
}

const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const EQUALS = 61;
const BACKSLASH = 92;

/**
 * Reads the `for=` node of each element of a `Forwarded` header (RFC 7239),
 * client first, as address text: quotes removed, the brackets of an IPv6 node
 * and any port (`:4711`, `:_obf`) stripped. An element without `for=`, with
 * two, or whose node is `unknown`, obfuscated (`_hidden`) or unbracketed IPv6
 * is an unusable hop `""`. A header that does not parse at all (an unclosed
 * quote, a pair without `=`) is one unusable hop: none of it is believed.
 *
 * @example
 * ```ts
 * parseForwardedFor('for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"');
 * // ["192.0.2.60", "2001:db8:cafe::17"]
 * parseForwardedFor("for=unknown, for=198.51.100.17:8080"); // ["", "198.51.100.17"]
 * ```
 */
export function parseForwardedFor(value: string): string[] {
  if (value.trim() === "") return [];
  const hops: string[] = [];
  const length = value.length;
  let node: string | undefined;
  let usable = true;
  let i = 0;
  for (;;) {
    i = skipWhitespace(value, i);
    // One pair: name "=" (token | quoted-string). Empty pairs (";;") are allowed by the grammar.
    const code = value.charCodeAt(i);
    if (i < length && code !== SEMICOLON && code !== COMMA) {
      const nameStart = i;
      while (i < length && isTokenChar(value.charCodeAt(i))) i++;
      if (i === nameStart || value.charCodeAt(i) !== EQUALS) return [""];
      const name = value.slice(nameStart, i).toLowerCase();
      i++;
      let pairValue: string;
      if (value.charCodeAt(i) === QUOTE) {
        const quoted = readQuotedString(value, i);
        if (quoted === undefined) return [""];
        pairValue = quoted.text;
        i = quoted.end;
      } else {
        const valueStart = i;
        while (i < length && isUnquotedValueChar(value.charCodeAt(i))) i++;
        pairValue = value.slice(valueStart, i);
      }
      if (name === "for") {
        if (node !== undefined) usable = false; // a parameter may appear once per element
        node = pairValue;
      }
      i = skipWhitespace(value, i);
    }
    if (i >= length || value.charCodeAt(i) === COMMA) {
      hops.push(usable && node !== undefined ? nodeAddress(node) : "");
      if (i >= length) return hops;
      node = undefined;
      usable = true;
    } else if (value.charCodeAt(i) !== SEMICOLON) {
      return [""];
    }
    i++;
  }
}

/**
 * The address part of a node (`192.0.2.43`, `192.0.2.43:8080`, `[2001:db8::1]`,
 * `[2001:db8::1]:4711`), or `""` for `unknown`, obfuscated or malformed nodes.
 */
function nodeAddress(node: string): string {
  if (node.startsWith("[")) {
    const close = node.indexOf("]");
    if (close < 0) return "";
    const rest = node.slice(close + 1);
    if (rest !== "" && !(rest.startsWith(":") && isPort(rest.slice(1)))) return "";
    const address = node.slice(1, close);
    return address.includes(":") ? address : ""; // brackets are for IPv6 only
  }
  const colon = node.indexOf(":");
  // Unbracketed IPv6 is ambiguous with a port and not allowed by RFC 7239.
  if (colon >= 0 && !isPort(node.slice(colon + 1))) return "";
  const host = colon < 0 ? node : node.slice(0, colon);
  // `unknown` and obfuscated `_identifiers` (RFC 7239 sections 6.2, 6.3) name no address.
  return host.startsWith("_") || host.toLowerCase() === "unknown" ? "" : host;
}

/** `8080`, or an obfuscated port `_abc` (RFC 7239 section 6.3). */
const PORT = /^(?:[0-9]{1,5}|_[A-Za-z0-9._-]+)$/;

function isPort(text: string): boolean {
  return PORT.test(text);
}

function skipWhitespace(value: string, i: number): number {
  while (value.charCodeAt(i) === SPACE || value.charCodeAt(i) === TAB) i++;
  return i;
}

/** RFC 7230 token characters, by code (ASCII only). */
const TOKEN_CHARS = new Uint8Array(128);
for (const char of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
  TOKEN_CHARS[char.charCodeAt(0)] = 1;
}

function isTokenChar(code: number): boolean {
  return TOKEN_CHARS[code] === 1;
}

/** Unquoted values: tokens, plus the ":" "[" "]" that proxies put in unquoted nodes. */
function isUnquotedValueChar(code: number): boolean {
  return isTokenChar(code) || code === 58 || code === 91 || code === 93;
}

/** Reads the quoted-string starting at `start` (a `"`), unescaping `\x`; `undefined` if it never closes. */
function readQuotedString(value: string, start: number): { text: string; end: number } | undefined {
  let text = "";
  for (let i = start + 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === QUOTE) return { text, end: i + 1 };
    if (code === BACKSLASH) {
      i++;
      if (i >= value.length) return undefined;
    }
    text += value[i];
  }
  return undefined;
}
