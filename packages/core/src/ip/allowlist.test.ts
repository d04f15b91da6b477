import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigurationError } from "../errors.js";
import { compileIpAllowlist } from "./allowlist.js";
import {
  blockBounds,
  ipv4Text,
  ipv4Value,
  ipv6Style,
  ipv6Text,
  ipv6Value,
  isMapped,
  mappedIpv4,
  referenceHas,
  type Ipv6Style,
  type ReferenceBlock,
} from "./reference-model.test-support.js";

describe("compileIpAllowlist", () => {
  describe("lookups", () => {
    const allowlist = compileIpAllowlist(["203.0.113.0/24", "2001:db8::/32", "198.51.100.7", "2001:db8:ffff::1"]);

    it("allows an address inside an IPv4 block, including its first and last address", () => {
      expect(allowlist.has("203.0.113.0")).toBe(true);
      expect(allowlist.has("203.0.113.77")).toBe(true);
      expect(allowlist.has("203.0.113.255")).toBe(true);
    });

    it("refuses the addresses just outside a block", () => {
      expect(allowlist.has("203.0.112.255")).toBe(false);
      expect(allowlist.has("203.0.114.0")).toBe(false);
    });

    it("allows a single address, and nothing next to it", () => {
      expect(allowlist.has("198.51.100.7")).toBe(true);
      expect(allowlist.has("198.51.100.6")).toBe(false);
      expect(allowlist.has("198.51.100.8")).toBe(false);
    });

    it("allows IPv6 in any text form: compressed, padded, upper case", () => {
      expect(allowlist.has("2001:db8::1")).toBe(true);
      expect(allowlist.has("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe(true);
      expect(allowlist.has("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")).toBe(true);
      expect(allowlist.has("2001:db9::")).toBe(false);
      expect(allowlist.has("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff")).toBe(false);
    });

    it("looks up an IPv4-mapped IPv6 address (a dual-stack socket's peer) as the IPv4 address", () => {
      expect(allowlist.has("::ffff:203.0.113.9")).toBe(true);
      expect(allowlist.has("::FFFF:cb00:7109")).toBe(true);
      expect(allowlist.has("::ffff:203.0.114.9")).toBe(false);
    });

    it("refuses undefined, the empty string and anything that is not an address, without throwing", () => {
      expect(allowlist.has(undefined)).toBe(false);
      expect(allowlist.has("")).toBe(false);
      expect(allowlist.has("garbage")).toBe(false);
      expect(allowlist.has("203.0.113.9 ")).toBe(false);
      expect(allowlist.has("203.0.113.9:443")).toBe(false);
      expect(allowlist.has("2001:db8::1%eth0")).toBe(false);
      expect(allowlist.has("203.000.113.9")).toBe(false);
      expect(allowlist.has(42 as unknown as string)).toBe(false);
    });

    it("refuses text that does not parse whatever address the lookup before it read", () => {
      const list = compileIpAllowlist(["2001:db8::/32", "::/128"]);
      expect(list.has("2001:db8::1")).toBe(true);
      expect(list.has("2001:db8::1%eth0")).toBe(false);
      expect(list.has("2001:db8::1")).toBe(true);
      expect(list.has("garbage")).toBe(false);
      expect(list.has("::")).toBe(true);
      expect(list.has("::g")).toBe(false);
    });

    it("counts its entries in size", () => {
      expect(allowlist.size).toBe(4);
      expect(compileIpAllowlist([]).size).toBe(0);
    });

    it("allows nothing when empty", () => {
      const empty = compileIpAllowlist([]);
      expect(empty.has("127.0.0.1")).toBe(false);
      expect(empty.has("::1")).toBe(false);
    });
  });

  describe("entries", () => {
    it("masks the host bits of a block written with them set (10.0.0.1/8 is 10.0.0.0/8)", () => {
      const allowlist = compileIpAllowlist(["10.0.0.1/8", "2001:db8::1/32"]);
      expect(allowlist.has("10.0.0.0")).toBe(true);
      expect(allowlist.has("10.255.255.255")).toBe(true);
      expect(allowlist.has("11.0.0.0")).toBe(false);
      expect(allowlist.has("2001:db8::")).toBe(true);
    });

    it("reads ::ffff:10.0.0.0/104 as 10.0.0.0/8", () => {
      const allowlist = compileIpAllowlist(["::ffff:10.0.0.0/104"]);
      expect(allowlist.has("10.20.30.40")).toBe(true);
      expect(allowlist.has("::ffff:10.20.30.40")).toBe(true);
      expect(allowlist.has("11.0.0.0")).toBe(false);
    });

    it("treats IPv4 as the IPv4-mapped range: ::/0 allows every address, 0.0.0.0/0 only IPv4", () => {
      const everything = compileIpAllowlist(["::/0"]);
      expect(everything.has("192.0.2.1")).toBe(true);
      expect(everything.has("2001:db8::1")).toBe(true);
      const allIpv4 = compileIpAllowlist(["0.0.0.0/0"]);
      expect(allIpv4.has("192.0.2.1")).toBe(true);
      expect(allIpv4.has("::ffff:192.0.2.1")).toBe(true);
      expect(allIpv4.has("2001:db8::1")).toBe(false);
      expect(allIpv4.has("::")).toBe(false);
    });

    it("accepts /32 and /128 as single addresses, and /0 as everything in the family", () => {
      const allowlist = compileIpAllowlist(["192.0.2.1/32", "2001:db8::1/128"]);
      expect(allowlist.has("192.0.2.1")).toBe(true);
      expect(allowlist.has("192.0.2.2")).toBe(false);
      expect(allowlist.has("2001:db8::1")).toBe(true);
      expect(allowlist.has("2001:db8::2")).toBe(false);
    });

    it("merges overlapping, nested, adjacent and duplicate entries without changing the answer", () => {
      const allowlist = compileIpAllowlist([
        "10.0.0.0/25",
        "10.0.0.128/25",
        "10.0.0.0/24",
        "10.0.0.5",
        "10.0.0.5",
        "10.0.2.0/24",
        "10.0.3.0/31",
        "10.0.3.3", // a one-address gap at 10.0.3.2
      ]);
      expect(allowlist.size).toBe(8);
      expect(allowlist.has("10.0.0.255")).toBe(true);
      expect(allowlist.has("10.0.1.0")).toBe(false);
      expect(allowlist.has("10.0.2.0")).toBe(true);
      expect(allowlist.has("10.0.3.1")).toBe(true);
      expect(allowlist.has("10.0.3.2")).toBe(false);
      expect(allowlist.has("10.0.3.3")).toBe(true);
    });

    it("keeps a one-address gap between IPv6 blocks, also across a 32-bit word boundary", () => {
      const allowlist = compileIpAllowlist([
        "2001:db8::/127", // ::0 – ::1
        "2001:db8::3", // gap at ::2
        "2001:db8::ffff:fffe/128",
        "2001:db8::1:0:1/128", // gap at ::1:0:0 (the carry into the next word)
        "2001:db8::2:ffff:ffff",
        "2001:db8::3:0:0", // touching across the word boundary
      ]);
      expect(allowlist.has("2001:db8::1")).toBe(true);
      expect(allowlist.has("2001:db8::2")).toBe(false);
      expect(allowlist.has("2001:db8::3")).toBe(true);
      expect(allowlist.has("2001:db8::ffff:ffff")).toBe(false);
      expect(allowlist.has("2001:db8::1:0:0")).toBe(false);
      expect(allowlist.has("2001:db8::1:0:1")).toBe(true);
      expect(allowlist.has("2001:db8::2:ffff:ffff")).toBe(true);
      expect(allowlist.has("2001:db8::3:0:0")).toBe(true);
      expect(allowlist.has("2001:db8::3:0:1")).toBe(false);
    });

    it("covers the very last address of each family", () => {
      const allowlist = compileIpAllowlist(["255.255.255.254/31", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120"]);
      expect(allowlist.has("255.255.255.255")).toBe(true);
      expect(allowlist.has("255.255.255.253")).toBe(false);
      expect(allowlist.has("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).toBe(true);
      expect(allowlist.has("ffff:ffff:ffff:ffff:ffff:ffff:ffff:feff")).toBe(false);
    });
  });

  describe("construction errors (a ConfigurationError that names the entry)", () => {
    it.each([
      ["10.0.0.0/33", 'allowIps entry "10.0.0.0/33" is not a valid address or CIDR: prefix length 33 exceeds 32'],
      [
        "2001:db8::/129",
        'allowIps entry "2001:db8::/129" is not a valid address or CIDR: prefix length 129 exceeds 128',
      ],
      [
        "::ffff:10.0.0.0/129",
        'allowIps entry "::ffff:10.0.0.0/129" is not a valid address or CIDR: prefix length 129 exceeds 128',
      ],
      ["10.0.0.0/1000", 'allowIps entry "10.0.0.0/1000" is not a valid address or CIDR: prefix length 1000 exceeds 32'],
      ["", 'allowIps entry "" is not a valid address or CIDR: it is empty'],
      ["fe80::1%eth0", 'allowIps entry "fe80::1%eth0" is not a valid address or CIDR: zone ids (%…) are not allowed'],
      [
        "fe80::/10%eth0",
        'allowIps entry "fe80::/10%eth0" is not a valid address or CIDR: zone ids (%…) are not allowed',
      ],
      ["10.0.0.0/", 'allowIps entry "10.0.0.0/" is not a valid address or CIDR: prefix length "" is not a number'],
      [
        "10.0.0.0/8/8",
        'allowIps entry "10.0.0.0/8/8" is not a valid address or CIDR: prefix length "8/8" is not a number',
      ],
      [
        "10.0.0.0/-1",
        'allowIps entry "10.0.0.0/-1" is not a valid address or CIDR: prefix length "-1" is not a number',
      ],
      [
        "10.0.0.0/ 8",
        'allowIps entry "10.0.0.0/ 8" is not a valid address or CIDR: prefix length " 8" is not a number',
      ],
      [" 10.0.0.1", 'allowIps entry " 10.0.0.1" is not a valid address or CIDR: it has surrounding whitespace'],
      [
        "10.0.0.256",
        'allowIps entry "10.0.0.256" is not a valid address or CIDR: "10.0.0.256" is not an IPv4 or IPv6 address',
      ],
      [
        "010.0.0.1",
        'allowIps entry "010.0.0.1" is not a valid address or CIDR: "010.0.0.1" is not an IPv4 or IPv6 address',
      ],
      [
        "localhost",
        'allowIps entry "localhost" is not a valid address or CIDR: "localhost" is not an IPv4 or IPv6 address',
      ],
      ["/8", 'allowIps entry "/8" is not a valid address or CIDR: "" is not an IPv4 or IPv6 address'],
      ["[::1]", 'allowIps entry "[::1]" is not a valid address or CIDR: "[::1]" is not an IPv4 or IPv6 address'],
    ])("refuses %j", (entry, message) => {
      const attempt = (): unknown => compileIpAllowlist(["192.0.2.1", entry]);
      expect(attempt).toThrow(ConfigurationError);
      expect(attempt).toThrow(message);
    });

    it("refuses an entry that is not a string, naming it", () => {
      expect(() => compileIpAllowlist([42 as unknown as string])).toThrow(
        "allowIps entry 42 is not a valid address or CIDR: it is not a string",
      );
      expect(() => compileIpAllowlist([null as unknown as string])).toThrow("allowIps entry null is not");
      expect(() => compileIpAllowlist([{} as unknown as string])).toThrow(
        "allowIps entry [object Object] is not a valid address or CIDR: it is not a string",
      );
      expect(() => compileIpAllowlist([["10.0.0.0/8"] as unknown as string])).toThrow(
        "allowIps entry [object Array] is not a valid address or CIDR: it is not a string",
      );
      expect(() => compileIpAllowlist([Object.create(null) as string])).toThrow(
        "allowIps entry [object Object] is not a valid address or CIDR: it is not a string",
      );
    });

    it("refuses a list that is not an array", () => {
      expect(() => compileIpAllowlist("10.0.0.0/8" as unknown as string[])).toThrow(
        "allowIps must be an array of IP addresses and CIDR blocks",
      );
    });

    it("names the option it was given, and reports the invalid_config code", () => {
      try {
        compileIpAllowlist(["10.0.0.0/33"], "trustProxy");
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        expect((error as ConfigurationError).code).toBe("invalid_config");
        expect((error as Error).message).toMatch(/^trustProxy entry "10.0.0.0\/33"/);
      }
    });
  });

  describe("agrees with a BigInt reference model", () => {
    /** Lookups compared with the reference, and rules × addresses they stand for. */
    const compared = { lookups: 0, rulePairs: 0 };

    afterAll(() => {
      console.info(
        `compared with the reference: ${compared.lookups} lookups, ${compared.rulePairs} rule × address pairs`,
      );
      // The brief asks for at least 100 000 random rule × address comparisons in total.
      expect(compared.rulePairs).toBeGreaterThanOrEqual(100_000);
      expect(compared.lookups).toBeGreaterThanOrEqual(100_000);
    });

    /** One way of writing an entry or an address; several per run, used in turn. */
    const textChoice = fc.tuple(fc.boolean(), ipv6Style);

    const prefix4 = fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(0, 1, 8, 16, 24, 31, 32));
    const prefix6 = fc.oneof(fc.integer({ min: 0, max: 128 }), fc.constantFrom(0, 1, 32, 48, 64, 96, 127, 128));
    /** Clusters make blocks overlap, nest and touch. */
    const clustered4 = fc.oneof(
      ipv4Value,
      fc.integer({ min: 0x0a000000, max: 0x0a0003ff }),
      fc.integer({ min: 0x0a000000, max: 0x0a00003f }),
    );
    const clustered6 = fc.oneof(
      ipv6Value,
      fc.bigInt({ min: 0x20010db8n << 96n, max: (0x20010db8n << 96n) + 0xfffn }),
      fc.bigInt({ min: (0x20010db8n << 96n) + 0xffffffc0n, max: (0x20010db8n << 96n) + 0x10000003fn }),
    );

    const block: fc.Arbitrary<ReferenceBlock> = fc.oneof(
      fc.tuple(clustered4, prefix4).map(([value, prefix]) => ({ address: mappedIpv4(value), prefix: 96 + prefix })),
      fc.tuple(clustered6, prefix6).map(([address, prefix]) => ({ address, prefix })),
    );

    const anyAddress: fc.Arbitrary<bigint> = fc.oneof(clustered4.map(mappedIpv4), clustered6);

    /** Writes a block as an entry: IPv4 blocks as a.b.c.d/p or as IPv4-mapped IPv6 /96+p. */
    function entryText({ address, prefix }: ReferenceBlock, [asIpv4, style]: [boolean, Ipv6Style]): string {
      if (isMapped(address) && prefix >= 96 && asIpv4) {
        const text = ipv4Text(Number(address & 0xffffffffn));
        return prefix === 128 && style.pad ? text : `${text}/${prefix - 96}`;
      }
      const text = ipv6Text(address, style);
      return prefix === 128 && style.pad ? text : `${text}/${prefix}`;
    }

    /** Writes an address: IPv4 as a dotted quad or as IPv4-mapped IPv6. */
    function addressText(address: bigint, [asIpv4, style]: [boolean, Ipv6Style]): string {
      return isMapped(address) && asIpv4 ? ipv4Text(Number(address & 0xffffffffn)) : ipv6Text(address, style);
    }

    const MAX = (1n << 128n) - 1n;
    /** The first and last address of each block, and the ones just outside. */
    function boundaries(blocks: readonly ReferenceBlock[]): bigint[] {
      return blocks.flatMap((b) => {
        const { first, last } = blockBounds(b);
        return [first - 1n, first, last, last + 1n].filter((a) => a >= 0n && a <= MAX);
      });
    }

    function check(
      blocks: readonly ReferenceBlock[],
      addresses: readonly bigint[],
      texts: readonly [boolean, Ipv6Style][],
    ) {
      const entries = blocks.map((b, i) => entryText(b, texts[i % texts.length]!));
      const allowlist = compileIpAllowlist(entries);
      addresses.forEach((address, i) => {
        const text = addressText(address, texts[(i * 7 + 3) % texts.length]!);
        const expected = referenceHas(blocks, address);
        if (allowlist.has(text) !== expected) {
          throw new Error(`has(${text}) should be ${expected} with entries ${JSON.stringify(entries)}`);
        }
      });
      compared.lookups += addresses.length;
      compared.rulePairs += addresses.length * blocks.length;
    }

    it("for random mixed IPv4/IPv6 lists, at every block's boundaries and at random addresses", () => {
      fc.assert(
        fc.property(
          fc.array(block, { minLength: 1, maxLength: 40 }),
          fc.array(anyAddress, { maxLength: 30 }),
          fc.array(textChoice, { minLength: 5, maxLength: 5 }),
          (blocks, randomAddresses, texts) => {
            check(blocks, [...boundaries(blocks), ...randomAddresses], texts);
          },
        ),
        { numRuns: 2_500 },
      );
    });

    it("for small blocks packed into a few dozen addresses: touching, overlapping, one address apart", () => {
      const packed4 = fc
        .tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 29, max: 32 }))
        .map(([offset, prefix]) => ({ address: mappedIpv4(0xc0000200 + offset), prefix: 96 + prefix }));
      const packed6 = fc
        .tuple(fc.integer({ min: -32, max: 31 }), fc.integer({ min: 125, max: 128 }))
        .map(([offset, prefix]) => ({ address: (0x20010db8n << 96n) + 0x100000000n + BigInt(offset), prefix }));
      fc.assert(
        fc.property(
          fc.array(fc.oneof(packed4, packed6), { minLength: 1, maxLength: 30 }),
          fc.array(textChoice, { minLength: 5, maxLength: 5 }),
          (blocks, texts) => {
            check(blocks, boundaries(blocks), texts);
          },
        ),
        { numRuns: 500 },
      );
    });

    it("for one block of every prefix length, IPv4 /0–/32 and IPv6 /0–/128, at its boundaries", () => {
      for (let prefix = 0; prefix <= 32; prefix++) {
        fc.assert(
          fc.property(
            ipv4Value,
            ipv4Value,
            fc.array(textChoice, { minLength: 3, maxLength: 3 }),
            (value, other, texts) => {
              const blocks = [{ address: mappedIpv4(value), prefix: 96 + prefix }];
              check(blocks, [...boundaries(blocks), mappedIpv4(other)], texts);
            },
          ),
          { numRuns: 60 },
        );
      }
      for (let prefix = 0; prefix <= 128; prefix++) {
        fc.assert(
          fc.property(
            ipv6Value,
            ipv6Value,
            fc.array(textChoice, { minLength: 3, maxLength: 3 }),
            (address, other, texts) => {
              const blocks = [{ address, prefix }];
              check(blocks, [...boundaries(blocks), other], texts);
            },
          ),
          { numRuns: 60 },
        );
      }
    });

    it("for many blocks under one shared prefix, where the IPv6 index key starts past the first word", () => {
      // The index keys IPv6 on the 32 bits after the prefix all blocks share: here that prefix is
      // /33–/110, so the key straddles words or sits in the last one.
      const underPrefix = fc
        .tuple(ipv6Value, fc.integer({ min: 33, max: 110 }))
        .chain(([base, shared]) => {
          const hostBits = 128n - BigInt(shared);
          const top = (base >> hostBits) << hostBits;
          const inside = fc.bigInt({ min: 0n, max: (1n << hostBits) - 1n }).map((offset) => top + offset);
          const blocks = fc.array(
            fc.tuple(inside, fc.integer({ min: shared, max: 128 })).map(([address, prefix]) => ({ address, prefix })),
            { minLength: 50, maxLength: 400 },
          );
          return fc.tuple(blocks, fc.array(inside, { minLength: 20, maxLength: 20 }));
        });
      fc.assert(
        fc.property(
          underPrefix,
          fc.array(ipv6Value, { maxLength: 5 }),
          fc.array(textChoice, { minLength: 5, maxLength: 5 }),
          ([blocks, nearby], anywhere, texts) => {
            check(blocks, [...boundaries(blocks), ...nearby, ...anywhere], texts);
          },
        ),
        { numRuns: 100 },
      );
    });

    it("for large lists (thousands of blocks), where the bucket index matters", () => {
      fc.assert(
        fc.property(
          fc.array(block, { minLength: 2_000, maxLength: 4_000 }),
          fc.array(anyAddress, { minLength: 100, maxLength: 100 }),
          fc.array(textChoice, { minLength: 5, maxLength: 5 }),
          fc.nat(),
          (blocks, randomAddresses, texts, seed) => {
            // All random addresses, and the boundaries of a sample of the blocks.
            const sample = blocks.filter((_, i) => (i + seed) % 40 === 0);
            check(blocks, [...boundaries(sample), ...randomAddresses], texts);
          },
        ),
        { numRuns: 20 },
      );
    });
  });
});
