import type { Authenticator } from "../auth/authenticator.js";
import type { HeadersInput } from "../headers.js";

/**
 * What a credential is replaced with in a recorded delivery (exported as `MASKED_CREDENTIAL`).
 *
 * @example
 * ```ts
 * if (record.headers.authorization?.includes(MASKED_CREDENTIAL)) headers.authorization = myCredential;
 * ```
 */
export const MASKED = "[masked]";

/** Headers that carry a credential whatever the provider checks. */
const ALWAYS_SECRET_HEADERS = ["authorization", "proxy-authorization", "cookie"];
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
const AUTH_SCHEME = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)[ \t]+\S/;

/** Masks the credentials of one delivery: its headers and its request target. */
export interface CredentialMask {
  /** Every header as a lower-case record, secret values replaced by {@link MASKED}. */
  headers(input: HeadersInput): Record<string, string>;
  /** The origin-form target (path and query) with secret segments and query values replaced. */
  target(url: string | undefined): string;
}

/**
 * A mask built once per receiver from what its authenticators read
 * (`secretHeaders`, `secretQueryParams`, `secretPathSegments`), plus
 * `Authorization`, `Proxy-Authorization` and `Cookie`. Signatures are not
 * credentials (an HMAC of the body proves nothing about another body): they are
 * kept, so a replayed delivery verifies again.
 *
 * @example
 * ```ts
 * const mask = compileCredentialMask([basicAuth({ username: "cms", password: "pw" })]);
 * mask.headers({ authorization: "Basic Y21zOnB3" }); // { authorization: "Basic [masked]" }
 * ```
 */
export function compileCredentialMask(auth: readonly Authenticator[]): CredentialMask {
  const headers = new Set(ALWAYS_SECRET_HEADERS);
  const queryParams = new Set<string>();
  const segments = new Set<number>();
  for (const check of auth) {
    for (const name of check.secretHeaders ?? []) headers.add(name.toLowerCase());
    for (const name of check.secretQueryParams ?? []) queryParams.add(name);
    for (const index of check.secretPathSegments ?? []) segments.add(index);
  }
  const maskValue = (name: string, value: string) => {
    if (!headers.has(name)) return value;
    // Keep the scheme ("Basic", "Bearer"): it tells a reader which credential to put back.
    const scheme = AUTH_SCHEME.exec(value);
    return scheme && name.endsWith("authorization") ? `${scheme[1]} ${MASKED}` : MASKED;
  };
  return {
    headers(input) {
      const out: Record<string, string> = {};
      for (const [name, value] of headerEntries(input)) out[name] = maskValue(name, value);
      return out;
    },
    target(url) {
      if (url === undefined || url === "") return "/";
      const target = url.replace(SCHEME, "") || "/";
      const hash = target.indexOf("#");
      const withoutHash = hash < 0 ? target : target.slice(0, hash);
      const q = withoutHash.indexOf("?");
      const path = q < 0 ? withoutHash : withoutHash.slice(0, q);
      const query = q < 0 ? undefined : withoutHash.slice(q + 1);
      return maskPath(path, segments) + (query === undefined ? "" : `?${maskQuery(query, queryParams)}`);
    },
  };
}

function* headerEntries(input: HeadersInput): Iterable<[string, string]> {
  const iterable = input as { forEach?: unknown; get?: unknown };
  if (typeof iterable.forEach === "function" && typeof iterable.get === "function") {
    // A Fetch `Headers` (or anything shaped like it): names are already lower-case.
    const entries: [string, string][] = [];
    (input as unknown as { forEach(fn: (value: string, name: string) => void): void }).forEach((value, name) => entries.push([name.toLowerCase(), value]));
    yield* entries;
    return;
  }
  if (typeof iterable.get === "function") return; // a getter alone cannot be listed
  for (const [name, value] of Object.entries(input as Readonly<Record<string, string | readonly string[] | undefined>>)) {
    if (typeof value === "string") yield [name.toLowerCase(), value];
    else if (Array.isArray(value)) yield [name.toLowerCase(), value.join(", ")];
  }
}

function maskPath(path: string, segments: ReadonlySet<number>): string {
  if (segments.size === 0) return path || "/";
  const parts = path.split("/");
  const nonEmpty: number[] = [];
  parts.forEach((part, i) => {
    if (part !== "") nonEmpty.push(i);
  });
  for (const index of segments) {
    const at = nonEmpty[index < 0 ? nonEmpty.length + index : index];
    if (at !== undefined) parts[at] = MASKED;
  }
  return parts.join("/") || "/";
}

function maskQuery(query: string, names: ReadonlySet<string>): string {
  if (names.size === 0 || query === "") return query;
  return query
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      let name: string;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, " "));
      } catch {
        name = rawName;
      }
      return names.has(name) ? `${rawName}=${MASKED}` : pair;
    })
    .join("&");
}
