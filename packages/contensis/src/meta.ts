import type { HeaderReader } from "@cmshooks/core";
import { nonEmptyText } from "./read-json.js";
import { hasPlaceholder } from "./render-template.js";
import { CONTENSIS_ROUTING_HEADERS, type ContensisRoutingField } from "./routing-headers.js";

/**
 * What a delivery's headers say, read once per delivery: the routing headers
 * a typed subscription adds, and the subscription's own non-secret headers
 * (templated ones rendered by Contensis, e.g. `department`). An empty header
 * (a placeholder that led nowhere) reads as `undefined`, and so does one that
 * still holds a placeholder (Contensis left it unrendered): routing then
 * falls back to the body.
 */
export type ContensisMeta<H extends string = never> = { readonly [K in ContensisRoutingField]: string | undefined } & {
  /** The subscription's own non-secret headers, by the name it gives them. */
  readonly headers: { readonly [K in H]: string | undefined };
};

/** A header's value, unless it is empty or still a template. */
function renderedText(value: string | undefined): string | undefined {
  const text = nonEmptyText(value);
  return text === undefined || hasPlaceholder(text) ? undefined : text;
}

const routing = Object.entries(CONTENSIS_ROUTING_HEADERS) as [ContensisRoutingField, { name: string }][];

/**
 * Builds the `readMeta` of a provider for the given subscription header names.
 *
 * @example
 * ```ts
 * const readMeta = contensisMetaReader(["department"]);
 * readMeta(headers).headers.department; // "Marketing"
 * ```
 */
export function contensisMetaReader<H extends string>(headerNames: readonly H[]): (headers: HeaderReader) => ContensisMeta<H> {
  const lower = headerNames.map((name) => [name, name.toLowerCase()] as const);
  return (reader) => {
    const meta: Record<string, unknown> = {};
    for (const [field, { name }] of routing) meta[field] = renderedText(reader.get(name));
    const headers: Record<string, string | undefined> = {};
    for (const [name, key] of lower) headers[name] = renderedText(reader.get(key));
    meta.headers = headers;
    return meta as ContensisMeta<H>;
  };
}
