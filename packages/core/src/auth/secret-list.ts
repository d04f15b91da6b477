import { ConfigurationError } from "../errors.js";

/**
 * Normalises "one secret or a rotation list" into a non-empty list, rejecting
 * empty secrets at construction: an empty secret would accept anything.
 */
export function secretList<T extends string | Uint8Array>(value: T | readonly T[] | undefined, what: string, setting?: string): readonly T[] {
  const list: readonly T[] = value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];
  // With the user's own setting named ("kontent: `secret`"), errors point at what they wrote rather than at our internals.
  const name = (i: number) => (setting ? `${setting}${list.length > 1 ? ` #${i + 1}` : ""}` : `${what}: secret #${i + 1}`);
  if (list.length === 0) throw new ConfigurationError(setting ? `${setting} is required` : `${what}: at least one secret is required`);
  list.forEach((secret, i) => {
    if (typeof secret !== "string" && !(secret instanceof Uint8Array)) {
      throw new ConfigurationError(`${name(i)} must be a string or Uint8Array, got ${typeof secret}`);
    }
    if (secret.length === 0) throw new ConfigurationError(`${name(i)} is empty`);
  });
  return list;
}
