import { ConfigurationError, UnauthorizedError } from "../errors.js";
import type { Authenticator } from "./authenticator.js";
import { constantTimeIncludes } from "./constant-time.js";
import { secretList } from "./secret-list.js";

/** Options of {@link secretQueryParam}. */
export interface SecretQueryParamOptions {
  /** Query parameter name, e.g. `"token"`. */
  name: string;
  /** Expected value, or a rotation list. */
  value: string | readonly string[];
}

/**
 * Accepts a delivery whose URL carries a shared secret in the query string,
 * for senders that can only be given a URL (`https://app.example/hooks?token=…`).
 * Needs the adapter to pass the request URL; compared in constant time.
 *
 * @example
 * ```ts
 * inbenta({ auth: secretQueryParam({ name: "token", value: process.env.INBENTA_TOKEN! }) });
 * ```
 */
export function secretQueryParam(options: SecretQueryParamOptions): Authenticator {
  const name = options.name;
  if (!name) throw new ConfigurationError("secretQueryParam: `name` is required");
  const values = secretList(options.value, `secretQueryParam(${name})`);
  return {
    kind: "secret-query",
    needsBody: false,
    secretQueryParams: [name],
    verify({ url }) {
      const received = url === undefined ? null : queryParam(url, name);
      if (received === null) return new UnauthorizedError("credentials_missing", `Missing ${name} query parameter`);
      return constantTimeIncludes(received, values) ? undefined : new UnauthorizedError("credentials_invalid", `${name} query parameter is wrong`);
    },
  };
}

/** A query parameter of a request target, or null. The query runs from the first `?` to the fragment: a `?` inside the fragment starts none. */
function queryParam(url: string, name: string): string | null {
  const hash = url.indexOf("#");
  const end = hash < 0 ? url.length : hash;
  const q = url.indexOf("?");
  // A `?` after the `#` slices to nothing. The form-urlencoded parser takes any text: a malformed escape stays as written.
  return q < 0 ? null : new URLSearchParams(url.slice(q + 1, end)).get(name);
}
