import type { TestDelivery } from "./test-delivery.js";

const encoder = new TextEncoder();

/** Serialises a payload once and assembles a delivery; `sign` gets the exact bytes. */
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
    headers: { "content-type": "application/json", ...auth, ...lowerCaseKeys(parts.headers ?? {}) },
    body,
    text,
    payload: parts.payload,
  };
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Headers (and query) for receiver-side credentials. */
export function authHeaders(auth: import("./test-delivery.js").TestAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if ("basic" in auth) return { authorization: `Basic ${btoa(unescape(encodeURIComponent(`${auth.basic.username}:${auth.basic.password}`)))}` };
  if ("header" in auth) return { [auth.header.name.toLowerCase()]: auth.header.value };
  return {};
}

/** The path with a query secret appended, when the credentials are a query parameter. */
export function pathWithAuth(path: string, auth: import("./test-delivery.js").TestAuth | undefined): string {
  if (!auth || !("query" in auth)) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${encodeURIComponent(auth.query.name)}=${encodeURIComponent(auth.query.value)}`;
}
