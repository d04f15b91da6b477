/**
 * Which address a delivery came from, when proxies stand in front of the
 * receiver: the `trustProxy` option, with the semantics of Express's
 * `trust proxy` setting, compiled once into a resolver.
 */
import { ConfigurationError } from "../errors.js";
import type { HeaderReader } from "../headers.js";
import { compileIpMatcher } from "./allowlist.js";
import { formatIpWords } from "./format-ip.js";
import { parseForwardedFor, parseXForwardedFor } from "./forwarding-chain.js";
import { parseIpInto } from "./parse-ip.js";

/**
 * Who may tell the receiver the client's address, as in Express:
 *
 * - `false` / `undefined` (default): nobody. The client is the socket peer; headers are ignored.
 * - `true`: everybody. The client is the leftmost (first) address of the chain.
 * - a number `n`: the `n` hops nearest to the receiver are proxies. Hop 0 is the socket
 *   peer, hop 1 the last address of the chain, and so on; the client is hop `n`
 *   (or the leftmost address when the chain is shorter). `0` is the same as `false`;
 *   `1` means "one proxy in front of me, take the address it saw".
 * - a list of addresses and CIDR blocks (as for `allowIps`), which may also name
 *   `"loopback"`, `"linklocal"` and `"uniquelocal"`: the hops in these ranges are proxies.
 * - a function `(ip, hopIndex) => boolean`: hop `hopIndex` (0 = socket peer)
 *   with canonical address `ip` is a proxy when it returns `true`.
 *
 * @example
 * ```ts
 * const behindOneLoadBalancer: TrustProxyOption = 1;
 * const behindOurProxies: TrustProxyOption = ["10.0.0.0/8", "loopback"];
 * const custom: TrustProxyOption = (ip, hopIndex) => hopIndex < 2 && ip.startsWith("10.");
 * ```
 */
export type TrustProxyOption = boolean | number | readonly string[] | ((ip: string, hopIndex: number) => boolean);

/**
 * Which header carries the chain of forwarded addresses.
 *
 * @example
 * ```ts
 * const header: ForwardingHeader = "forwarded"; // RFC 7239
 * ```
 */
export type ForwardingHeader = "x-forwarded-for" | "forwarded";

/**
 * Options of {@link compileClientIpResolver}.
 *
 * @example
 * ```ts
 * const options: ClientIpResolverOptions = { header: "forwarded" }; // a proxy that writes only Forwarded
 * ```
 */
export interface ClientIpResolverOptions {
  /**
   * The header trusted proxies write. Default `"auto"`: `X-Forwarded-For`, or
   * `Forwarded` when no `X-Forwarded-For` arrived. Name the one header your
   * proxy sets when it sets only `Forwarded`: in `"auto"` mode a client could
   * otherwise send its own `X-Forwarded-For` through such a proxy.
   */
  readonly header?: ForwardingHeader | "auto";
}

/**
 * Gives the client address of a delivery from its socket peer and headers.
 *
 * @example
 * ```ts
 * const clientIp: ClientIpResolver = compileClientIpResolver(1);
 * clientIp(req.socket.remoteAddress, toHeaderReader(req.headers));
 * ```
 */
export type ClientIpResolver = ((peerIp: string | undefined, headers: HeaderReader) => string | undefined) & {
  /**
   * Why the last call gave no address although the peer was a trusted proxy:
   * a hop that is not an address (`unreadable_hop`), or `X-Forwarded-For`
   * and `Forwarded` naming different clients (`conflicting_headers`).
   */
  problem?: "unreadable_hop" | "conflicting_headers" | undefined;
};

/** Decides whether hop `hopIndex`, parsed into `words`, is a trusted proxy. */
type HopTrust = (family: 4 | 6, words: Uint32Array, hopIndex: number) => boolean;

/** Express's named ranges. */
const NAMED_RANGES: Readonly<Record<string, readonly string[]>> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * Compiles `trustProxy` into a function from (socket peer, headers) to the
 * client address.
 *
 * The walk starts at the socket peer. While the address it stands on is a
 * trusted proxy, it steps to the next address of the chain from the right
 * (the chain is `X-Forwarded-For`, comma-separated, or the `for=` nodes of
 * `Forwarded`; see {@link ClientIpResolverOptions.header}). It returns the
 * first untrusted address, or the leftmost one if every hop is trusted.
 *
 * - Headers are read only once the peer is trusted: a header sent by an
 *   untrusted peer is never believed.
 * - Ports are stripped (`198.51.100.7:51234`, `[2001:db8::7]:443`). A hop that
 *   is not an IP address (garbage, `unknown`, `_hidden`, a Forwarded header
 *   that does not parse) makes the client unknown (`undefined`): never the
 *   proxy's own address, which is often allowed.
 * - With a header named (not `"auto"`), a delivery from a trusted proxy that
 *   carries both headers, naming different clients, has an unknown client:
 *   one of them came from the client itself.
 * - The result is canonical text: IPv4-mapped IPv6 (`::ffff:127.0.0.1`) becomes
 *   IPv4 (`127.0.0.1`), IPv6 is written as RFC 5952 (`2001:db8::1`).
 * - A peer that is missing or not an IP address gives `undefined`.
 *
 * Throws a {@link ConfigurationError} for an option of another type, a hop
 * count that is not a whole number ≥ 0, or a list entry that is not an
 * address or CIDR block.
 *
 * @example
 * ```ts
 * const clientIp = compileClientIpResolver(["10.0.0.0/8"]);
 * const headers = toHeaderReader({ "x-forwarded-for": "198.51.100.9, 203.0.113.7, 10.0.0.5" });
 * clientIp("10.0.0.1", headers);    // "203.0.113.7": 10.0.0.5 is a proxy, 203.0.113.7 is not
 * clientIp("192.0.2.44", headers);  // "192.0.2.44": an untrusted peer's header is ignored
 * compileClientIpResolver(undefined)("::ffff:192.0.2.44", headers); // "192.0.2.44"
 * ```
 */
export function compileClientIpResolver(
  trustProxy: TrustProxyOption | undefined,
  options: ClientIpResolverOptions = {},
): ClientIpResolver {
  const trust = compileHopTrust(trustProxy);
  const header = options.header ?? "auto";
  if (header !== "auto" && header !== "x-forwarded-for" && header !== "forwarded") {
    throw new ConfigurationError(
      `trustProxy header ${JSON.stringify(header)} is not valid: use "x-forwarded-for", "forwarded" or "auto"`,
    );
  }
  const current = new Uint32Array(4);
  const next = new Uint32Array(4);
  /** Walks one chain from the trusted peer already in `current`; `undefined` when a hop cannot be read. */
  const walk = (chain: readonly string[], peerFamily: 4 | 6): string | undefined => {
    let family = peerFamily;
    for (let index = chain.length - 1, hop = 1; index >= 0; index--, hop++) {
      const nextFamily = parseIpInto(stripPort(chain[index]!), next);
      if (nextFamily === 0) {
        resolver.problem = "unreadable_hop";
        return undefined; // never believe garbage, nor fall back to the proxy's own address
      }
      family = nextFamily;
      current.set(next);
      if (index === 0 || !trust!(family, current, hop)) break;
    }
    return formatIpWords(family, current);
  };
  const resolver: ClientIpResolver = (peerIp, headers) => {
    resolver.problem = undefined;
    if (typeof peerIp !== "string") return undefined;
    const family = parseIpInto(peerIp, current);
    if (family === 0) return undefined;
    if (trust === undefined || !trust(family, current, 0)) return formatIpWords(family, current);
    const peer = current.slice();
    const client = walk(readChain(headers, header), family);
    if (client === undefined || header === "auto") return client;
    // A trusted proxy writes one of the two headers; the other came from the client. Refuse to guess when they disagree.
    const other = headers.get(header === "forwarded" ? "x-forwarded-for" : "forwarded");
    if (other === undefined || other.trim() === "" || !headers.get(header)?.trim()) return client;
    current.set(peer);
    const otherClient = walk(header === "forwarded" ? parseXForwardedFor(other) : parseForwardedFor(other), family);
    if (otherClient !== client) {
      resolver.problem = "conflicting_headers";
      return undefined;
    }
    return client;
  };
  return resolver;
}

/**
 * A hop's address without a port: `198.51.100.7:51234` and `[2001:db8::7]:443`
 * (and a bracketed address alone) give the address; anything else is
 * returned as it is.
 */
function stripPort(hop: string): string {
  if (hop.charCodeAt(0) === 91 /* [ */) {
    const close = hop.indexOf("]");
    return close > 0 && (close === hop.length - 1 || hop.charCodeAt(close + 1) === 58) ? hop.slice(1, close) : hop;
  }
  const colon = hop.indexOf(":");
  return colon > 0 && hop.indexOf(":", colon + 1) < 0 && hop.indexOf(".") > 0 ? hop.slice(0, colon) : hop;
}

/** The forwarded chain, client first, from the header the options name. */
function readChain(headers: HeaderReader, header: ForwardingHeader | "auto"): string[] {
  if (header !== "forwarded") {
    const xForwardedFor = headers.get("x-forwarded-for");
    if (xForwardedFor !== undefined && (header === "x-forwarded-for" || xForwardedFor.trim() !== "")) {
      return parseXForwardedFor(xForwardedFor);
    }
    if (header === "x-forwarded-for") return [];
  }
  const forwarded = headers.get("forwarded");
  return forwarded === undefined ? [] : parseForwardedFor(forwarded);
}

/** `undefined` when nobody is trusted. */
function compileHopTrust(option: unknown): HopTrust | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return () => true;
  if (typeof option === "number") {
    if (!Number.isInteger(option) || option < 0) {
      throw new ConfigurationError(`trustProxy ${option} is not valid: a hop count must be a whole number ≥ 0`);
    }
    return option === 0 ? undefined : (_family, _words, hopIndex) => hopIndex < option;
  }
  if (typeof option === "function") {
    const isTrusted = option as (ip: string, hopIndex: number) => unknown;
    return (family, words, hopIndex) => isTrusted(formatIpWords(family, words), hopIndex) === true;
  }
  if (Array.isArray(option)) {
    if (option.length === 0) return undefined;
    const entries = option.flatMap((entry: unknown) =>
      typeof entry === "string" && Object.hasOwn(NAMED_RANGES, entry) ? NAMED_RANGES[entry]! : [entry as string],
    );
    const matcher = compileIpMatcher(entries, "trustProxy");
    return (family, words) => matcher.hasParsed(family, words);
  }
  const hint = typeof option === "string" ? ` (a list is an array: ${JSON.stringify(option.split(/\s*,\s*/))})` : "";
  throw new ConfigurationError(
    `trustProxy must be a boolean, a hop count, an array of addresses and CIDR blocks, or a function${hint}`,
  );
}
