/**
 * Names of the fields an edit changed: every field of `data` whose value
 * differs (structurally) from `previous`, in `data`'s order, except those in
 * `ignore`. An edit sends only changed fields, so a field missing from `data`
 * did not change, and without `previous` every field sent counts as changed.
 *
 * @example
 * ```ts
 * changedFields({ title: "New", isActive: true }, { title: "Old", isActive: true }); // ["title"]
 * ```
 */
export function changedFields(
  data: Readonly<Record<string, unknown>>,
  previous: Readonly<Record<string, unknown>> | undefined,
  ignore: ReadonlySet<string> = new Set(),
): string[] {
  return Object.keys(data).filter(
    (key) => !ignore.has(key) && (!previous || !Object.hasOwn(previous, key) || !sameJson(data[key], previous[key])),
  );
}

/** Structural equality of JSON values: arrays in order, objects by key whatever their order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}
