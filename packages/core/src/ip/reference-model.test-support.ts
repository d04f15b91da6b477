/**
 * Test-only: a slow, obviously correct model of IP addresses and CIDR blocks
 * (one 128-bit `BigInt` space, IPv4 being `::ffff:a.b.c.d`), text writers for
 * every textual form, and fast-check arbitraries. It shares no code with the
 * implementation, so the property tests compare two independent answers.
 */
import fc from "fast-check";

export const IPV4_MAPPED_PREFIX = 0xffffn << 32n;
const ALL_ONES_128 = (1n << 128n) - 1n;

/** An IPv4 address (32-bit number) in the shared 128-bit space. */
export function mappedIpv4(value: number): bigint {
  return IPV4_MAPPED_PREFIX | BigInt(value);
}

/** A CIDR block in the shared 128-bit space. */
export interface ReferenceBlock {
  /** Any address inside the block (host bits may be set, as in `10.0.0.1/8`). */
  readonly address: bigint;
  /** Prefix length in the 128-bit space (an IPv4 /8 is /104). */
  readonly prefix: number;
}

/** First and last address of a block. */
export function blockBounds(block: ReferenceBlock): { first: bigint; last: bigint } {
  const hostMask = (1n << BigInt(128 - block.prefix)) - 1n;
  const first = block.address & (ALL_ONES_128 ^ hostMask);
  return { first, last: first | hostMask };
}

/** The reference answer: is `address` inside any of the blocks? Shift and compare, nothing clever. */
export function referenceHas(blocks: readonly ReferenceBlock[], address: bigint): boolean {
  return blocks.some(({ address: base, prefix }) => {
    const shift = BigInt(128 - prefix);
    return base >> shift === address >> shift;
  });
}

/** Is a 128-bit value an IPv4(-mapped) address? */
export function isMapped(value: bigint): boolean {
  return value >> 32n === 0xffffn;
}

export function ipv4Text(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
}

/** How to write an IPv6 address; every combination is valid RFC 4291 text. */
export interface Ipv6Style {
  /** Pad each group to four digits. */
  readonly pad: boolean;
  readonly upper: boolean;
  /** Write the last 32 bits as a dotted quad. */
  readonly dottedTail: boolean;
  /** Which run of zero groups to write as "::" (index into the runs found, modulo their number); -1: none. */
  readonly compress: number;
}

export const canonicalStyle: Ipv6Style = { pad: false, upper: false, dottedTail: false, compress: -1 };

/** Writes a 128-bit value as IPv6 text in the given style. */
export function ipv6Text(value: bigint, style: Ipv6Style): string {
  const groups = Array.from({ length: 8 }, (_, index) => Number((value >> BigInt(112 - 16 * index)) & 0xffffn));
  const hexGroups = style.dottedTail ? 6 : 8;
  const words = groups.slice(0, hexGroups).map((group) => {
    const hex = group.toString(16);
    const padded = style.pad ? hex.padStart(4, "0") : hex;
    return style.upper ? padded.toUpperCase() : padded;
  });
  const tail = style.dottedTail ? [ipv4Text(Number(value & 0xffffffffn))] : [];
  const runs = zeroRuns(groups.slice(0, hexGroups));
  if (style.compress < 0 || runs.length === 0) return [...words, ...tail].join(":");
  const [start, length] = runs[style.compress % runs.length]!;
  const head = words.slice(0, start).join(":");
  const rest = [...words.slice(start + length), ...tail].join(":");
  return `${head}::${rest}`;
}

/** Every run of zero groups, as [start, length]; any of them may be written as "::". */
function zeroRuns(groups: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let index = 0; index < groups.length; index++) {
    if (groups[index] !== 0) continue;
    let end = index;
    while (end < groups.length && groups[end] === 0) end++;
    // Every sub-run is valid too; take the whole run and its first group alone.
    runs.push([index, end - index]);
    if (end - index > 1) runs.push([index, 1]);
    index = end;
  }
  return runs;
}

/** RFC 5952 text, written independently of the implementation's formatter. */
export function canonicalText(value: bigint): string {
  if (isMapped(value)) return ipv4Text(Number(value & 0xffffffffn));
  const groups = Array.from({ length: 8 }, (_, index) => Number((value >> BigInt(112 - 16 * index)) & 0xffffn));
  let best: [number, number] | undefined;
  for (const [start, length] of zeroRuns(groups)) {
    if (length >= 2 && (!best || length > best[1])) best = [start, length];
  }
  const hex = groups.map((group) => group.toString(16));
  if (!best) return hex.join(":");
  return `${hex.slice(0, best[0]).join(":")}::${hex.slice(best[0] + best[1]).join(":")}`;
}

/** The four 32-bit words the implementation uses, from a 128-bit value. */
export function toWords(value: bigint): [number, number, number, number] {
  return [96n, 64n, 32n, 0n].map((shift) => Number((value >> shift) & 0xffffffffn)) as [number, number, number, number];
}

/** RFC 3986 `IPv6address` / `IPv4address`, as a regular expression: an independent acceptance oracle. */
export const RFC3986_ADDRESS = (() => {
  const decOctet = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])";
  const ipv4 = `(?:${decOctet}\\.){3}${decOctet}`;
  const h16 = "[0-9A-Fa-f]{1,4}";
  const ls32 = `(?:${h16}:${h16}|${ipv4})`;
  const upTo = (n: number): string => (n < 0 ? "" : `(?:(?:${h16}:){0,${n}}${h16})?`);
  const ipv6 = [
    `(?:${h16}:){6}${ls32}`,
    `::(?:${h16}:){5}${ls32}`,
    `${upTo(0)}::(?:${h16}:){4}${ls32}`,
    `${upTo(1)}::(?:${h16}:){3}${ls32}`,
    `${upTo(2)}::(?:${h16}:){2}${ls32}`,
    `${upTo(3)}::${h16}:${ls32}`,
    `${upTo(4)}::${ls32}`,
    `${upTo(5)}::${h16}`,
    `${upTo(6)}::`,
  ].join("|");
  return new RegExp(`^(?:${ipv4}|${ipv6})$`);
})();

// ---- fast-check arbitraries -------------------------------------------------

export const ipv4Value = fc.integer({ min: 0, max: 0xffffffff });

/** 128-bit values with zero runs, small groups and mapped addresses more often than uniform bits would give. */
export const ipv6Value: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: 0n, max: ALL_ONES_128 }),
  fc
    .array(fc.oneof(fc.constant(0), fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff })), {
      minLength: 8,
      maxLength: 8,
    })
    .map((groups) => groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n)),
  ipv4Value.map(mappedIpv4),
);

export const ipv6Style: fc.Arbitrary<Ipv6Style> = fc.record({
  pad: fc.boolean(),
  upper: fc.boolean(),
  dottedTail: fc.boolean(),
  compress: fc.integer({ min: -1, max: 7 }),
});
