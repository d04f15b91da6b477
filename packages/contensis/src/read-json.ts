/**
 * Reading fields of JSON whose shape depends on the subscription's
 * templates, where no schema says more.
 */

/**
 * The value as an object, or undefined for anything else (arrays included).
 *
 * @example
 * ```ts
 * asRecord({ a: 1 })?.a; // 1
 * asRecord([1]);         // undefined
 * ```
 */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * A string with something in it, else undefined: Contensis renders a
 * placeholder that leads nowhere as "" in text and headers.
 *
 * @example
 * ```ts
 * nonEmptyText(" news "); // "news"
 * nonEmptyText("");       // undefined
 * ```
 */
export function nonEmptyText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}
