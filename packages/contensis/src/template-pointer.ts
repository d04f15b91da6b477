import { ConfigurationError } from "@cmshooks/core";
import type { z } from "zod";

/** The brand of a template pointer; the JSON objects of a `ContensisTemplateValue` never carry it. */
export const POINTER: unique symbol = Symbol.for("cmshooks.contensis.template-pointer");

/**
 * A template pointer without its schema's type: what a template may hold. (Checking a
 * template against it never compares zod schemas, which is costly for the compiler.)
 */
export interface ContensisTemplatePointerBase {
  readonly [POINTER]: true;
  readonly pointer: string;
  /** The placeholder as Contensis reads it: `"{/resource/headline}"`. */
  toJSON(): string;
}

/**
 * A whole-value placeholder with the schema of what it delivers. In the
 * Management API body it is written `"{/pointer}"` (also by `JSON.stringify`).
 */
export interface ContensisTemplatePointer<S extends z.ZodType = z.ZodType> extends ContensisTemplatePointerBase {
  readonly schema: S;
}

/**
 * A placeholder whose value you know the type of: in a template,
 * `pointer("/resource/headline", z.string())` sends `"{/resource/headline}"`
 * to Contensis and types (and validates) the delivered field as a string.
 * Write placeholders as plain strings where the default typing is enough.
 *
 * @example
 * ```ts
 * templates: {
 *   "entry.news": {
 *     id: "{/resource/sys/id}",                              // string
 *     headline: pointer("/resource/headline", z.string()),   // string, checked
 *     wordCount: pointer("/resource/wordCount", z.number()), // number, checked
 *   },
 * }
 * ```
 */
export function pointer<S extends z.ZodType>(path: `/${string}`, schema: S): ContensisTemplatePointer<S> {
  if (typeof path !== "string" || !path.startsWith("/") || /[{}]/.test(path)) {
    throw new ConfigurationError(`pointer: "${String(path)}" is not a JSON pointer (it starts with "/" and has no braces)`);
  }
  if (!schema || typeof (schema as { safeParse?: unknown }).safeParse !== "function") {
    throw new ConfigurationError(`pointer("${path}"): the second argument must be a zod schema`);
  }
  const placeholder = `{${path}}`;
  return { [POINTER]: true, pointer: path, schema, toJSON: () => placeholder };
}

/**
 * True for a value made by {@link pointer}.
 *
 * @example
 * ```ts
 * isContensisTemplatePointer(pointer("/resource/headline", z.string())); // true
 * ```
 */
export function isContensisTemplatePointer(value: unknown): value is ContensisTemplatePointer {
  return typeof value === "object" && value !== null && (value as { [POINTER]?: unknown })[POINTER] === true;
}
