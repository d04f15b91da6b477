import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../errors.js";
import { toHeaderReader } from "../headers.js";
import { compileClientIpResolver, type ClientIpResolver, type TrustProxyOption } from "./trust-proxy.js";
import { canonicalText, ipv4Text, ipv4Value, ipv6Style, ipv6Text, ipv6Value } from "./reference-model.test-support.js";

const xff = (value: string | string[]) => toHeaderReader({ "x-forwarded-for": value });
const forwarded = (value: string) => toHeaderReader({ forwarded: value });
const noHeaders = toHeaderReader({});

/**
 * A resolver compiled on its first use, inside a test rather than while vitest collects the file: a
 * mutant that makes compiling throw then fails these tests. (An error while a file is collected is not
 * a failed test, and Stryker's vitest runner let such mutants survive.)
 */
function compiledInTest(...args: Parameters<typeof compileClientIpResolver>): ClientIpResolver {
  let resolver: ClientIpResolver | undefined;
  const get = (): ClientIpResolver => (resolver ??= compileClientIpResolver(...args));
  const lazy = ((peerIp, headers) => get()(peerIp, headers)) as ClientIpResolver;
  Object.defineProperty(lazy, "problem", { get: () => get().problem });
  return lazy;
}

describe("compileClientIpResolver", () => {
  describe("by default (undefined or false): nobody is trusted", () => {
    for (const option of [undefined, false, 0, []] as const) {
      it(`returns the socket peer and ignores a spoofed X-Forwarded-For and Forwarded (${JSON.stringify(
        option,
      )})`, () => {
        const clientIp = compileClientIpResolver(option);
        expect(clientIp("198.51.100.9", xff("10.0.0.1"))).toBe("198.51.100.9");
        expect(clientIp("198.51.100.9", forwarded("for=10.0.0.1"))).toBe("198.51.100.9");
      });
    }

    it("normalises an IPv4-mapped IPv6 peer to IPv4, and IPv6 to its RFC 5952 text", () => {
      const clientIp = compileClientIpResolver(undefined);
      expect(clientIp("::ffff:127.0.0.1", noHeaders)).toBe("127.0.0.1");
      expect(clientIp("::FFFF:7f00:1", noHeaders)).toBe("127.0.0.1");
      expect(clientIp("2001:0DB8:0:0:0:0:0:0001", noHeaders)).toBe("2001:db8::1");
    });

    it("gives undefined for a missing peer, or one that is not an IP address", () => {
      const clientIp = compileClientIpResolver(undefined);
      expect(clientIp(undefined, noHeaders)).toBeUndefined();
      expect(clientIp("", noHeaders)).toBeUndefined();
      expect(clientIp("/var/run/app.sock", noHeaders)).toBeUndefined();
      expect(clientIp("fe80::1%eth0", noHeaders)).toBeUndefined();
    });
  });

  describe("true: everybody is trusted", () => {
    const clientIp = compiledInTest(true);

    it("returns the leftmost X-Forwarded-For address", () => {
      expect(clientIp("10.0.0.1", xff("203.0.113.7, 198.51.100.2, 10.0.0.2"))).toBe("203.0.113.7");
    });

    it("returns the peer when there is no X-Forwarded-For", () => {
      expect(clientIp("10.0.0.1", noHeaders)).toBe("10.0.0.1");
      expect(clientIp("10.0.0.1", xff(""))).toBe("10.0.0.1");
    });

    it("makes the client unknown at a hop that is not an address, never falling back to a proxy's own address", () => {
      expect(clientIp("10.0.0.1", xff("203.0.113.7, not-an-ip, 198.51.100.2"))).toBeUndefined();
      expect(clientIp.problem).toBe("unreadable_hop");
      expect(clientIp("10.0.0.1", xff("203.0.113.7, "))).toBeUndefined();
      expect(clientIp("10.0.0.1", xff("unknown"))).toBeUndefined();
    });

    it("strips ports from hops: IPv4 with a port, bracketed IPv6 with or without one", () => {
      expect(clientIp("10.0.0.1", xff("203.0.113.7:5555"))).toBe("203.0.113.7");
      expect(clientIp.problem).toBeUndefined();
      expect(clientIp("10.0.0.1", xff("[2001:db8::66]:51234"))).toBe("2001:db8::66");
      expect(clientIp("10.0.0.1", xff("[2001:db8::66]"))).toBe("2001:db8::66");
      expect(clientIp("10.0.0.1", xff("2001:db8::66"))).toBe("2001:db8::66");
      expect(clientIp("10.0.0.1", xff("[2001:db8::66]x"))).toBeUndefined();
    });

    it("normalises what it returns", () => {
      expect(clientIp("10.0.0.1", xff("::ffff:203.0.113.7"))).toBe("203.0.113.7");
      expect(clientIp("10.0.0.1", xff("2001:DB8::A"))).toBe("2001:db8::a");
    });
  });

  describe("a number n: the n hops nearest the receiver are proxies (Express's numeric trust proxy)", () => {
    const chain = xff("203.0.113.7, 198.51.100.2, 10.0.0.2");

    it("1 returns the last X-Forwarded-For address (what the one proxy saw)", () => {
      expect(compileClientIpResolver(1)("10.0.0.1", chain)).toBe("10.0.0.2");
    });

    it("2 returns the one before it, 3 the one before that", () => {
      expect(compileClientIpResolver(2)("10.0.0.1", chain)).toBe("198.51.100.2");
      expect(compileClientIpResolver(3)("10.0.0.1", chain)).toBe("203.0.113.7");
    });

    it("returns the leftmost address when the chain is shorter than n", () => {
      expect(compileClientIpResolver(10)("10.0.0.1", chain)).toBe("203.0.113.7");
    });

    it("returns the peer when there is no chain", () => {
      expect(compileClientIpResolver(2)("10.0.0.1", noHeaders)).toBe("10.0.0.1");
    });
  });

  describe("a list of addresses and CIDR blocks", () => {
    const clientIp = compiledInTest(["10.0.0.0/8", "2001:db8:ffff::/48"]);

    it("ignores a spoofed X-Forwarded-For from an untrusted peer", () => {
      expect(clientIp("198.51.100.9", xff("10.0.0.1"))).toBe("198.51.100.9");
      expect(clientIp("198.51.100.9", xff("203.0.113.7, 10.0.0.5"))).toBe("198.51.100.9");
    });

    it("honours X-Forwarded-For from a trusted proxy", () => {
      expect(clientIp("10.0.0.1", xff("203.0.113.7"))).toBe("203.0.113.7");
    });

    it("walks past every trusted proxy, right to left, to the first untrusted address", () => {
      expect(clientIp("10.0.0.1", xff("198.51.100.9, 203.0.113.7, 10.0.0.5, 10.0.0.4"))).toBe("203.0.113.7");
    });

    it("resolves a chain with an untrusted hop in the middle to that hop, not to what it claims", () => {
      // 192.0.2.66 is not ours: whatever it put to its left may be forged.
      expect(clientIp("10.0.0.1", xff("10.9.9.9, 198.51.100.9, 192.0.2.66, 10.0.0.5"))).toBe("192.0.2.66");
    });

    it("returns the leftmost address when every hop is trusted", () => {
      expect(clientIp("10.0.0.1", xff("10.0.0.3, 10.0.0.2"))).toBe("10.0.0.3");
    });

    it("trusts an IPv4-mapped IPv6 peer through its IPv4 block, and returns IPv4", () => {
      expect(clientIp("::ffff:10.0.0.1", xff("203.0.113.7"))).toBe("203.0.113.7");
      expect(clientIp("::ffff:10.0.0.1", noHeaders)).toBe("10.0.0.1");
      expect(clientIp("::ffff:198.51.100.9", xff("203.0.113.7"))).toBe("198.51.100.9");
    });

    it("trusts IPv6 proxies", () => {
      expect(clientIp("2001:db8:ffff::1", xff("2001:db8:1::77, 2001:db8:ffff::2"))).toBe("2001:db8:1::77");
    });

    it("makes the client unknown when a hop after a trusted proxy is garbage, never believing it or what is left of it", () => {
      expect(clientIp("10.0.0.1", xff("203.0.113.7, garbage, 10.0.0.5"))).toBeUndefined();
      expect(clientIp("10.0.0.1", xff("203.0.113.7, 10.0.0.256"))).toBeUndefined();
      expect(clientIp("10.0.0.1", xff("203.0.113.7, , 10.0.0.5"))).toBeUndefined();
      // A hop beyond the first untrusted one is never read, garbage or not.
      expect(clientIp("10.0.0.1", xff("garbage, 203.0.113.7, 10.0.0.5"))).toBe("203.0.113.7");
    });

    it("reads repeated X-Forwarded-For headers as one list, in order", () => {
      expect(clientIp("10.0.0.1", xff(["203.0.113.7", "10.0.0.5"]))).toBe("203.0.113.7");
    });

    it("accepts Express's named ranges: loopback, linklocal, uniquelocal", () => {
      const named = compileClientIpResolver(["loopback", "linklocal", "uniquelocal"]);
      expect(named("127.0.0.1", xff("203.0.113.7"))).toBe("203.0.113.7");
      expect(named("::1", xff("203.0.113.7"))).toBe("203.0.113.7");
      expect(named("fe80::1", xff("203.0.113.7"))).toBe("203.0.113.7");
      expect(named("169.254.1.1", xff("203.0.113.7"))).toBe("203.0.113.7");
      expect(named("172.31.0.1", xff("192.168.1.1, 203.0.113.7"))).toBe("203.0.113.7");
      expect(named("fd00::1", xff("203.0.113.7"))).toBe("203.0.113.7");
      expect(named("198.51.100.1", xff("203.0.113.7"))).toBe("198.51.100.1");
    });
  });

  describe("a function (ip, hopIndex)", () => {
    it("is asked about each hop with its canonical address, the socket peer being hop 0", () => {
      const asked: [string, number][] = [];
      const clientIp = compileClientIpResolver((ip, hopIndex) => {
        asked.push([ip, hopIndex]);
        return ip.startsWith("10.");
      });
      expect(clientIp("::ffff:10.0.0.1", xff("203.0.113.7, 10.0.0.9"))).toBe("203.0.113.7");
      expect(asked).toEqual([
        ["10.0.0.1", 0],
        ["10.0.0.9", 1],
      ]);
    });

    it("trusts only on a return of true", () => {
      const clientIp = compileClientIpResolver((() => 1) as unknown as () => boolean);
      expect(clientIp("10.0.0.1", xff("203.0.113.7"))).toBe("10.0.0.1");
    });
  });

  describe("the Forwarded header (RFC 7239)", () => {
    const clientIp = compiledInTest(["10.0.0.0/8"]);

    it("is read when no X-Forwarded-For arrived", () => {
      expect(clientIp("10.0.0.1", forwarded("for=203.0.113.7"))).toBe("203.0.113.7");
      expect(clientIp("10.0.0.1", forwarded("for=192.0.2.43:8080"))).toBe("192.0.2.43");
      expect(clientIp("10.0.0.1", forwarded('for="[2001:db8:cafe::17]:4711"'))).toBe("2001:db8:cafe::17");
      expect(clientIp("10.0.0.1", forwarded('for="[2001:DB8:CAFE:0::17]"'))).toBe("2001:db8:cafe::17");
      expect(clientIp("10.0.0.1", forwarded("for=192.0.2.60;proto=http;by=203.0.113.43"))).toBe("192.0.2.60");
    });

    it("walks its elements right to left like X-Forwarded-For", () => {
      expect(clientIp("10.0.0.1", forwarded("for=198.51.100.9, for=203.0.113.7, for=10.0.0.5"))).toBe("203.0.113.7");
      expect(clientIp("10.0.0.1", forwarded('for=10.0.0.7, for="[2001:db8::5]", for=10.0.0.5'))).toBe("2001:db8::5");
    });

    it("makes the client unknown at unknown and obfuscated identifiers, and at elements without for=", () => {
      expect(clientIp("10.0.0.1", forwarded("for=203.0.113.7, for=unknown, for=10.0.0.5"))).toBeUndefined();
      expect(clientIp("10.0.0.1", forwarded("for=203.0.113.7, for=_hidden"))).toBeUndefined();
      expect(clientIp("10.0.0.1", forwarded("for=203.0.113.7, proto=https"))).toBeUndefined();
    });

    it("believes none of a header that does not parse: the client is unknown", () => {
      expect(clientIp("10.0.0.1", forwarded('for="203.0.113.7, for=10.0.0.5'))).toBeUndefined();
    });

    it("is ignored from an untrusted peer", () => {
      expect(clientIp("198.51.100.9", forwarded("for=10.0.0.1"))).toBe("198.51.100.9");
    });

    it("gives way to X-Forwarded-For when both arrive (auto), since most proxies set only X-Forwarded-For", () => {
      const both = toHeaderReader({ "x-forwarded-for": "203.0.113.7", forwarded: "for=198.51.100.2" });
      expect(clientIp("10.0.0.1", both)).toBe("203.0.113.7");
    });

    it("is the only header read with header: 'forwarded', and never read with header: 'x-forwarded-for'", () => {
      const forwardedOnly = compileClientIpResolver(["10.0.0.0/8"], { header: "forwarded" });
      expect(forwardedOnly("10.0.0.1", forwarded("for=198.51.100.2"))).toBe("198.51.100.2");
      expect(forwardedOnly("10.0.0.1", xff("203.0.113.7"))).toBe("10.0.0.1");
      const xffOnly = compileClientIpResolver(["10.0.0.0/8"], { header: "x-forwarded-for" });
      expect(xffOnly("10.0.0.1", xff("203.0.113.7"))).toBe("203.0.113.7");
      expect(xffOnly("10.0.0.1", forwarded("for=198.51.100.2"))).toBe("10.0.0.1");
    });

    it("refuses to guess when a trusted proxy's request carries both headers naming different clients (a header named)", () => {
      // The proxy writes Forwarded only; the client added its own X-Forwarded-For to pass an allowlist.
      const both = toHeaderReader({ "x-forwarded-for": "203.0.113.10", forwarded: "for=198.51.100.66" });
      for (const header of ["forwarded", "x-forwarded-for"] as const) {
        const resolve = compileClientIpResolver(["10.0.0.0/8"], { header });
        expect(resolve("10.0.0.1", both)).toBeUndefined();
        expect(resolve.problem).toBe("conflicting_headers");
      }
      // Both headers naming the same client agree: no conflict.
      const agreeing = toHeaderReader({ "x-forwarded-for": "198.51.100.66", forwarded: 'for="198.51.100.66:4711"' });
      expect(compileClientIpResolver(["10.0.0.0/8"], { header: "forwarded" })("10.0.0.1", agreeing)).toBe("198.51.100.66");
      // From an untrusted peer neither header is read.
      expect(compileClientIpResolver(["10.0.0.0/8"], { header: "forwarded" })("192.0.2.1", both)).toBe("192.0.2.1");
    });
  });

  describe("invalid options (a ConfigurationError)", () => {
    it.each([
      [-1, "trustProxy -1 is not valid: a hop count must be a whole number ≥ 0"],
      [1.5, "trustProxy 1.5 is not valid: a hop count must be a whole number ≥ 0"],
      [Number.NaN, "trustProxy NaN is not valid"],
      [Number.POSITIVE_INFINITY, "trustProxy Infinity is not valid"],
      ["10.0.0.0/8, 127.0.0.1", 'a list is an array: ["10.0.0.0/8","127.0.0.1"]'],
      [{}, "trustProxy must be a boolean, a hop count, an array of addresses and CIDR blocks, or a function"],
      [null, "trustProxy must be a boolean"],
      [
        ["10.0.0.0/8", "10.0.0.0/33"],
        'trustProxy entry "10.0.0.0/33" is not a valid address or CIDR: prefix length 33 exceeds 32',
      ],
      [["loopback", "localhost"], 'trustProxy entry "localhost" is not a valid address or CIDR'],
      [["fe80::1%eth0"], 'trustProxy entry "fe80::1%eth0" is not a valid address or CIDR: zone ids'],
    ])("refuses %j", (option, message) => {
      const attempt = (): unknown => compileClientIpResolver(option as unknown as TrustProxyOption);
      expect(attempt).toThrow(ConfigurationError);
      expect(attempt).toThrow(message);
    });

    it("refuses an unknown header option", () => {
      expect(() => compileClientIpResolver(true, { header: "x-real-ip" as "forwarded" })).toThrow(
        'trustProxy header "x-real-ip" is not valid',
      );
    });
  });

  describe("agrees with Express's walk (proxy-addr), written out as a reference", () => {
    /** proxy-addr: addrs = [peer, ...X-Forwarded-For right to left]; stop at the first untrusted; else the last. */
    function referenceWalk(peer: string, chain: readonly string[], trusted: (ip: string, hop: number) => boolean) {
      const addrs = [peer, ...[...chain].reverse()];
      for (let hop = 0; hop < addrs.length - 1; hop++) if (!trusted(addrs[hop]!, hop)) return addrs[hop];
      return addrs[addrs.length - 1];
    }

    const address = fc.oneof(
      ipv4Value.map((value) => ({ canonical: ipv4Text(value), text: ipv4Text(value) })),
      fc
        .tuple(ipv6Value, ipv6Style)
        .map(([value, style]) => ({ canonical: canonicalText(value), text: ipv6Text(value, style) })),
    );

    it("for random chains and random sets of trusted addresses, and for hop counts", () => {
      fc.assert(
        fc.property(
          address,
          fc.array(address, { maxLength: 6 }),
          fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
          fc.integer({ min: 0, max: 8 }),
          (peer, chain, trustedFlags, hops) => {
            // Trust a random subset of the hops (by address), as single-address entries.
            const all = [peer, ...[...chain].reverse()];
            const trustedSet = new Set(all.filter((_, i) => trustedFlags[i]).map((a) => a.canonical));
            const headers = xff(chain.map((a) => a.text).join(", "));
            const canonicalChain = chain.map((a) => a.canonical);

            const byList = compileClientIpResolver([...trustedSet]);
            expect(byList(peer.text, headers)).toBe(
              referenceWalk(peer.canonical, canonicalChain, (ip) => trustedSet.has(ip)),
            );
            expect(compileClientIpResolver(hops)(peer.text, headers)).toBe(
              referenceWalk(peer.canonical, canonicalChain, (_ip, hop) => hop < hops),
            );
          },
        ),
        { numRuns: 2_000 },
      );
    });
  });
});

describe("compileClientIpResolver: edge cases", () => {
  it("compiles with the default header, and with true, inside a test", () => {
    expect(compileClientIpResolver(1)("10.0.0.1", xff("203.0.113.7"))).toBe("203.0.113.7");
    expect(compileClientIpResolver(1, {})("10.0.0.1", forwarded("for=203.0.113.7"))).toBe("203.0.113.7");
    expect(compileClientIpResolver(1, { header: "auto" })("10.0.0.1", xff("203.0.113.7"))).toBe("203.0.113.7");
    expect(compileClientIpResolver(true)("10.0.0.1", xff("203.0.113.7, 10.0.0.2"))).toBe("203.0.113.7");
    expect(compileClientIpResolver(true, { header: "x-forwarded-for" })("10.0.0.1", xff("203.0.113.7"))).toBe("203.0.113.7");
  });

  it("strips a port only when it is 1 to 5 digits and at most 65535", () => {
    const clientIp = compileClientIpResolver(true);
    const via = (hop: string) => clientIp("10.0.0.1", xff(hop));
    expect(via("203.0.113.7:65535")).toBe("203.0.113.7");
    expect(via("203.0.113.7:1")).toBe("203.0.113.7");
    expect(via("203.0.113.7:0")).toBe("203.0.113.7");
    expect(via("203.0.113.7:09999")).toBe("203.0.113.7");
    expect(via("[2001:db8::7]:65535")).toBe("2001:db8::7");
    expect(via("[2001:db8::7]")).toBe("2001:db8::7");
    for (const hop of [
      "203.0.113.7:",
      "203.0.113.7:65536",
      "203.0.113.7:99999",
      "203.0.113.7:000080",
      "203.0.113.7:8a",
      "203.0.113.7:a8",
      "203.0.113.7:8/",
      "203.0.113.7:abc",
      "203.0.113.7:-1",
      "203.0.113.7:+80",
      "[2001:db8::7]:",
      "[2001:db8::7]:65536",
      "[2001:db8::7]:8a",
      "[2001:db8::7]x443",
      "[2001:db8::7]443",
      "[2001:db8::7]garbage",
    ]) {
      expect(via(hop), hop).toBeUndefined();
      expect(clientIp.problem, hop).toBe("unreadable_hop");
    }
  });

  it("with a header named, a blank other header is no conflict, and a blank named header gives the peer", () => {
    const viaForwarded = compileClientIpResolver(["10.0.0.0/8"], { header: "forwarded" });
    expect(viaForwarded("10.0.0.1", toHeaderReader({ forwarded: "for=198.51.100.1", "x-forwarded-for": "  " }))).toBe("198.51.100.1");
    expect(viaForwarded.problem).toBeUndefined();
    expect(viaForwarded("10.0.0.1", toHeaderReader({ forwarded: "  ", "x-forwarded-for": "203.0.113.9" }))).toBe("10.0.0.1");
    expect(viaForwarded.problem).toBeUndefined();
    const viaXff = compileClientIpResolver(["10.0.0.0/8"], { header: "x-forwarded-for" });
    expect(viaXff("10.0.0.1", toHeaderReader({ "x-forwarded-for": "198.51.100.1", forwarded: " " }))).toBe("198.51.100.1");
    expect(viaXff("10.0.0.1", toHeaderReader({ "x-forwarded-for": " ", forwarded: "for=203.0.113.9" }))).toBe("10.0.0.1");
    expect(viaXff.problem).toBeUndefined();
  });

  it("reports an unreadable hop in the named header as such, whatever the other header says", () => {
    const viaXff = compileClientIpResolver(["10.0.0.0/8"], { header: "x-forwarded-for" });
    expect(viaXff("10.0.0.1", toHeaderReader({ "x-forwarded-for": "garbage", forwarded: "for=203.0.113.9" }))).toBeUndefined();
    expect(viaXff.problem).toBe("unreadable_hop");
    const viaForwarded = compileClientIpResolver(["10.0.0.0/8"], { header: "forwarded" });
    expect(viaForwarded("10.0.0.1", toHeaderReader({ forwarded: "for=unknown", "x-forwarded-for": "203.0.113.9" }))).toBeUndefined();
    expect(viaForwarded.problem).toBe("unreadable_hop");
  });

  it("in auto mode reads X-Forwarded-For, or Forwarded when X-Forwarded-For is blank, and never compares them", () => {
    const auto = compileClientIpResolver(["10.0.0.0/8"]);
    expect(auto("10.0.0.1", toHeaderReader({ "x-forwarded-for": "  ", forwarded: "for=203.0.113.9" }))).toBe("203.0.113.9");
    expect(auto("10.0.0.1", toHeaderReader({ "x-forwarded-for": "", forwarded: "for=203.0.113.9" }))).toBe("203.0.113.9");
    // Even with a request header that happens to be called "auto".
    const both = toHeaderReader({ "x-forwarded-for": "198.51.100.1", forwarded: "for=203.0.113.9", auto: "yes" });
    expect(auto("10.0.0.1", both)).toBe("198.51.100.1");
    expect(auto.problem).toBeUndefined();
  });

  it("expands only the names of ranges given as strings, and shows a string option as the list it may have meant", () => {
    expect(() => compileClientIpResolver([["loopback"]] as unknown as string[])).toThrow(
      "trustProxy entry [object Array] is not a valid address or CIDR: it is not a string",
    );
    const message = (option: unknown): string | undefined => {
      try {
        compileClientIpResolver(option as TrustProxyOption);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        return (error as Error).message;
      }
      return undefined;
    };
    const kinds = "trustProxy must be a boolean, a hop count, an array of addresses and CIDR blocks, or a function";
    expect(message("10.0.0.0/8,127.0.0.1")).toBe(`${kinds} (a list is an array: ["10.0.0.0/8","127.0.0.1"])`);
    expect(message("10.0.0.0/8 , loopback")).toBe(`${kinds} (a list is an array: ["10.0.0.0/8","loopback"])`);
    expect(message({})).toBe(kinds);
    expect(message(null)).toBe(kinds);
  });
});
