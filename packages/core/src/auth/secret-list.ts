import { ConfigurationError } from "../errors.js";

/**
 * Normalises "one secret or a rotation list" into a non-empty list, rejecting
 * empty secrets at construction: an empty secret would accept anything.
 */
export function secretList<T extends string | Uint8Array>(value: T | readonly T[] | undefined, what: string): readonly T[] {
  const list: readonly T[] = value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];
  if (list.length === 0) throw new ConfigurationError(`${what}: at least one secret is required`);
  list.forEach((secret, i) => {
    if (typeof secret !== "string" && !(secret instanceof Uint8Array)) {
      throw new ConfigurationError(`${what}: secret #${i + 1} must be a string or Uint8Array, got ${typeof secret}`);
    }
    if (secret.length === 0) throw new ConfigurationError(`${what}: secret #${i + 1} is empty`);
  });
  return list;
}
