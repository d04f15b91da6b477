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
      const q = url === undefined ? -1 : url.indexOf("?");
      let received: string | null = null;
      if (url !== undefined && q >= 0) {
        const hash = url.indexOf("#", q);
        try {
          received = new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash)).get(name);
        } catch {
          received = null;
        }
      }
      if (received === null) return new UnauthorizedError("credentials_missing", `Missing ${name} query parameter`);
      return constantTimeIncludes(received, values) ? undefined : new UnauthorizedError("credentials_invalid", `${name} query parameter is wrong`);
    },
  };
}
