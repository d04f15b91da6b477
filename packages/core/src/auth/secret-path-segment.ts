import { ConfigurationError, UnauthorizedError } from "../errors.js";
import type { Authenticator } from "./authenticator.js";
import { constantTimeIncludes } from "./constant-time.js";
import { secretList } from "./secret-list.js";

/** Options of {@link secretPathSegment}. */
export interface SecretPathSegmentOptions {
  /** Expected segment, or a rotation list. Compared with the percent-decoded segment. */
  value: string | readonly string[];
  /** Which segment carries the secret: 0-based from the start, negative from the end. Default `-1`, the last. */
  segment?: number;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The path of a request target: origin-form (`/a/b?q`) or absolute (`https://h/a/b?q`, as `Request.url` gives it). */
function pathOf(url: string): string {
  let start = 0;
  const scheme = SCHEME.exec(url);
  if (scheme) {
    const slash = url.indexOf("/", scheme[0].length);
    if (slash < 0) return "/";
    start = slash;
  }
  let end = url.length;
  const query = url.indexOf("?", start);
  if (query >= 0) end = query;
  const hash = url.indexOf("#", start);
  if (hash >= 0 && hash < end) end = hash;
  return url.slice(start, end);
}

/**
 * Accepts a delivery whose URL path carries a shared secret
 * (`https://app.example/hooks/kapost/<secret>`), for senders that can only be
 * given a URL and send no signature. Unlike a query string, a path segment
 * survives senders and proxies that drop or rewrite the query. Empty
 * segments (`//`, a trailing `/`) are ignored; the segment is percent-decoded
 * and compared in constant time. Needs the adapter to pass the request URL.
 *
 * @example
 * ```ts
 * // Kapost webhook URL: https://app.example/hooks/kapost/8Vq3kP0sX2…
 * kapost({ auth: secretPathSegment({ value: [process.env.KAPOST_PATH_SECRET!, process.env.KAPOST_OLD_PATH_SECRET!] }) });
 * ```
 */
export function secretPathSegment(options: SecretPathSegmentOptions): Authenticator {
  const values = secretList(options.value, "secretPathSegment");
  values.forEach((value, i) => {
    if (/[/?#]/.test(value)) throw new ConfigurationError(`secretPathSegment: secret #${i + 1} cannot contain "/", "?" or "#"`);
  });
  const index = options.segment ?? -1;
  if (!Number.isSafeInteger(index)) throw new ConfigurationError(`secretPathSegment: segment must be an integer, got ${options.segment}`);
  return {
    kind: "secret-path",
    needsBody: false,
    secretPathSegments: [index],
    verify({ url }) {
      if (url === undefined) return new UnauthorizedError("credentials_missing", "The request URL is not available to check the path secret");
      const segments = pathOf(url).split("/").filter(Boolean);
      const raw = segments[index < 0 ? segments.length + index : index];
      if (raw === undefined) return new UnauthorizedError("credentials_missing", "Missing path secret");
      let received: string;
      try {
        received = decodeURIComponent(raw);
      } catch {
        return new UnauthorizedError("credentials_invalid", "Path secret is wrong");
      }
      return constantTimeIncludes(received, values) ? undefined : new UnauthorizedError("credentials_invalid", "Path secret is wrong");
    },
  };
}
