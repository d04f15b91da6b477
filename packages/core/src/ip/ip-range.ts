/**
 * One allowlist entry (an address or a CIDR block) as the inclusive ranges of
 * addresses it covers, or the reason it is not an entry.
 */
import { parseIpInto } from "./parse-ip.js";

/**
 * Four 32-bit words of an IPv6 address, most significant first.
 *
 * @example
 * ```ts
 * const loopback: Ipv6Words = [0, 0, 0, 1]; // ::1
 * ```
 */
export type Ipv6Words = readonly [number, number, number, number];

/**
 * Inclusive IPv4 range, as unsigned 32-bit numbers.
 *
 * @example
 * ```ts
 * const tenSlash8: Ipv4Range = { first: 0x0a000000, last: 0x0affffff };
 * ```
 */
export interface Ipv4Range {
  readonly first: number;
  readonly last: number;
}

/**
 * Inclusive IPv6 range.
 *
 * @example
 * ```ts
 * const documentation: Ipv6Range = { first: [0x20010db8, 0, 0, 0], last: [0x20010db8, 0xffffffff, 0xffffffff, 0xffffffff] };
 * ```
 */
export interface Ipv6Range {
  readonly first: Ipv6Words;
  readonly last: Ipv6Words;
}

/**
 * What an entry covers. IPv4 addresses and their IPv4-mapped IPv6 forms are
 * one and the same, so an IPv6 block that overlaps `::ffff:0:0/96` also
 * covers IPv4 addresses (`::ffff:10.0.0.0/104` is `10.0.0.0/8`, `::/0` is
 * every address).
 *
 * @example
 * ```ts
 * const ranges = parseEntryRanges("::/0") as EntryRanges;
 * ranges.ipv4; // { first: 0, last: 0xffffffff }: IPv4, as ::ffff:0:0/96, is inside ::/0
 * ```
 */
export interface EntryRanges {
  readonly ipv4: Ipv4Range | undefined;
  readonly ipv6: Ipv6Range | undefined;
}

const MAPPED_FIRST: Ipv6Words = [0, 0, 0xffff, 0];
const MAPPED_LAST: Ipv6Words = [0, 0, 0xffff, 0xffffffff];

/**
 * Parses `"192.0.2.1"`, `"10.0.0.0/8"`, `"2001:db8::/32"`, `"::ffff:10.0.0.0/104"`.
 * A block written with host bits set (`10.0.0.1/8`) is masked to its network
 * (`10.0.0.0/8`), as most routers and firewalls do. Returns the reason as a
 * string when the entry is not valid.
 *
 * @example
 * ```ts
 * parseEntryRanges("10.0.0.0/8");  // { ipv4: { first: 0x0a000000, last: 0x0affffff }, ipv6: undefined }
 * parseEntryRanges("10.0.0.0/33"); // "prefix length 33 exceeds 32"
 * ```
 */
export function parseEntryRanges(entry: string): EntryRanges | string {
  if (entry === "") return "it is empty";
  if (entry.trim() !== entry) return "it has surrounding whitespace";
  if (entry.includes("%")) return "zone ids (%…) are not allowed";
  const slash = entry.indexOf("/");
  const addressText = slash < 0 ? entry : entry.slice(0, slash);
  const isIpv6Text = addressText.includes(":");
  const bits = isIpv6Text ? 128 : 32;
  const words = new Uint32Array(4);
  const family = parseIpInto(addressText, words);
  if (family === 0) return `"${addressText}" is not an IPv4 or IPv6 address`;
  let prefix = bits;
  if (slash >= 0) {
    const prefixText = entry.slice(slash + 1);
    if (!/^[0-9]+$/.test(prefixText)) return `prefix length "${prefixText}" is not a number`;
    prefix = Number(prefixText);
    if (prefix > bits) return `prefix length ${prefixText} exceeds ${bits}`;
  }
  if (!isIpv6Text) return { ipv4: ipv4Block(words[0]!, prefix), ipv6: undefined };
  // IPv6 text: an IPv4-mapped address was collapsed to IPv4 by the parser; put it back.
  const address: Ipv6Words = family === 4 ? [0, 0, 0xffff, words[0]!] : [words[0]!, words[1]!, words[2]!, words[3]!];
  const ipv6 = ipv6Block(address, prefix);
  return { ipv4: mappedPart(ipv6), ipv6 };
}

/** Mask with the top `bits` (0–32) bits set. */
function topBits(bits: number): number {
  return bits <= 0 ? 0 : bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
}

function ipv4Block(address: number, prefix: number): Ipv4Range {
  const mask = topBits(prefix);
  return { first: (address & mask) >>> 0, last: (address | ~mask) >>> 0 };
}

function ipv6Block(address: Ipv6Words, prefix: number): Ipv6Range {
  const first = (word: 0 | 1 | 2 | 3): number => (address[word] & topBits(prefix - 32 * word)) >>> 0;
  const last = (word: 0 | 1 | 2 | 3): number => (address[word] | ~topBits(prefix - 32 * word)) >>> 0;
  return { first: [first(0), first(1), first(2), first(3)], last: [last(0), last(1), last(2), last(3)] };
}

/** The IPv4 addresses an IPv6 block covers through `::ffff:0:0/96`. Blocks either nest or do not meet. */
function mappedPart(range: Ipv6Range): Ipv4Range | undefined {
  if (compareIpv6(range.first, MAPPED_FIRST) <= 0 && compareIpv6(range.last, MAPPED_LAST) >= 0) {
    return { first: 0, last: 0xffffffff };
  }
  if (compareIpv6(range.first, MAPPED_FIRST) >= 0 && compareIpv6(range.last, MAPPED_LAST) <= 0) {
    return { first: range.first[3], last: range.last[3] };
  }
  return undefined;
}

/**
 * Orders two IPv6 addresses: negative, zero or positive.
 *
 * @example
 * ```ts
 * compareIpv6([0, 0, 0, 1], [0, 0, 0, 2]); // -1
 * ```
 */
export function compareIpv6(a: Ipv6Words, b: Ipv6Words): number {
  for (let word = 0; word < 4; word++) {
    if (a[word] !== b[word]) return a[word]! < b[word]! ? -1 : 1;
  }
  return 0;
}
