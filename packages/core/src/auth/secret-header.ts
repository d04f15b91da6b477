import { ConfigurationError, UnauthorizedError } from "../errors.js";
import type { Authenticator } from "./authenticator.js";
import { constantTimeIncludes } from "./constant-time.js";
import { secretList } from "./secret-list.js";

/** Options of {@link secretHeader}. */
export interface SecretHeaderOptions {
  /** Header name (case-insensitive), e.g. `"x-webhook-secret"`. */
  name: string;
  /** Expected value, or a rotation list. */
  value: string | readonly string[];
}

/**
 * Accepts a delivery when a header carries a shared secret. Runs before the
 * body is read; compared in constant time.
 *
 * @example
 * ```ts
 * contensis({ auth: secretHeader({ name: "x-webhook-secret", value: process.env.CONTENSIS_SECRET! }) });
 * ```
 */
export function secretHeader(options: SecretHeaderOptions): Authenticator {
  const name = options.name?.toLowerCase();
  if (!name) throw new ConfigurationError("secretHeader: `name` is required");
  const values = secretList(options.value, `secretHeader(${name})`);
  return {
    kind: "secret-header",
    needsBody: false,
    secretHeaders: [name],
    verify({ headers }) {
      const received = headers.get(name);
      if (received === undefined) return new UnauthorizedError("credentials_missing", `Missing ${name} header`);
      return constantTimeIncludes(received, values) ? undefined : new UnauthorizedError("credentials_invalid", `${name} is wrong`);
    },
  };
}
