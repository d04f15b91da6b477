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
  return parseAddress(text, out);
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
 * The parser, built inside a closure on purpose: bundlers (tsup, esbuild) turn
 * module-level `const`s into `var`s, which V8 must treat as mutable, so it
 * reloads and re-checks the lookup table at every character. A closure's
 * `const`s stay immutable and the table's bounds check folds away: about 15%
 * of an IPv6 parse on the machines this runs on.
 */
const parseAddress = /* @__PURE__ */ createAddressParser();

function createAddressParser(): (text: string, out: Uint32Array) => IpFamilyOrInvalid {
  const ZERO = 48;
  const DOT = 46;
  const COLON = 58;
  // Character classes, indexed by UTF-16 code unit: 0–15 a hex digit's value, then ":", ".", other.
  const COLON_CLASS = 16;
  const DOT_CLASS = 17;
  const OTHER_CLASS = 32;
  // One byte per code unit (64 KiB): every `charCodeAt` result is in bounds,
  // so a character costs one load and one comparison, with no range check first.
  const CHAR_CLASS = new Uint8Array(0x10000).fill(OTHER_CLASS);
  for (let digit = 0; digit < 16; digit++) {
    CHAR_CLASS["0123456789abcdef".charCodeAt(digit)] = digit;
    CHAR_CLASS["0123456789ABCDEF".charCodeAt(digit)] = digit;
  }
  CHAR_CLASS[COLON] = COLON_CLASS;
  CHAR_CLASS[DOT] = DOT_CLASS;
  /** Up to eight 16-bit groups of the IPv6 address being parsed (never shared with user code). */
  const groups = new Int32Array(8);

  /**
   * Reads the dotted-quad octets `octetIndex` … 3 from `text[start, end)`,
   * after `value` (the octets before them): the address as an unsigned 32-bit
   * number, or `-1` when they are not decimal octets of 0–255 without leading
   * zeros, separated by dots, ending the text. No character is read twice.
   */
  function parseIpv4(text: string, start: number, end: number, value: number, octetIndex: number): number {
    let i = start;
    for (; octetIndex < 4; octetIndex++) {
      const octetStart = i;
      let octet = 0;
      let digit = 0; // after the loop: the code of what ended the octet, minus 48, unless the text ended
      while (i < end) {
        digit = text.charCodeAt(i) - ZERO;
        if (digit >>> 0 > 9) break;
        octet = octet * 10 + digit;
        i++;
      }
      if (!isOctet(octet, i - octetStart)) return -1;
      value = value * 256 + octet;
      if (octetIndex === 3) return i === end ? value : -1;
      if (i === end || digit !== DOT - ZERO) return -1;
      i++;
    }
    return -1;
  }

  /**
   * IPv6, or IPv4 when a dot ends the first group. A group at a time: an inner
   * loop reads its hex digits, then the character that ended it decides. Each
   * character is read once: `charCodeAt` is the largest cost here (V8 11.3
   * re-checks the string's representation at every call, ~10 cycles; reading
   * the 39 characters of a full IPv6 address is about four fifths of the
   * cycles of parsing it).
   */
  return function parseAddress(text: string, out: Uint32Array): IpFamilyOrInvalid {
    const length = text.length;
    if (length < 2 || length > 45) return 0; // the longest: eight groups of four digits, or six and a dotted quad
    let i = 0;
    let count = 0; // groups stored
    let gap = -1; // index in `groups` where "::" stands, if any
    if (text.charCodeAt(0) === COLON) {
      if (text.charCodeAt(1) !== COLON) return 0; // a lone leading ":"
      gap = 0;
      i = 2;
      if (length === 2) {
        out[0] = out[1] = out[2] = out[3] = 0;
        return 6;
      }
    }
    for (;;) {
      const start = i;
      let value = 0;
      let charClass = OTHER_CLASS; // what ended the group: a digit's class when the text did
      while (i < length) {
        charClass = CHAR_CLASS[text.charCodeAt(i)]!;
        if (charClass >= 16) break;
        value = (value << 4) | charClass;
        i++;
      }
      const digits = i - start;
      if ((digits - 1) >>> 0 > 3) {
        // No digit, or more than four. Every group starts right after a colon,
        // so an empty group ended by a colon is "::", which may appear once.
        if (digits !== 0 || charClass !== COLON_CLASS || gap >= 0) return 0;
        gap = count;
        i++;
        if (i === length) break;
        continue;
      }
      if (charClass < 16) {
        groups[count++] = value; // the text ends with this group
        break;
      }
      if (charClass === COLON_CLASS) {
        if (count === 7) return 0; // a ninth group
        groups[count++] = value;
        i++;
        if (i === length) return 0; // a trailing single ":"
        continue;
      }
      if (charClass !== DOT_CLASS) return 0; // garbage, or a zone id
      if (count === 0 && gap < 0) {
        // A dot in the first group: the whole text is IPv4, and the group,
        // read as hex digits, was its first octet.
        const octet = decimalOf(value, digits);
        if (octet < 0) return 0;
        const ipv4 = parseIpv4(text, i + 1, length, octet, 1);
        if (ipv4 < 0) return 0;
        out[0] = ipv4;
        return 4;
      }
      // In IPv6, a dotted quad can only be the last 32 bits.
      if (count > 6) return 0;
      const ipv4 = parseIpv4(text, start, length, 0, 0);
      if (ipv4 < 0) return 0;
      groups[count++] = ipv4 >>> 16;
      groups[count++] = ipv4 & 0xffff;
      break;
    }
    // "::" stands for one or more zero groups; without it there must be eight.
    if (gap < 0 ? count !== 8 : count > 7) return 0;
    if (gap >= 0) {
      const zeros = 8 - count;
      for (let index = count - 1; index >= gap; index--) groups[index + zeros] = groups[index]!;
      for (let index = gap; index < gap + zeros; index++) groups[index] = 0;
    }
    const word0 = ((groups[0]! << 16) | groups[1]!) >>> 0;
    const word1 = ((groups[2]! << 16) | groups[3]!) >>> 0;
    const word2 = ((groups[4]! << 16) | groups[5]!) >>> 0;
    out[3] = ((groups[6]! << 16) | groups[7]!) >>> 0;
    if (word0 === 0 && word1 === 0 && word2 === 0xffff) {
      out[0] = out[3]!;
      return 4;
    }
    out[0] = word0;
    out[1] = word1;
    out[2] = word2;
    return 6;
  };
}

/**
 * Whether `digits` decimal digits of value `octet` are an IPv4 octet: 0–255,
 * without a leading zero (`01`, `00`: other parsers read those as octal).
 */
function isOctet(octet: number, digits: number): boolean {
  if (digits === 1) return true;
  if (digits === 2) return octet >= 10;
  return digits === 3 && octet >= 100 && octet <= 255;
}

/**
 * The decimal octet whose digits were read as a hex group (`0x255` → 255), or
 * `-1` when they were not 1–3 decimal digits making an octet.
 */
function decimalOf(hexGroup: number, digits: number): number {
  if (digits > 3) return -1;
  const hundreds = hexGroup >> 8;
  const tens = (hexGroup >> 4) & 15;
  const ones = hexGroup & 15;
  if (hundreds > 9 || tens > 9 || ones > 9) return -1;
  const octet = hundreds * 100 + tens * 10 + ones;
  return isOctet(octet, digits) ? octet : -1;
}
