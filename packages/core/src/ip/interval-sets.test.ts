/**
 * The interval sets behind the allowlist, against a BigInt reference: how
 * ranges merge (overlapping and touching ones become one interval, also when
 * the touch carries across a 32-bit word), what they answer at every range's
 * edges, and `coversEveryAddress`, which decides whether an allowlist proves
 * anything about a sender.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompiledIpAllowlist, compileIpMatcher } from "./allowlist.js";
import type { Ipv4Range, Ipv6Range, Ipv6Words } from "./ip-range.js";
import { Ipv4IntervalSet } from "./ipv4-interval-set.js";
import { Ipv6IntervalSet } from "./ipv6-interval-set.js";
import { toWords } from "./reference-model.test-support.js";

const MAX_128 = (1n << 128n) - 1n;
const MAX_32 = 0xffffffff;

interface BigRange {
  readonly first: bigint;
  readonly last: bigint;
}

/** The reference: how many disjoint, non-touching intervals the ranges make. */
function referenceIntervalCount(ranges: readonly BigRange[]): number {
  const sorted = [...ranges].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let count = 0;
  let end = 0n;
  for (const { first, last } of sorted) {
    if (count > 0 && first <= end + 1n) {
      if (last > end) end = last;
    } else {
      count++;
      end = last;
    }
  }
  return count;
}

const referenceContains = (ranges: readonly BigRange[], address: bigint): boolean =>
  ranges.some(({ first, last }) => first <= address && address <= last);

/** Each range's edges and the addresses just outside them. */
function edges(ranges: readonly BigRange[], max: bigint): bigint[] {
  return ranges.flatMap(({ first, last }) => [first - 1n, first, first + 1n, last - 1n, last, last + 1n]).filter((a) => a >= 0n && a <= max);
}

/** A range from a start and a length, both biased to word boundaries, clamped to the space. */
function rangeFrom(start: bigint, length: bigint, max: bigint): BigRange {
  const first = start < 0n ? 0n : start > max ? max : start;
  const last = first + length > max ? max : first + length;
  return { first, last };
}

/** 128-bit starts near the 32-bit word boundaries (the carries of "previous + 1"), and anywhere. */
const start128 = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(0n, 1n << 32n, 1n << 64n, 1n << 96n, 3n << 64n, (0x20010db8n << 96n) + (1n << 32n), MAX_128),
      fc.integer({ min: -4, max: 4 }),
    )
    .map(([base, offset]) => base + BigInt(offset)),
  fc.bigInt({ min: 0n, max: MAX_128 }),
);
const length128 = fc.oneof(
  fc.bigInt({ min: 0n, max: 3n }),
  fc.constantFrom((1n << 32n) - 1n, 1n << 32n, (1n << 64n) - 1n, (1n << 96n) - 2n),
  fc.bigInt({ min: 0n, max: MAX_128 }),
);
const ranges128 = fc.array(
  fc.tuple(start128, length128).map(([start, length]) => rangeFrom(start, length, MAX_128)),
  { minLength: 0, maxLength: 8 },
);

const start32 = fc.oneof(
  fc.tuple(fc.constantFrom(0, 0x10000, 0x0a000000, MAX_32), fc.integer({ min: -4, max: 4 })).map(([base, offset]) => BigInt(base + offset)),
  fc.integer({ min: 0, max: MAX_32 }).map(BigInt),
);
const length32 = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0xffff, 0x10000, MAX_32)).map(BigInt);
const ranges32 = fc.array(
  fc.tuple(start32, length32).map(([start, length]) => rangeFrom(start, length, BigInt(MAX_32))),
  { minLength: 0, maxLength: 8 },
);

const toIpv6Range = ({ first, last }: BigRange): Ipv6Range => ({ first: toWords(first), last: toWords(last) });
const toIpv4Range = ({ first, last }: BigRange): Ipv4Range => ({ first: Number(first), last: Number(last) });
const words = (value: bigint): Uint32Array => Uint32Array.from(toWords(value));

describe("Ipv6IntervalSet", () => {
  it("merges overlapping and touching ranges into as many intervals as the reference, and answers as it does at every edge", () => {
    fc.assert(
      fc.property(ranges128, (ranges) => {
        const set = new Ipv6IntervalSet(ranges.map(toIpv6Range));
        expect(set.intervalCount).toBe(referenceIntervalCount(ranges));
        for (const address of [0n, MAX_128, ...edges(ranges, MAX_128)]) {
          expect(set.has(words(address))).toBe(referenceContains(ranges, address));
        }
      }),
      { seed: 0x1f6, numRuns: 600 },
    );
  });

  it("joins ranges that touch, also when the next one starts a carry into a higher word", () => {
    const w = (...values: number[]) => values as unknown as Ipv6Words;
    const count = (...ranges: [Ipv6Words, Ipv6Words][]) => new Ipv6IntervalSet(ranges.map(([first, last]) => ({ first, last }))).intervalCount;
    expect(count([w(0, 0, 0, 1), w(0, 0, 0, 1)], [w(0, 0, 0, 2), w(0, 0, 0, 2)])).toBe(1); // ::1, ::2
    expect(count([w(0, 0, 0, 1), w(0, 0, 0, 1)], [w(0, 0, 0, 3), w(0, 0, 0, 3)])).toBe(2); // ::1, ::3
    expect(count([w(0, 0, 0, 0), w(0, 0, 0, MAX_32)], [w(0, 0, 1, 0), w(0, 0, 1, 5)])).toBe(1); // carry into word 2
    expect(count([w(0, 0, 0, 0), w(0, 0, 0, MAX_32)], [w(0, 0, 1, 1), w(0, 0, 1, 5)])).toBe(2);
    expect(count([w(0, 7, MAX_32, MAX_32), w(0, 7, MAX_32, MAX_32)], [w(0, 8, 0, 0), w(0, 8, 0, 0)])).toBe(1); // carry into word 1
    expect(count([w(0, MAX_32, MAX_32, MAX_32), w(0, MAX_32, MAX_32, MAX_32)], [w(1, 0, 0, 0), w(1, 0, 0, 0)])).toBe(1); // into word 0
    expect(count([w(0, MAX_32, MAX_32, MAX_32), w(0, MAX_32, MAX_32, MAX_32)], [w(1, 0, 0, 1), w(1, 0, 0, 1)])).toBe(2);
    expect(count([w(0, 0, 0, 5), w(0, 0, 0, 9)], [w(0, 0, 0, 9), w(0, 0, 0, 12)])).toBe(1); // sharing an address
    expect(count()).toBe(0);
  });

  it("does not join ranges whose last word is one apart but whose higher words differ", () => {
    // ::4 and 1::5 (in words): 5 follows 4 in the last word only.
    const set = new Ipv6IntervalSet([
      { first: [0, 0, 0, 4], last: [0, 0, 0, 4] },
      { first: [1, 0, 0, 5], last: [1, 0, 0, 5] },
    ]);
    expect(set.intervalCount).toBe(2);
    expect(set.has(Uint32Array.of(0, 0, 0, 5))).toBe(false);
    expect(set.has(Uint32Array.of(1, 0, 0, 4))).toBe(false);
    expect(set.has(Uint32Array.of(1, 0, 0, 5))).toBe(true);
    const words2 = new Ipv6IntervalSet([
      { first: [0, 0, 3, 4], last: [0, 0, 3, 4] },
      { first: [0, 1, 3, 5], last: [0, 1, 3, 5] },
    ]);
    expect(words2.intervalCount).toBe(2);
    expect(words2.has(Uint32Array.of(0, 0, 3, 5))).toBe(false);
  });
});

describe("Ipv4IntervalSet", () => {
  it("merges overlapping and touching ranges into as many intervals as the reference, and answers as it does at every edge", () => {
    fc.assert(
      fc.property(ranges32, (ranges) => {
        const set = new Ipv4IntervalSet(ranges.map(toIpv4Range));
        expect(set.intervalCount).toBe(referenceIntervalCount(ranges));
        for (const address of [0n, BigInt(MAX_32), ...edges(ranges, BigInt(MAX_32))]) {
          expect(set.has(Number(address))).toBe(referenceContains(ranges, address));
        }
      }),
      { seed: 0x1f4, numRuns: 600 },
    );
  });

  it("joins touching ranges and keeps a one-address gap", () => {
    expect(new Ipv4IntervalSet([{ first: 0, last: 5 }, { first: 6, last: 9 }]).intervalCount).toBe(1);
    expect(new Ipv4IntervalSet([{ first: 0, last: 5 }, { first: 5, last: 9 }]).intervalCount).toBe(1);
    expect(new Ipv4IntervalSet([{ first: 0, last: 5 }, { first: 7, last: 9 }]).intervalCount).toBe(2);
    expect(new Ipv4IntervalSet([]).intervalCount).toBe(0);
  });
});

describe("CompiledIpAllowlist.coversEveryAddress (an allowlist that proves nothing about the sender)", () => {
  const covers = (entries: string[]) => compileIpMatcher(entries, "allowIps").coversEveryAddress();
  const ALL: Ipv6Words = [MAX_32, MAX_32, MAX_32, MAX_32];

  it("is true for every IPv4 address, in one block or in touching ones", () => {
    expect(covers(["0.0.0.0/0"])).toBe(true);
    expect(covers(["0.0.0.0/1", "128.0.0.0/1"])).toBe(true);
    expect(covers(["192.0.2.1", "0.0.0.0/0"])).toBe(true);
    expect(covers(["::/1"])).toBe(true); // it holds ::ffff:0:0/96, so every IPv4 address
    expect(covers(["::ffff:0:0/96"])).toBe(true);
  });

  it("is true for every IPv6 address (which includes every IPv4-mapped one), and for IPv6 alone", () => {
    expect(covers(["::/0"])).toBe(true);
    expect(covers(["::/1", "8000::/1"])).toBe(true);
    // IPv6 ranges only, without their IPv4-mapped part (the class takes ranges as given).
    expect(new CompiledIpAllowlist(1, [], [{ first: [0, 0, 0, 0], last: ALL }]).coversEveryAddress()).toBe(true);
    expect(new CompiledIpAllowlist(1, [], [{ first: [0, 0, 0, 1], last: ALL }]).coversEveryAddress()).toBe(false);
    expect(new CompiledIpAllowlist(1, [], [{ first: [0, 0, 0, 0], last: [MAX_32, MAX_32, MAX_32, MAX_32 - 1] }]).coversEveryAddress()).toBe(false);
  });

  it("is false for lists that leave addresses out, even when they hold both ends of a family", () => {
    expect(covers([])).toBe(false);
    expect(covers(["0.0.0.0/1"])).toBe(false);
    expect(covers(["128.0.0.0/1"])).toBe(false);
    expect(covers(["255.255.255.255"])).toBe(false);
    expect(covers(["0.0.0.0"])).toBe(false);
    expect(covers(["0.0.0.0/1", "255.255.255.255"])).toBe(false); // both ends, two intervals
    expect(covers(["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3", "224.0.0.0/4", "240.0.0.0/5", "248.0.0.0/6"])).toBe(false);
    expect(covers(["8000::/1"])).toBe(false);
    expect(covers(["::"])).toBe(false);
    expect(covers(["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"])).toBe(false);
    expect(covers(["8000::/1", "::"])).toBe(false); // both ends of IPv6, two intervals, no IPv4
  });
});
