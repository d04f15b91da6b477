/** Headers that belong to one connection or that the HTTP client sets itself: never copied into a re-sent request. */
const NOT_RESENT = new Set([
  "host",
  "content-length",
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "accept-encoding",
]);

/**
 * The recorded headers worth sending again: everything the sender set
 * (content type, signature, vendor headers), without the hop-by-hop ones and
 * those the client computes (`Host`, `Content-Length`).
 *
 * @example
 * ```ts
 * resendableHeaders({ host: "a", "x-hook-signature": "s=", "content-length": "9" }); // { "x-hook-signature": "s=" }
 * ```
 */
export function resendableHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!NOT_RESENT.has(name)) out[name] = value;
  return out;
}
