/**
 * Checks that `__proto__` / `constructor.prototype` keys in a payload did not
 * pollute a shared prototype, nor change the prototype of the objects a
 * handler receives.
 */

const BUILTIN_PROTOTYPES: readonly (readonly [string, object])[] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
];

const baseline = new Map(BUILTIN_PROTOTYPES.map(([name, proto]) => [name, new Set(Reflect.ownKeys(proto))]));

/** Names of properties added to a built-in prototype since this module loaded (empty when clean). */
export function pollutedPrototypes(): string[] {
  const found: string[] = [];
  for (const [name, proto] of BUILTIN_PROTOTYPES) {
    const before = baseline.get(name)!;
    for (const key of Reflect.ownKeys(proto)) if (!before.has(key)) found.push(`${name}.${String(key)}`);
  }
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || probe.isAdmin !== undefined) found.push("({}).polluted / ({}).isAdmin");
  return found;
}

/**
 * Paths inside a value where an object's prototype is not the plain one
 * (`Object.prototype` / `Array.prototype`), or where an inherited `polluted`
 * property shows through. Walks iteratively, so deep payloads are fine.
 */
export function foreignPrototypes(value: unknown, limit = 50_000): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, "$"]];
  let visited = 0;
  while (stack.length && visited++ < limit) {
    const [v, path] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    const proto = Object.getPrototypeOf(v) as unknown;
    const plain = Array.isArray(v) ? proto === Array.prototype : proto === Object.prototype || proto === null;
    if (!plain && !(v instanceof Date)) found.push(`${path} has prototype ${describe(proto)}`);
    if ("polluted" in v && !Object.hasOwn(v, "polluted")) found.push(`${path}.polluted is inherited`);
    for (const [k, child] of Object.entries(v)) stack.push([child, `${path}.${k}`]);
  }
  return found;
}

function describe(proto: unknown): string {
  if (proto === null) return "null";
  try {
    return JSON.stringify(proto)?.slice(0, 60) ?? String(proto);
  } catch {
    return Object.prototype.toString.call(proto);
  }
}
