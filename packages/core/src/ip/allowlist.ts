/**
 * The IP allowlist: entries are parsed, validated and indexed once, when the
 * receiver is created; a lookup is a parse and one binary search, so it costs
 * about the same with 8 entries or 10 000.
 */
import { ConfigurationError } from "../errors.js";
import { parseEntryRanges, type Ipv4Range, type Ipv6Range } from "./ip-range.js";
import { Ipv4IntervalSet } from "./ipv4-interval-set.js";
import { Ipv6IntervalSet } from "./ipv6-interval-set.js";
import { parseIpInto } from "./parse-ip.js";

/**
 * A compiled set of addresses and CIDR blocks.
 *
 * @example
 * ```ts
 * const allowlist: IpAllowlist = compileIpAllowlist(["192.0.2.0/24"]);
 * if (!allowlist.has(clientIp)) throw new ForbiddenSourceError(clientIp);
 * ```
 */
export interface IpAllowlist {
  /** Number of entries it was compiled from. */
  readonly size: number;
  /**
   * Whether `ip` is covered by an entry. `undefined`, and anything that is not
   * an IP address, is not. IPv4-mapped IPv6 (`::ffff:192.0.2.1`) is looked up
   * as the IPv4 address it maps.
   */
  has(ip: string | undefined): boolean;
}

/** Address words of the lookup in progress; lookups never call user code, so one buffer serves all. */
const scratch = new Uint32Array(4);

/**
 * The allowlist, plus a lookup of an already parsed address for the proxy walk.
 *
 * @example
 * ```ts
 * const matcher = new CompiledIpAllowlist(1, [{ first: 0x0a000000, last: 0x0affffff }], []);
 * matcher.has("10.1.2.3"); // true
 * ```
 */
export class CompiledIpAllowlist implements IpAllowlist {
  readonly size: number;
  private readonly ipv4: Ipv4IntervalSet;
  private readonly ipv6: Ipv6IntervalSet;

  constructor(size: number, ipv4: readonly Ipv4Range[], ipv6: readonly Ipv6Range[]) {
    this.size = size;
    this.ipv4 = new Ipv4IntervalSet(ipv4);
    this.ipv6 = new Ipv6IntervalSet(ipv6);
  }

  has(ip: string | undefined): boolean {
    if (typeof ip !== "string") return false;
    const family = parseIpInto(ip, scratch);
    if (family === 4) return this.ipv4.has(scratch[0]!);
    return family === 6 && this.ipv6.has(scratch);
  }

  /** Whether the list covers every IPv4 address or every IPv6 address: then it proves nothing about the sender. */
  coversEveryAddress(): boolean {
    const v4 = this.ipv4.intervalCount === 1 && this.ipv4.has(0) && this.ipv4.has(0xffffffff);
    const v6 = this.ipv6.intervalCount === 1 && this.ipv6.has(new Uint32Array(4)) && this.ipv6.has(Uint32Array.of(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff));
    return v4 || v6;
  }

  /** Looks up an address parsed by `parseIpInto` (`family` 4: `words[0]`; 6: `words[0..3]`). */
  hasParsed(family: 4 | 6, words: Uint32Array): boolean {
    return family === 4 ? this.ipv4.has(words[0]!) : this.ipv6.has(words);
  }
}

/**
 * Compiles addresses and CIDR blocks, IPv4 and IPv6, into an indexed allowlist.
 *
 * - `"192.0.2.1"`, `"2001:db8::1"`: one address.
 * - `"10.0.0.0/8"`, `"2001:db8::/32"`: a block. Host bits are masked off:
 *   `"10.0.0.1/8"` is accepted as `"10.0.0.0/8"`.
 * - IPv4 and IPv4-mapped IPv6 are the same addresses: `"::ffff:10.0.0.0/104"`
 *   is `"10.0.0.0/8"`, and an IPv6 block containing `::ffff:0:0/96` (such as
 *   `"::/0"`) also covers every IPv4 address.
 *
 * Throws a {@link ConfigurationError} naming the first bad entry: empty,
 * surrounding whitespace, a zone id (`fe80::1%eth0`), a prefix over 32 (IPv4)
 * or 128 (IPv6), or anything that is not an address.
 *
 * @param entries The addresses and blocks to allow.
 * @param optionName How the list is called in error messages (default `"allowIps"`).
 *
 * @example
 * ```ts
 * const allowlist = compileIpAllowlist(["203.0.113.0/24", "2001:db8::/32", "198.51.100.7"]);
 * allowlist.has("203.0.113.9");      // true
 * allowlist.has("::ffff:198.51.100.7"); // true
 * allowlist.has("192.0.2.1");        // false
 * allowlist.has(undefined);          // false
 *
 * compileIpAllowlist(["10.0.0.0/33"]);
 * // ConfigurationError: allowIps entry "10.0.0.0/33" is not a valid address or CIDR: prefix length 33 exceeds 32
 * ```
 */
export function compileIpAllowlist(entries: readonly string[], optionName = "allowIps"): IpAllowlist {
  return compileIpMatcher(entries, optionName);
}

/**
 * Same as {@link compileIpAllowlist}, typed as the class so that the proxy walk
 * can look up addresses it has already parsed.
 *
 * @example
 * ```ts
 * const trusted = compileIpMatcher(["10.0.0.0/8"], "trustProxy");
 * trusted.hasParsed(4, Uint32Array.of(0x0a000001)); // true
 * ```
 */
export function compileIpMatcher(entries: readonly string[], optionName: string): CompiledIpAllowlist {
  if (!Array.isArray(entries)) {
    throw new ConfigurationError(`${optionName} must be an array of IP addresses and CIDR blocks`);
  }
  const ipv4: Ipv4Range[] = [];
  const ipv6: Ipv6Range[] = [];
  for (const entry of entries as readonly unknown[]) {
    const ranges = typeof entry === "string" ? parseEntryRanges(entry) : "it is not a string";
    if (typeof ranges === "string") {
      throw new ConfigurationError(`${optionName} entry ${describe(entry)} is not a valid address or CIDR: ${ranges}`);
    }
    if (ranges.ipv4) ipv4.push(ranges.ipv4);
    if (ranges.ipv6) ipv6.push(ranges.ipv6);
  }
  return new CompiledIpAllowlist(entries.length, ipv4, ipv6);
}

function describe(entry: unknown): string {
  if (typeof entry === "string") return JSON.stringify(entry);
  return typeof entry === "object" && entry !== null ? Object.prototype.toString.call(entry) : String(entry);
}
