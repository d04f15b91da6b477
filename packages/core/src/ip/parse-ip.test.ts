import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIp, parseIpInto } from "./parse-ip.js";
import {
  RFC3986_ADDRESS,
  ipv4Text,
  ipv4Value,
  ipv6Style,
  ipv6Text,
  ipv6Value,
  isMapped,
  toWords,
} from "./reference-model.test-support.js";

describe("parseIp", () => {
  describe("IPv4", () => {
    it.each([
      ["0.0.0.0", 0],
      ["127.0.0.1", 0x7f000001],
      ["192.0.2.1", 0xc0000201],
      ["255.255.255.255", 0xffffffff],
      ["10.0.0.10", 0x0a00000a],
    ])("reads %s", (text, value) => {
      expect(parseIp(text)).toEqual({ family: 4, value });
    });

    it.each([
      ["01.2.3.4", "a leading zero (octal in other parsers)"],
      ["1.2.3.04", "a leading zero in the last octet"],
      ["1.2.3.00", "a double zero"],
      ["256.0.0.1", "an octet over 255"],
      ["1.2.3.1000", "four digits"],
      ["1.2.3", "three octets"],
      ["1.2.3.4.5", "five octets"],
      ["1..2.3", "an empty octet"],
      ["1.2.3.", "a trailing dot"],
      [".1.2.3", "a leading dot"],
      ["1.2.3.4 ", "a trailing space"],
      [" 1.2.3.4", "a leading space"],
      ["1.2.3.4:80", "a port"],
      ["0x7f.0.0.1", "hexadecimal"],
      ["2130706433", "a bare integer"],
      ["1.2.3.-4", "a sign"],
      ["１.2.3.4", "a full-width digit"],
      // The first group is read as hex digits until the dot shows it is IPv4: its digits must then be decimal.
      ["a.2.3.4", "a hex digit as the first octet"],
      ["1a.2.3.4", "a hex digit in the first octet's ones"],
      ["a1.2.3.4", "a hex digit in the first octet's tens"],
      ["1f9.2.3.4", "a hex digit in a three-digit first octet"],
      ["1234.1.2.3", "a four-digit first octet"],
      ["0001.2.3.4", "a four-digit first octet with leading zeros"],
      ["1x2.3.4", "a letter where the first dot should be"],
      ["1 2.3.4", "a space where the first dot should be"],
      ["1/2.3.4", "a slash where the first dot should be"],
    ])("refuses %j: %s", (text) => {
      expect(parseIp(text)).toBeUndefined();
    });
  });

  describe("IPv6", () => {
    it.each([
      ["::", [0, 0, 0, 0]],
      ["::1", [0, 0, 0, 1]],
      ["1::", [0x00010000, 0, 0, 0]],
      ["2001:db8::1", [0x20010db8, 0, 0, 1]],
      ["2001:DB8::1", [0x20010db8, 0, 0, 1]],
      ["2001:0db8:0000:0000:0000:0000:0000:0001", [0x20010db8, 0, 0, 1]],
      ["2001:db8:0:0:1:0:0:1", [0x20010db8, 0, 0x00010000, 1]],
      ["fe80::1:2", [0xfe800000, 0, 0, 0x00010002]],
      ["1:2:3:4:5:6:7::", [0x00010002, 0x00030004, 0x00050006, 0x00070000]],
      ["::2:3:4:5:6:7:8", [0x00000002, 0x00030004, 0x00050006, 0x00070008]],
      ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]],
      ["::1.2.3.4", [0, 0, 0, 0x01020304]],
      ["64:ff9b::192.0.2.33", [0x0064ff9b, 0, 0, 0xc0000221]],
      ["1:2:3:4:5:6:1.2.3.4", [0x00010002, 0x00030004, 0x00050006, 0x01020304]],
    ] as const)("reads %s", (text, words) => {
      expect(parseIp(text)).toEqual({ family: 6, words });
    });

    it.each([
      ["::ffff:192.0.2.1"],
      ["::FFFF:192.0.2.1"],
      ["0:0:0:0:0:ffff:192.0.2.1"],
      ["::ffff:c000:201"],
      ["0000:0000:0000:0000:0000:FFFF:C000:0201"],
    ])("reads the IPv4-mapped %s as the IPv4 address 192.0.2.1", (text) => {
      expect(parseIp(text)).toEqual({ family: 4, value: 0xc0000201 });
    });

    it.each([
      ["fe80::1%eth0", "a zone id"],
      ["fe80::1%25eth0", "a URL-encoded zone id"],
      ["[::1]", "brackets"],
      ["[::1]:80", "brackets and a port"],
      [":", "a lone colon"],
      [":::", "three colons"],
      ["1:::2", "three colons inside"],
      ["1::2::3", "two gaps"],
      [":1::2", "a lone leading colon"],
      ["1::2:", "a lone trailing colon"],
      ["1:2:3:4:5:6:7", "seven groups without a gap"],
      ["1:2:3:4:5:6:7:8:9", "nine groups"],
      ["1:2:3:4:5:6:7:8::", "eight groups and a gap"],
      ["::1:2:3:4:5:6:7:8", "a gap and eight groups"],
      ["12345::", "a five-digit group"],
      ["g::1", "a non-hex digit"],
      ["1:2:3:4:5:6:7:1.2.3.4", "a dotted quad after seven groups"],
      ["::1.2.3.4:5", "a dotted quad that is not last"],
      ["::01.2.3.4", "a leading zero in an embedded octet"],
      ["::256.2.3.4", "an embedded octet over 255"],
      ["::1.2.3", "an embedded quad with three octets"],
      [" ::1", "a leading space"],
      ["::1 ", "a trailing space"],
      ["1:2:3:4:5:6:7:8:1.2.3.4:1:2:3:4:5:6:7:8:1:2:3:4", "longer than any address"],
    ])("refuses %j: %s", (text) => {
      expect(parseIp(text)).toBeUndefined();
    });
  });

  it("refuses undefined, the empty string and non-strings without throwing", () => {
    expect(parseIp(undefined)).toBeUndefined();
    expect(parseIp("")).toBeUndefined();
    expect(parseIp(42 as unknown as string)).toBeUndefined();
  });

  describe("properties", () => {
    it("reads every IPv4 address written as a dotted quad, and as IPv4-mapped IPv6 in any style", () => {
      fc.assert(
        fc.property(ipv4Value, ipv6Style, (value, style) => {
          expect(parseIp(ipv4Text(value))).toEqual({ family: 4, value });
          expect(parseIp(ipv6Text((0xffffn << 32n) | BigInt(value), style))).toEqual({ family: 4, value });
        }),
        { numRuns: 5_000 },
      );
    });

    it("reads every IPv6 address in every RFC 4291 text form (padded, upper case, any '::', dotted tail)", () => {
      fc.assert(
        fc.property(ipv6Value, ipv6Style, (value, style) => {
          const text = ipv6Text(value, style);
          const expected = isMapped(value)
            ? { family: 4, value: Number(value & 0xffffffffn) }
            : { family: 6, words: toWords(value) };
          expect(parseIp(text)).toEqual(expected);
        }),
        { numRuns: 10_000 },
      );
    });

    it("accepts exactly the strings the RFC 3986 address grammar accepts, and never throws", () => {
      const alphabet = fc.constantFrom(..."0123456789abcdefABCDEF:.%[] g".split(""));
      const nearAddress = fc.oneof(
        fc.string({ unit: alphabet, maxLength: 46 }),
        // Valid addresses with one character changed, dropped or added.
        fc
          .tuple(ipv6Value, ipv6Style, fc.nat(), alphabet, fc.constantFrom("replace", "drop", "insert"))
          .map(([value, style, position, char, edit]) => {
            const text = ipv6Text(value, style);
            const at = position % (text.length + 1);
            if (edit === "drop") return text.slice(0, at) + text.slice(at + 1);
            if (edit === "insert") return text.slice(0, at) + char + text.slice(at);
            return text.slice(0, at) + char + text.slice(at + 1);
          }),
        fc.string({ maxLength: 60 }),
      );
      const words = new Uint32Array(4);
      fc.assert(
        fc.property(nearAddress, (text) => {
          const accepted = parseIpInto(text, words) !== 0;
          expect(accepted).toBe(RFC3986_ADDRESS.test(text));
        }),
        { numRuns: 20_000 },
      );
    });
  });
});
