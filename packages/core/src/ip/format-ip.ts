/**
 * The one canonical text of an address: dotted quad for IPv4 (and for
 * IPv4-mapped IPv6), RFC 5952 for IPv6 (lower case, no leading zeros, the
 * longest run of two or more zero groups written as "::", the first on a tie).
 */
import { parseIpInto, type ParsedIp } from "./parse-ip.js";

/**
 * Writes an address held as numbers (`family` 4: `words[0]`; 6: `words[0..3]`) in canonical text.
 *
 * @example
 * ```ts
 * formatIpWords(4, [0xc0000201]);                 // "192.0.2.1"
 * formatIpWords(6, [0x20010db8, 0, 0, 1]);        // "2001:db8::1"
 * ```
 */
export function formatIpWords(family: 4 | 6, words: ArrayLike<number>): string {
  if (family === 4) {
    const value = words[0]!;
    return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
  }
  let bestStart = -1;
  let bestLength = 1; // a single zero group is never compressed
  for (let index = 0; index < 8; ) {
    if (group(words, index) !== 0) {
      index++;
      continue;
    }
    const start = index;
    while (index < 8 && group(words, index) === 0) index++;
    if (index - start > bestLength) {
      bestStart = start;
      bestLength = index - start;
    }
  }
  let text = "";
  for (let index = 0; index < 8; index++) {
    if (index === bestStart) {
      text += "::";
      index += bestLength - 1;
      continue;
    }
    if (text !== "" && !text.endsWith(":")) text += ":";
    text += group(words, index).toString(16);
  }
  return text;
}

/**
 * Writes a parsed address in canonical text.
 *
 * @example
 * ```ts
 * formatIp({ family: 6, words: [0x20010db8, 0, 0, 0x10] }); // "2001:db8::10"
 * formatIp({ family: 4, value: 0x7f000001 });               // "127.0.0.1"
 * ```
 */
export function formatIp(ip: ParsedIp): string {
  return ip.family === 4 ? formatIpWords(4, [ip.value]) : formatIpWords(6, ip.words);
}

/** The 16-bit group `index` (0–7) of an IPv6 address held as four words. */
function group(words: ArrayLike<number>, index: number): number {
  const word = words[index >> 1]!;
  return index & 1 ? word & 0xffff : word >>> 16;
}

const scratch = new Uint32Array(4);

/**
 * The canonical text of an address, or `undefined` when `text` is not one.
 * IPv4-mapped IPv6 becomes the IPv4 address. Never throws.
 *
 * @example
 * ```ts
 * normalizeIp("::FFFF:127.0.0.1");          // "127.0.0.1"
 * normalizeIp("2001:0DB8:0:0:0:0:0:0001");  // "2001:db8::1"
 * normalizeIp("not an address");            // undefined
 * ```
 */
export function normalizeIp(text: string | undefined): string | undefined {
  if (typeof text !== "string") return undefined;
  const family = parseIpInto(text, scratch);
  return family === 0 ? undefined : formatIpWords(family, scratch);
}
