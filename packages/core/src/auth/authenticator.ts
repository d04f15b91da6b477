import type { UnauthorizedError } from "../errors.js";
import type { HeaderReader } from "../headers.js";
import type { TenantContext } from "./tenant-secrets.js";

/** What an authenticity check can look at. `body` is the exact bytes received. */
export interface AuthInput {
  readonly headers: HeaderReader;
  /** Raw body bytes; empty for checks that run before the body is read. */
  readonly body: Uint8Array;
  /** Request target (path and query) when the adapter knows it. */
  readonly url: string | undefined;
  /** Who the delivery claims to be for, for credentials that depend on it (see `SecretOption`). */
  readonly tenant?: TenantContext | undefined;
}

/** Result of one check: `undefined` when it passed, else the 401 to answer with. */
export type AuthOutcome = UnauthorizedError | undefined;

/**
 * One way of proving that a delivery is genuine.
 *
 * Checks that do not need the body (`needsBody: false`) run before the body is
 * read, so a forged delivery costs the receiver nothing but its headers.
 *
 * @example
 * ```ts
 * const onlyFromGateway: Authenticator = {
 *   kind: "gateway",
 *   needsBody: false,
 *   verify: ({ headers }) =>
 *     headers.get("x-gateway") === "yes" ? undefined : new UnauthorizedError("credentials_missing", "Not via the gateway"),
 * };
 * ```
 */
export interface Authenticator {
  /** Short name for logs and docs: `"hmac"`, `"secret-header"`, `"basic"`, `"secret-query"`. */
  readonly kind: string;
  readonly needsBody: boolean;
  /** True when its credentials depend on the delivery (a function secret): the receiver then passes `tenant`. */
  readonly perTenant?: boolean;
  verify(input: AuthInput): AuthOutcome | Promise<AuthOutcome>;
}
