import { parseArgs, type ParseArgsConfig } from "node:util";
import type { TestAuth } from "../test-delivery.js";
import type { VendorCredentials, VendorEntry } from "../vendor-entry.js";
import { findVendor, vendorIds } from "../vendors/index.js";
import { didYouMean } from "./did-you-mean.js";
import { UsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

type OptionValue<C> = C extends { type: "boolean" }
  ? C extends { multiple: true }
    ? boolean[]
    : boolean
  : C extends { multiple: true }
    ? string[]
    : string;

/** Parsed flags (absent ones `undefined`) and positionals of one command line. */
export interface CommandLine<O extends Options> {
  readonly values: { readonly [K in keyof O]?: OptionValue<O[K]> };
  readonly positionals: readonly string[];
}

/**
 * `parseArgs` in strict mode, with its errors turned into {@link UsageError}s.
 *
 * @example
 * ```ts
 * const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, url: { type: "string" } });
 * ```
 */
export function parseCommandLine<const O extends Options>(args: readonly string[], options: O): CommandLine<O> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true }) as CommandLine<O>;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      // Node's messages go on to explain `--`; the first sentence is the useful part.
      const message = (error as Error).message.split(/\.\s/)[0]!.replace(/\.$/, "");
      const unknown = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /'--([^'=]+)/.exec(message)?.[1] : undefined;
      throw new UsageError(unknown ? `${message}.${didYouMean(unknown, Object.keys(options)).replace(/"([^"]+)"/g, '"--$1"')}` : message);
    }
    throw error;
  }
}

/**
 * The registry entry for a vendor argument, or a usage error listing the known ones.
 *
 * @example
 * ```ts
 * const entry = vendorArgument(positionals[0]);
 * ```
 */
export function vendorArgument(id: string | undefined): VendorEntry {
  if (id === undefined) throw new UsageError(`a vendor is required: ${vendorIds.join(", ")}`);
  const entry = findVendor(id);
  if (!entry) throw new UsageError(`unknown vendor "${id}".${didYouMean(id, vendorIds)} Known vendors: ${vendorIds.join(", ")}`);
  return entry;
}

/**
 * A native event of the vendor, or a usage error listing its events.
 *
 * @example
 * ```ts
 * const event = eventArgument(entry, positionals[1]);
 * ```
 */
export function eventArgument(entry: VendorEntry, event: string | undefined): string {
  const known = entry.kit.events;
  if (event === undefined) throw new UsageError(`an event is required; ${entry.kit.vendor} events: ${known.join(", ")}`);
  if (!known.includes(event)) {
    const suggestion = didYouMean(event, known);
    // A short list is shown whole; a long one (Kontent.ai has 38) only its closest names.
    const rest = known.length <= 8 ? ` Its events: ${known.join(", ")}` : ` Run 'cmshooks events ${entry.kit.vendor}' to list all ${known.length}.`;
    throw new UsageError(`${entry.kit.vendor} has no event "${event}".${suggestion}${rest}`);
  }
  return event;
}

/**
 * Refuses positionals beyond the expected count.
 *
 * @example
 * ```ts
 * noExtraPositionals(positionals, 2);
 * ```
 */
export function noExtraPositionals(positionals: readonly string[], expected: number): void {
  if (positionals.length > expected) throw new UsageError(`unexpected argument "${positionals[expected]}"`);
}

/**
 * `user:pass` → basic credentials (the username cannot contain a colon; the password may).
 *
 * @example
 * ```ts
 * basicArgument("cms:pa:ss"); // { basic: { username: "cms", password: "pa:ss" } }
 * ```
 */
export function basicArgument(value: string): TestAuth {
  const colon = value.indexOf(":");
  if (colon <= 0 || colon === value.length - 1) throw new UsageError(`--basic takes user:password, got "${value}"`);
  return { basic: { username: value.slice(0, colon), password: value.slice(colon + 1) } };
}

/**
 * `Name: value` or `name:value` → a lower-case name and a trimmed value.
 *
 * @example
 * ```ts
 * headerArgument("X-Hook-Signature: abc=", "--header"); // { name: "x-hook-signature", value: "abc=" }
 * ```
 */
export function headerArgument(value: string, flag: string): { name: string; value: string } {
  const colon = value.indexOf(":");
  const name = colon < 0 ? "" : value.slice(0, colon).trim().toLowerCase();
  if (!name || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) throw new UsageError(`${flag} takes "Name: value", got "${value}"`);
  return { name, value: value.slice(colon + 1).trim() };
}

/**
 * `name=value` → a query parameter.
 *
 * @example
 * ```ts
 * queryArgument("token=t0k3n", "--query"); // { name: "token", value: "t0k3n" }
 * ```
 */
export function queryArgument(value: string, flag: string): { name: string; value: string } {
  const equals = value.indexOf("=");
  if (equals <= 0) throw new UsageError(`${flag} takes name=value, got "${value}"`);
  return { name: value.slice(0, equals), value: value.slice(equals + 1) };
}

/**
 * The signing secret: `--secret`, else (for vendors that sign) the
 * `CMSHOOKS_SECRET` environment variable, which keeps it out of the shell history.
 *
 * @example
 * ```ts
 * const secret = secretArgument(values.secret, io.env, entry);
 * ```
 */
export function secretArgument(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  entry: Pick<VendorEntry, "authenticity">,
): string | undefined {
  const secret = flag ?? (entry.authenticity === "signature" ? env.CMSHOOKS_SECRET : undefined);
  if (secret === "") throw new UsageError("--secret is empty");
  return secret;
}

/**
 * The credentials a receiver is configured with, checked against the vendor:
 * a secret for vendors that sign, one of basic / header / query for the others.
 *
 * @example
 * ```ts
 * const credentials = receiverCredentials(entry, { secret, basic: values.basic, header: values.header, query: values.query }, "listen");
 * ```
 */
export function receiverCredentials(
  entry: VendorEntry,
  given: { secret?: string | undefined; basic?: string | undefined; header?: string | undefined; query?: string | undefined },
  flags: { header: string; query: string },
): VendorCredentials {
  const vendor = entry.kit.vendor;
  const auths: TestAuth[] = [];
  if (given.basic !== undefined) auths.push(basicArgument(given.basic));
  if (given.header !== undefined) auths.push({ header: headerArgument(given.header, flags.header) });
  if (given.query !== undefined) auths.push({ query: queryArgument(given.query, flags.query) });
  if (entry.authenticity === "signature") {
    if (auths.length) throw new UsageError(`${vendor} signs its deliveries: give --secret, not --basic/${flags.header}/${flags.query}`);
    if (given.secret === undefined) throw new UsageError(`${vendor} signs its deliveries: --secret (or CMSHOOKS_SECRET) is required`);
    return { secret: given.secret };
  }
  if (given.secret !== undefined) throw new UsageError(`${vendor} signs nothing: give --basic, ${flags.header} or ${flags.query} instead of --secret`);
  if (auths.length > 1) throw new UsageError(`give one of --basic, ${flags.header}, ${flags.query}`);
  return auths.length ? { auth: auths[0] } : {};
}

/**
 * Parses `--override` JSON: an object deep-merged into the sample payload.
 *
 * @example
 * ```ts
 * overrideArgument('{"data":{"title":"Hello"}}'); // { data: { title: "Hello" } }
 * ```
 */
export function overrideArgument(value: string | undefined): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new UsageError(`--override is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new UsageError("--override must be a JSON object");
  return parsed as Record<string, unknown>;
}

/**
 * A whole number flag within bounds, or its default.
 *
 * @example
 * ```ts
 * const port = integerArgument(values.port, "--port", { min: 0, max: 65535, fallback: 3000 });
 * ```
 */
export function integerArgument(value: string | undefined, flag: string, bounds: { min: number; max: number; fallback: number }): number {
  if (value === undefined) return bounds.fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < bounds.min || n > bounds.max) {
    throw new UsageError(`${flag} takes a whole number from ${bounds.min} to ${bounds.max}, got "${value}"`);
  }
  return n;
}

/**
 * `--url`: an absolute http(s) URL, or a usage error with an example.
 *
 * @example
 * ```ts
 * const target = urlArgument(values.url, "http://127.0.0.1:3000/hooks/blox");
 * ```
 */
export function urlArgument(value: string | undefined, example: string): URL {
  if (value === undefined) throw new UsageError(`--url is required, e.g. --url ${example}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url must be an absolute http(s) URL, e.g. ${example}; got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--url must be http or https, got "${value}"`);
  return url;
}
