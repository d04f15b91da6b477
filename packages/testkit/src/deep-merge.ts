/**
 * Merges `overrides` into `base`: deeply for plain objects; arrays and other
 * values are replaced. Neither input is modified.
 *
 * @example
 * ```ts
 * deepMerge({ data: { title: "A", revision: 1 } }, { data: { title: "B" } }); // { data: { title: "B", revision: 1 } }
 * ```
 */
export function deepMerge<T>(base: T, overrides: unknown): T {
  if (overrides === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(overrides)) return overrides as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    out[key] = deepMerge(out[key], value);
  }
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
