import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIp, normalizeIp } from "./format-ip.js";
import { canonicalText, ipv6Style, ipv6Text, ipv6Value } from "./reference-model.test-support.js";

describe("normalizeIp", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::FFFF:C000:0201", "192.0.2.1"],
    // RFC 5952 section 4: lower case, no leading zeros, longest zero run, first on a tie, never one group.
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"],
    ["0:0:0:0:0:0:0:0", "::"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["1:0:0:0:0:0:0:0", "1::"],
    ["::1.2.3.4", "::102:304"],
  ])("writes %s as %s", (text, canonical) => {
    expect(normalizeIp(text)).toBe(canonical);
  });

  it("gives undefined for anything that is not an address", () => {
    expect(normalizeIp(undefined)).toBeUndefined();
    expect(normalizeIp("fe80::1%eth0")).toBeUndefined();
    expect(normalizeIp("localhost")).toBeUndefined();
  });

  it("writes every address, in every input form, as its one RFC 5952 text", () => {
    fc.assert(
      fc.property(ipv6Value, ipv6Style, (value, style) => {
        expect(normalizeIp(ipv6Text(value, style))).toBe(canonicalText(value));
      }),
      { numRuns: 10_000 },
    );
  });
});

describe("formatIp", () => {
  it("writes parsed addresses of both families", () => {
    expect(formatIp({ family: 4, value: 0x7f000001 })).toBe("127.0.0.1");
    expect(formatIp({ family: 6, words: [0x20010db8, 0, 0, 0x10] })).toBe("2001:db8::10");
  });
});
