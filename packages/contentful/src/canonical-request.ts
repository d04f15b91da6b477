/**
 * The headers Contentful's request verification adds to a signed request.
 *
 * @example
 * ```ts
 * request.headers.get(CONTENTFUL_SIGNATURE_HEADERS.signature); // 64 hex characters
 * ```
 */
export const CONTENTFUL_SIGNATURE_HEADERS = {
  signature: "x-contentful-signature",
  signedHeaders: "x-contentful-signed-headers",
  timestamp: "x-contentful-timestamp",
} as const;

/** A request as Contentful signs it: method, path (with query), headers by lower-case name, raw body. */
export interface ContentfulCanonicalRequest {
  readonly method: string;
  /** The request target, e.g. `/hooks/contentful?tenant=a` (a full URL's origin is dropped). */
  readonly path: string;
  /** Lower-case name → value of every header that is signed (the others are ignored). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * The path as Contentful's request verification signs it (node-apps-toolkit
 * `getNormalizedEncodedURI`): the query escaped as a whole, then the result
 * passed through `encodeURI`. A full URL's origin is dropped first.
 *
 * @example
 * ```ts
 * contentfulCanonicalPath("/hooks/contentful?a=1&b=2"); // "/hooks/contentful?a%253D1%2526b%253D2"
 * ```
 */
export function contentfulCanonicalPath(target: string): string {
  const path = target.replace(ABSOLUTE, "") || "/";
  const [pathname = "", search] = path.split("?");
  const escaped = search ? encodeURIComponent(search) : "";
  return encodeURI(escaped ? `${pathname}?${escaped}` : pathname);
}

const encoder = new TextEncoder();

/**
 * The exact bytes Contentful signs for a request, given which headers it
 * signed and when: `METHOD\npath\nname:value;…\nbody`. The signed headers are
 * the listed ones present in the request plus `x-contentful-signed-headers`
 * and `x-contentful-timestamp` (which the list names itself), sorted by name.
 *
 * @example
 * ```ts
 * const bytes = contentfulSignedBytes({ method: "POST", path: "/hooks/contentful", headers, body }, ["x-contentful-topic"], 1700000000000);
 * ```
 */
export function contentfulSignedBytes(request: ContentfulCanonicalRequest, signedHeaderNames: readonly string[], timestamp: number): Uint8Array {
  const picked = new Map<string, string>();
  for (const raw of signedHeaderNames) {
    const name = raw.trim().toLowerCase();
    const value = request.headers[name];
    if (name && value !== undefined) picked.set(name, value.trim());
  }
  picked.delete(CONTENTFUL_SIGNATURE_HEADERS.signedHeaders);
  picked.delete(CONTENTFUL_SIGNATURE_HEADERS.timestamp);
  const names = [...picked.keys(), CONTENTFUL_SIGNATURE_HEADERS.signedHeaders, CONTENTFUL_SIGNATURE_HEADERS.timestamp].sort(byName);
  const values = new Map(picked);
  values.set(CONTENTFUL_SIGNATURE_HEADERS.signedHeaders, names.join(","));
  values.set(CONTENTFUL_SIGNATURE_HEADERS.timestamp, String(timestamp));
  const headerLine = names.map((name) => `${name}:${values.get(name)}`).join(";");
  const head = encoder.encode(`${request.method.toUpperCase()}\n${contentfulCanonicalPath(request.path)}\n${headerLine}\n`);
  const bytes = new Uint8Array(head.length + request.body.length);
  bytes.set(head);
  bytes.set(request.body, head.length);
  return bytes;
}

function byName(a: string, b: string): number {
  return a > b ? 1 : -1;
}
