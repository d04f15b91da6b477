/** Anything headers can be read from: a `Headers` object or a Node-style record of lower-case names. */
export type HeadersInput =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Reads one header by lower-case name; repeated headers are joined with ", ". */
export interface HeaderReader {
  get(name: string): string | undefined;
}

class RecordHeaderReader implements HeaderReader {
  constructor(private readonly record: Readonly<Record<string, string | readonly string[] | undefined>>) {}
  get(name: string): string | undefined {
    const value = this.record[name];
    if (value === undefined) return undefined;
    // Own properties only: a value inherited from a polluted prototype is no header.
    if (!Object.hasOwn(this.record, name)) return undefined;
    if (typeof value === "string") return value;
    // Arrays are repeated headers; anything else is no header at all.
    return Array.isArray(value) ? value.join(", ") : undefined;
  }
}

class GetterHeaderReader implements HeaderReader {
  constructor(private readonly source: { get(name: string): string | null | undefined }) {}
  get(name: string): string | undefined {
    return this.source.get(name) ?? undefined;
  }
}

/**
 * Wraps whatever headers an adapter has into one reader.
 *
 * @example
 * ```ts
 * toHeaderReader(request.headers).get("x-hook-signature");
 * toHeaderReader(req.headers).get("content-type"); // Node IncomingHttpHeaders
 * ```
 */
export function toHeaderReader(headers: HeadersInput): HeaderReader {
  return typeof (headers as { get?: unknown }).get === "function"
    ? new GetterHeaderReader(headers as { get(name: string): string | null | undefined })
    : new RecordHeaderReader(headers as Readonly<Record<string, string | readonly string[] | undefined>>);
}
