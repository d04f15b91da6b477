import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseForwardedFor, parseXForwardedFor } from "./forwarding-chain.js";

describe("parseXForwardedFor", () => {
  it("lists the hops client first, trimmed", () => {
    expect(parseXForwardedFor("203.0.113.7")).toEqual(["203.0.113.7"]);
    expect(parseXForwardedFor("203.0.113.7, 10.0.0.2 ,\t10.0.0.1")).toEqual(["203.0.113.7", "10.0.0.2", "10.0.0.1"]);
    expect(parseXForwardedFor("2001:db8::1,198.51.100.1")).toEqual(["2001:db8::1", "198.51.100.1"]);
  });

  it("has no hops when blank", () => {
    expect(parseXForwardedFor("")).toEqual([]);
    expect(parseXForwardedFor("  ")).toEqual([]);
  });

  it("keeps an empty element as an unusable hop", () => {
    expect(parseXForwardedFor("203.0.113.7, , 10.0.0.1")).toEqual(["203.0.113.7", "", "10.0.0.1"]);
    expect(parseXForwardedFor("203.0.113.7,")).toEqual(["203.0.113.7", ""]);
  });
});

describe("parseForwardedFor (RFC 7239)", () => {
  it.each([
    ["for=192.0.2.60", ["192.0.2.60"]],
    ["For=192.0.2.60", ["192.0.2.60"]],
    ['for="192.0.2.60"', ["192.0.2.60"]],
    ["for=192.0.2.43:8080", ["192.0.2.43"]],
    ['for="192.0.2.43:8080"', ["192.0.2.43"]],
    ['for="[2001:db8:cafe::17]"', ["2001:db8:cafe::17"]],
    ['for="[2001:db8:cafe::17]:4711"', ["2001:db8:cafe::17"]],
    ["for=[2001:db8::1]:443", ["2001:db8::1"]],
    ['for="192.0.2.43:_hidden"', ["192.0.2.43"]],
    ["for=192.0.2.60;proto=http;by=203.0.113.43", ["192.0.2.60"]],
    ["proto=https; for=192.0.2.60 ;host=example.com", ["192.0.2.60"]],
    ["for=192.0.2.43, for=198.51.100.17", ["192.0.2.43", "198.51.100.17"]],
    ['for=192.0.2.43,for="[2001:db8::2]";proto=https , for=10.0.0.1', ["192.0.2.43", "2001:db8::2", "10.0.0.1"]],
    ['for="\\192.0.2.1"', ["192.0.2.1"]],
    ["for=192.0.2.60;", ["192.0.2.60"]],
    ["for=192.0.2.60;;proto=http", ["192.0.2.60"]],
    [";for=192.0.2.60", ["192.0.2.60"]],
    ["for=192.0.2.43,\tfor=198.51.100.17", ["192.0.2.43", "198.51.100.17"]],
    ["for=192.0.2.43\t;\tproto=http", ["192.0.2.43"]],
  ])("reads %s", (header, hops) => {
    expect(parseForwardedFor(header)).toEqual(hops);
  });

  it.each([
    ["for=unknown", [""]],
    ["for=UNKNOWN:80", [""]],
    ["for=_hidden, for=198.51.100.17", ["", "198.51.100.17"]],
    ['for="_gazonk"', [""]],
  ])("gives an unusable hop for the unknown or obfuscated identifier in %s", (header, hops) => {
    expect(parseForwardedFor(header)).toEqual(hops);
  });

  it.each([
    ["proto=https", "an element without for="],
    ["for=192.0.2.1;for=192.0.2.2", "for= twice in one element"],
    ['for="2001:db8::1"', "unbracketed IPv6"],
    ['for="[2001:db8::1"', "an unclosed bracket"],
    ['for="[2001:db8::1]x"', "text after the bracket"],
    ['for="[192.0.2.1]"', "IPv4 in brackets"],
    ["for=192.0.2.1:99999999", "a port of more than five digits"],
    ["for=192.0.2.1:", "an empty port"],
    ["for=", "an empty node"],
    ['for="[2001:db8::1]x8080"', "text then digits after the bracket"],
    ['for="[2001:db8::1]8080"', "digits right after the bracket"],
    ['for="[2001:db8::1]:"', "an empty port after the bracket"],
    ['for=":80"', "a port without an address"],
    ["for=:80", "an unquoted port without an address"],
  ])("gives an unusable hop for %j (%s)", (header) => {
    expect(parseForwardedFor(header)).toEqual([""]);
  });

  it("keeps an empty element as an unusable hop", () => {
    expect(parseForwardedFor("for=192.0.2.1, , for=10.0.0.1")).toEqual(["192.0.2.1", "", "10.0.0.1"]);
  });

  it.each([
    ['for="192.0.2.1', "an unclosed quote"],
    ["for", "a pair without ="],
    ["=192.0.2.1", "a pair without a name"],
    ["for=192.0.2.1;=x", "a pair without a name after a good one"],
    ["for=192.0.2.1;secure", "a pair without = after a good one"],
    ["for=192.0.2.1, proto", "an element without = after a good one"],
    ["for=192.0.2.1 junk", "junk after a value"],
    ['for="192.0.2.1"x', "junk after a quoted value"],
    ['for="192.0.2.1, for=198.51.100.2', "a quote that swallows the next element"],
  ])("believes none of a header that does not parse: %j (%s)", (header) => {
    expect(parseForwardedFor(header)).toEqual([""]);
  });

  it("has no hops when blank", () => {
    expect(parseForwardedFor(" ")).toEqual([]);
  });

  it("never throws, whatever the header", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'for=[]:;,"\\ _19.a'.split("")), maxLength: 40 }), (header) => {
        const hops = parseForwardedFor(header);
        expect(Array.isArray(hops)).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });
});
