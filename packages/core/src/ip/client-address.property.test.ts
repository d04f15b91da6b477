/**
 * The client-address resolution against a reference model written apart
 * from it: X-Forwarded-For and Forwarded chains, alone and together, with
 * ports, brackets and garbage hops, behind trusted proxies (issue 18).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toHeaderReader } from "../headers.js";
import { canonicalText, ipv4Text, mappedIpv4 } from "./reference-model.test-support.js";
import { compileClientIpResolver } from "./trust-proxy.js";

/** An address of the model: its canonical text and whether a trusted proxy has it. */
interface Address {
  readonly text: string;
  readonly trusted: boolean;
}

// Proxies live in 10.0.0.0/8 and 2001:db8:aaaa::/48; clients elsewhere in 198.51.100.0/24 and 2001:db8:c::/48.
const TRUST = ["10.0.0.0/8", "2001:db8:aaaa::/48"];
const v4 = (trusted: boolean) =>
  fc.integer({ min: 0, max: 0xff_ffff }).map((low) => {
    const value = trusted ? 0x0a000000 + low : 0xc6336400 + (low & 0xff);
    return { text: ipv4Text(value), trusted };
  });
const v6 = (trusted: boolean) =>
  fc.bigInt({ min: 0n, max: (1n << 80n) - 1n }).map((low) => {
    const value = (trusted ? 0x20010db8aaaan : 0x20010db8000cn) << 80n | low;
    return { text: canonicalText(value), trusted };
  });
const address: fc.Arbitrary<Address> = fc.oneof(v4(true), v4(false), v6(true), v6(false));

/** One hop as text, and the address it names (`undefined`: not an address). */
interface Hop {
  readonly xff: string;
  readonly forwarded: string;
  readonly address: Address | undefined;
}
const isV6 = (a: Address) => a.text.includes(":");
const goodHop: fc.Arbitrary<Hop> = fc.tuple(address, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 65535 })).map(([a, form, port]) => {
  const withPort = form === 1 || form === 3;
  const xff = isV6(a) ? (form === 0 ? a.text : withPort ? `[${a.text}]:${port}` : `[${a.text}]`) : withPort ? `${a.text}:${port}` : a.text;
  const node = isV6(a) ? `"[${a.text}]${withPort ? `:${port}` : ""}"` : withPort ? `"${a.text}:${port}"` : a.text;
  return { xff, forwarded: `for=${node}${form === 2 ? ";proto=https" : ""}`, address: a };
});
const badHop: fc.Arbitrary<Hop> = fc
  .constantFrom("unknown", "_hidden", "1.2.3", "999.1.1.1", "::ffff:999.0.0.1", "not-an-ip", "[2001:db8::1", "fe80::1%eth0", "10.0.0.1:99999x")
  .map((text) => ({ xff: text, forwarded: `for="${text}"`, address: undefined }));
const hop = fc.oneof({ weight: 5, arbitrary: goodHop }, { weight: 1, arbitrary: badHop });
const chain = fc.array(hop, { maxLength: 5 });

/** The model: walk from the peer leftwards while the hop stood on is a trusted proxy. */
function walk(peer: Address, hops: readonly Hop[]): string | undefined {
  let current = peer;
  for (let index = hops.length - 1; index >= 0; index--) {
    const next = hops[index]!.address;
    if (next === undefined) return undefined; // a hop that is not an address: the client is unknown
    current = next;
    if (!current.trusted) break;
  }
  return current.text;
}

function model(peer: Address, header: "x-forwarded-for" | "forwarded", xff: readonly Hop[] | undefined, fwd: readonly Hop[] | undefined): string | undefined {
  if (!peer.trusted) return peer.text;
  const main = header === "x-forwarded-for" ? xff : fwd;
  const other = header === "x-forwarded-for" ? fwd : xff;
  const client = walk(peer, main ?? []);
  if (client === undefined || !main?.length || !other?.length) return client;
  return walk(peer, other) === client ? client : undefined; // both headers, different clients: refuse to guess
}

describe("client address behind trusted proxies, against the reference model", () => {
  it("agrees on every combination of X-Forwarded-For, Forwarded, ports, brackets and garbage hops", () => {
    fc.assert(
      fc.property(address, fc.constantFrom("x-forwarded-for" as const, "forwarded" as const), fc.option(chain, { nil: undefined }), fc.option(chain, { nil: undefined }), (peer, header, xff, fwd) => {
        const headers: Record<string, string> = {};
        if (xff?.length) headers["x-forwarded-for"] = xff.map((h) => h.xff).join(", ");
        if (fwd?.length) headers.forwarded = fwd.map((h) => h.forwarded).join(", ");
        const resolve = compileClientIpResolver(TRUST, { header });
        const expected = model(peer, header, xff?.length ? xff : undefined, fwd?.length ? fwd : undefined);
        expect(resolve(peer.text, toHeaderReader(headers))).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it("reads IPv4-mapped IPv6 peers and hops as the IPv4 addresses they map", () => {
    const resolve = compileClientIpResolver(TRUST, { header: "x-forwarded-for" });
    const peer = canonicalText(mappedIpv4(0x0a000001)); // ::ffff:10.0.0.1, shown as 10.0.0.1
    expect(resolve(`::ffff:${peer}`, toHeaderReader({ "x-forwarded-for": "::ffff:198.51.100.7" }))).toBe("198.51.100.7");
  });
});
