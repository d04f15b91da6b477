import type { TestAuth, TestDelivery } from "./test-delivery.js";

const encoder = new TextEncoder();

/**
 * Serialises a payload once and assembles a delivery; `sign` gets the exact
 * bytes that will be sent. Vendor kits build every delivery with it.
 *
 * @example
 * ```ts
 * const delivery = await makeDelivery({
 *   vendor: "blox",
 *   event: "editorial.update_asset",
 *   payload,
 *   path: "/hooks/blox",
 *   sign: async (body) => ({ "x-hook-signature": await signBlox(body, secret) }),
 * });
 * ```
 */
export async function makeDelivery<K extends string, P>(parts: {
  vendor: string;
  event: K;
  payload: P;
  path: string;
  method?: string;
  headers?: Readonly<Record<string, string>>;
  /** Authentication headers for the exact body bytes. */
  sign: (body: Uint8Array) => Promise<Record<string, string>>;
  /** Serialisation; default compact JSON. */
  serialise?: (payload: P) => string;
}): Promise<TestDelivery<K, P>> {
  const text = parts.serialise ? parts.serialise(parts.payload) : JSON.stringify(parts.payload);
  const body = encoder.encode(text);
  const auth = await parts.sign(body);
  return {
    vendor: parts.vendor,
    event: parts.event,
    method: parts.method ?? "POST",
    path: parts.path,
    headers: { "content-type": "application/json", ...lowerCaseKeys(auth), ...lowerCaseKeys(parts.headers ?? {}) },
    body,
    text,
    payload: parts.payload,
  };
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Base64 of the UTF-8 bytes of a string (`btoa` alone only takes Latin-1). */
function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The headers that carry receiver-side credentials: `authorization` for basic
 * auth, the named header for a secret header, nothing for a query secret
 * (see {@link pathWithAuth}).
 *
 * @example
 * ```ts
 * authHeaders({ basic: { username: "cms", password: "pa55" } }); // { authorization: "Basic Y21zOnBhNTU=" }
 * ```
 */
export function authHeaders(auth: TestAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if ("basic" in auth) return { authorization: `Basic ${base64Utf8(`${auth.basic.username}:${auth.basic.password}`)}` };
  if ("header" in auth) return { [auth.header.name.toLowerCase()]: auth.header.value };
  return {};
}

/**
 * The path with a query secret appended, when the credentials are a query
 * parameter; else the path unchanged.
 *
 * @example
 * ```ts
 * pathWithAuth("/hooks/inbenta", { query: { name: "token", value: "t0k3n" } }); // "/hooks/inbenta?token=t0k3n"
 * ```
 */
export function pathWithAuth(path: string, auth: TestAuth | undefined): string {
  if (!auth || !("query" in auth)) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${encodeURIComponent(auth.query.name)}=${encodeURIComponent(auth.query.value)}`;
}
