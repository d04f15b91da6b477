import type { z } from "zod";
import { didYouMean } from "./did-you-mean.js";
import { UsageError } from "./usage-error.js";

type Def = { readonly type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The object shapes a value at this schema may take (through optional, nullable, unions, pipes, …); `undefined` when any key goes (records, unknown). */
function shapesOf(schema: unknown, seen = new Set<unknown>()): Record<string, unknown>[] | undefined {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return [def.shape as Record<string, unknown>];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return shapesOf(def.innerType, seen);
    case "pipe":
      return shapesOf(def.in, seen);
    case "lazy":
      return shapesOf((def.getter as () => unknown)(), seen);
    case "union": {
      const all: Record<string, unknown>[] = [];
      for (const option of def.options as unknown[]) {
        const shapes = shapesOf(option, seen);
        if (shapes === undefined) return undefined;
        all.push(...shapes);
      }
      return all;
    }
    case "intersection": {
      const left = shapesOf(def.left, seen);
      const right = shapesOf(def.right, seen);
      return left === undefined || right === undefined ? undefined : [...left, ...right];
    }
    case "record":
    case "unknown":
    case "any":
      return undefined;
    default:
      return [];
  }
}

/** The element schema of an array schema (through wrappers), if it is one. */
function elementOf(schema: unknown): unknown {
  const def = defOf(schema);
  if (def.type === "array") return def.element;
  if (["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"].includes(def.type)) return elementOf(def.innerType);
  if (def.type === "pipe") return elementOf(def.in);
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks every key of an `--override` against the event's schema, so a typo
 * (`data.titel`) is a usage error with the closest documented names rather
 * than an extra field the receiver silently ignores.
 *
 * @example
 * ```ts
 * checkOverrideKeys({ data: { titel: "x" } }, schema, "blox editorial.update_asset"); // throws: did you mean "data.title"?
 * ```
 */
export function checkOverrideKeys(override: unknown, schema: z.ZodType, what: string, path: readonly string[] = []): void {
  if (Array.isArray(override)) {
    const element = elementOf(schema);
    if (element !== undefined) override.forEach((item, i) => checkOverrideKeys(item, element as z.ZodType, what, [...path, String(i)]));
    return;
  }
  if (!isRecord(override)) return;
  const shapes = shapesOf(schema);
  if (shapes === undefined || shapes.length === 0) return;
  for (const [key, value] of Object.entries(override)) {
    const fields = shapes.filter((shape) => Object.hasOwn(shape, key)).map((shape) => shape[key]);
    if (fields.length === 0) {
      const known = [...new Set(shapes.flatMap((shape) => Object.keys(shape)))];
      const where = [...path, key].join(".");
      const suggestion = didYouMean(key, known).replace(/"([^"]+)"/g, (_, name: string) => `"${[...path, name].join(".")}"`);
      throw new UsageError(`--override: "${where}" is not a field of ${what}.${suggestion || ` Its fields${path.length ? ` at ${path.join(".")}` : ""}: ${known.join(", ")}`}`);
    }
    // In a union the value needs to fit one of the options that have this key.
    let firstError: unknown;
    const fits = fields.some((field) => {
      try {
        checkOverrideKeys(value, field as z.ZodType, what, [...path, key]);
        return true;
      } catch (error) {
        firstError ??= error;
        return false;
      }
    });
    if (!fits) throw firstError;
  }
}
