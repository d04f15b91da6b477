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

/** Structural equality of JSON values: arrays in order, objects by key whatever their order. Iterative: payloads may nest deeper than the stack. */
function sameJson(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [left, right] = pair;
    if (left === right) continue;
    if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
    if (Array.isArray(left) || Array.isArray(right)) {
      if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
      for (let i = 0; i < left.length; i++) pending.push([left[i], right[i]]);
      continue;
    }
    const l = left as Record<string, unknown>;
    const r = right as Record<string, unknown>;
    const keys = Object.keys(l);
    if (keys.length !== Object.keys(r).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(r, key)) return false;
      pending.push([l[key], r[key]]);
    }
  }
  return true;
}
