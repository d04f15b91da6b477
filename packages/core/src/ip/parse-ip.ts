/**
 * Parsing of IPv4 and IPv6 address text, without regular expressions, `BigInt`
 * or allocation on the path that untrusted input takes, and without throwing.
 *
 * An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, `::ffff:c000:201`) is the
 * IPv4 address it maps: a dual-stack socket reports IPv4 peers that way.
 */

/** An IP address as numbers: IPv4 as one unsigned 32-bit value, IPv6 as four 32-bit words, most significant first. */
export type ParsedIp =
  | { readonly family: 4; readonly value: number }
  | { readonly family: 6; readonly words: readonly [number, number, number, number] };

/** What {@link parseIpInto} found: `4`, `6`, or `0` for text that is not an address. */
export type IpFamilyOrInvalid = 0 | 4 | 6;

/** Longest IPv6 text: eight groups of four digits, or six groups and a dotted quad. */
const MAX_ADDRESS_LENGTH = 45;

const DOT = 46;
const COLON = 58;
const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** Up to eight 16-bit groups of the IPv6 address being parsed (never shared with user code). */
const groups = new Uint16Array(8);

/**
 * Parses `text` into `out` without allocating: an IPv4 address (or an
 * IPv4-mapped IPv6 one) writes its value to `out[0]` and returns `4`; any other
 * IPv6 address writes its four words to `out[0..3]` and returns `6`; anything
 * else returns `0` and leaves `out` in an unspecified state.
 *
 * IPv4 must be four decimal octets without leading zeros (`01.2.3.4` is
 * refused: other parsers read it as octal). IPv6 accepts every RFC 4291 text
 * form in either case; zone ids (`fe80::1%eth0`), brackets and ports are refused.
 *
 * @example
 * ```ts
 * const words = new Uint32Array(4);
 * parseIpInto("192.0.2.1", words);   // 4, words[0] === 0xc0000201
 * parseIpInto("2001:db8::1", words); // 6, words = [0x20010db8, 0, 0, 1]
 * parseIpInto("fe80::1%eth0", words); // 0
 * ```
 */
export function parseIpInto(text: string, out: Uint32Array): IpFamilyOrInvalid {
  const length = text.length;
  if (length < 2 || length > MAX_ADDRESS_LENGTH) return 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === COLON) return parseIpv6(text, out);
    if (code === DOT) break;
  }
  const value = parseIpv4(text, 0, length);
  if (value < 0) return 0;
  out[0] = value;
  return 4;
}

/**
 * Parses an IPv4 or IPv6 address. IPv4-mapped IPv6 addresses come back as IPv4.
 * Never throws: anything that is not an address gives `undefined`.
 *
 * @example
 * ```ts
 * parseIp("::ffff:10.0.0.1"); // { family: 4, value: 167772161 }
 * parseIp("2001:DB8::1");     // { family: 6, words: [536939960, 0, 0, 1] }
 * parseIp("010.0.0.1");       // undefined (leading zero)
 * ```
 */
export function parseIp(text: string | undefined): ParsedIp | undefined {
  if (typeof text !== "string") return undefined;
  const words = new Uint32Array(4);
  const family = parseIpInto(text, words);
  if (family === 4) return { family: 4, value: words[0]! };
  if (family === 6) return { family: 6, words: [words[0]!, words[1]!, words[2]!, words[3]!] };
  return undefined;
}

/**
 * Reads a dotted quad from `text[start, end)`: the value as an unsigned 32-bit
 * number, or `-1` when it is not exactly four decimal octets of 0–255 without
 * leading zeros.
 */
function parseIpv4(text: string, start: number, end: number): number {
  let value = 0;
  let dots = 0;
  let octet = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      if (digits === 1 && octet === 0) return -1; // "01": a leading zero
      octet = octet * 10 + (code - DIGIT_0);
      if (octet > 255) return -1;
      digits++;
    } else if (code === DOT && digits !== 0 && dots < 3) {
      value = value * 256 + octet;
      dots++;
      octet = 0;
      digits = 0;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + octet;
}

/** Value of a hexadecimal digit, or -1. */
function hexValue(code: number): number {
  if (code >= DIGIT_0 && code <= DIGIT_9) return code - DIGIT_0;
  const lower = code | 0x20; // folds A-F onto a-f
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

function parseIpv6(text: string, out: Uint32Array): IpFamilyOrInvalid {
  const length = text.length;
  let count = 0; // groups read so far
  let gap = -1; // index in `groups` where "::" stands, if any
  let i = 0;
  if (text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return 0; // a lone leading ":"
    gap = 0;
    i = 2;
  }
  while (i < length) {
    const start = i;
    let value = 0;
    for (let digit = hexValue(text.charCodeAt(i)); digit >= 0 && i < length; digit = hexValue(text.charCodeAt(i))) {
      value = value * 16 + digit;
      i++;
    }
    if (i < length && text.charCodeAt(i) === DOT) {
      // A dotted quad can only be the last 32 bits.
      if (count > 6) return 0;
      const ipv4 = parseIpv4(text, start, length);
      if (ipv4 < 0) return 0;
      groups[count++] = ipv4 >>> 16;
      groups[count++] = ipv4 & 0xffff;
      i = length;
      break;
    }
    if (i === start || i - start > 4 || count === 8) return 0;
    groups[count++] = value;
    if (i === length) break;
    if (text.charCodeAt(i) !== COLON) return 0; // garbage, or a zone id
    i++;
    if (text.charCodeAt(i) === COLON) {
      if (gap >= 0) return 0; // a second "::"
      gap = count;
      i++;
    } else if (i === length) {
      return 0; // a trailing single ":"
    }
  }
  // "::" stands for one or more zero groups; without it there must be eight.
  if (gap < 0 ? count !== 8 : count > 7) return 0;
  const zeros = 8 - count;
  for (let word = 0; word < 4; word++) {
    out[word] = ((groupAt(2 * word, gap, zeros) << 16) | groupAt(2 * word + 1, gap, zeros)) >>> 0;
  }
  if (out[0] === 0 && out[1] === 0 && out[2] === 0xffff) {
    out[0] = out[3]!;
    return 4;
  }
  return 6;
}

/** The 16-bit group at `position` (0–7) once the `zeros` groups of "::" are put back at `gap`. */
function groupAt(position: number, gap: number, zeros: number): number {
  if (gap < 0 || position < gap) return groups[position]!;
  if (position < gap + zeros) return 0;
  return groups[position - zeros]!;
}
