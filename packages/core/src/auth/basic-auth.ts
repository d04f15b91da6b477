import { ConfigurationError, UnauthorizedError } from "../errors.js";
import type { Authenticator } from "./authenticator.js";
import { constantTimeEqual } from "./constant-time.js";

/** One username/password pair. */
export interface BasicCredentials {
  username: string;
  password: string;
}

/** Options of {@link basicAuth}: one pair, or `credentials` for rotation. */
export type BasicAuthOptions = (BasicCredentials | { credentials: readonly BasicCredentials[] }) & {
  /** Realm named in `WWW-Authenticate`. Default `"webhooks"`. */
  realm?: string;
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeBasic(header: string): { username: string; password: string } | undefined {
  const match = /^basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(header);
  if (!match) return undefined;
  try {
    const binary = atob(match[1]!);
    const text = utf8.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const colon = text.indexOf(":");
    if (colon < 0) return undefined;
    // The username cannot contain a colon (RFC 7617); the password may.
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
  } catch {
    return undefined;
  }
}

/**
 * HTTP Basic authentication, as senders send it when the webhook URL is
 * `https://user:pass@host/...`. Both parts are compared in constant time; a
 * failure answers 401 with `WWW-Authenticate`.
 *
 * @example
 * ```ts
 * kapost({ auth: basicAuth({ username: "kapost", password: process.env.KAPOST_PASSWORD! }) });
 * ```
 */
export function basicAuth(options: BasicAuthOptions): Authenticator {
  const list = "credentials" in options ? [...options.credentials] : [{ username: options.username, password: options.password }];
  if (list.length === 0) throw new ConfigurationError("basicAuth: at least one username/password pair is required");
  list.forEach(({ username, password }, i) => {
    if (typeof username !== "string" || username === "") throw new ConfigurationError(`basicAuth: credentials #${i + 1} has an empty username`);
    if (username.includes(":")) throw new ConfigurationError(`basicAuth: credentials #${i + 1}: a username cannot contain ":"`);
    if (typeof password !== "string" || password === "") throw new ConfigurationError(`basicAuth: credentials #${i + 1} has an empty password`);
  });
  const challenge = { "www-authenticate": `Basic realm="${(options.realm ?? "webhooks").replace(/["\\]/g, "")}", charset="UTF-8"` };
  return {
    kind: "basic",
    needsBody: false,
    secretHeaders: ["authorization"],
    verify({ headers }) {
      const header = headers.get("authorization");
      if (header === undefined) return new UnauthorizedError("credentials_missing", "Missing Authorization header", challenge);
      const given = decodeBasic(header);
      if (!given) return new UnauthorizedError("credentials_invalid", "Authorization is not valid Basic credentials", challenge);
      let ok = false;
      for (const expected of list) {
        // Evaluate both comparisons: no short-circuit on the username.
        const user = constantTimeEqual(given.username, expected.username);
        const pass = constantTimeEqual(given.password, expected.password);
        ok = (user && pass) || ok;
      }
      return ok ? undefined : new UnauthorizedError("credentials_invalid", "Wrong username or password", challenge);
    },
  };
}
