import type { z } from "zod";
import type { ContensisPointerValue } from "./known-pointers.js";
import type { ContensisResourceType } from "./resource-events.js";
import type { ContensisTemplatePointer, ContensisTemplatePointerBase, POINTER } from "./template-pointer.js";

/**
 * A template as you write it in a typed subscription: JSON whose strings may
 * hold `{/pointer}` placeholders, plus {@link ContensisTemplatePointer}s made
 * with `pointer(path, schema)`.
 */
export type ContensisTemplateValue =
  | string
  | number
  | boolean
  | null
  | ContensisTemplatePointerBase
  | readonly ContensisTemplateValue[]
  // Never a pointer: a pointer fails this member on its brand, before its schema is compared with JSON.
  | { readonly [key: string]: ContensisTemplateValue; readonly [POINTER]?: never };

/**
 * What a string in a template delivers: a whole-value placeholder keeps the
 * type of what it points to, a string with placeholders inside is a string,
 * a string without placeholders is itself.
 */
export type RenderedTemplateString<S extends string, R extends ContensisResourceType> = S extends `{/${infer P}}`
  ? P extends `${string}{${string}` | `${string}}${string}`
    ? string
    : ContensisPointerValue<`/${P}`, R>
  : S extends `${string}{/${string}}${string}` | `${string}{{${string}}}${string}`
    ? string
    : S;

/**
 * The payload a template delivers for resource type `R`: the type the
 * receiver's schema for that template outputs.
 *
 * @example
 * ```ts
 * type News = RenderedTemplate<{ id: "{/resource/sys/id}"; user: "{/user/firstName} {/user/lastName}" }, "entry">;
 * // { id: string; user: string }
 * ```
 */
export type RenderedTemplate<T, R extends ContensisResourceType> =
  T extends ContensisTemplatePointer<infer S>
    ? z.output<S>
    : T extends string
      ? RenderedTemplateString<T, R>
      : T extends number | boolean | null
        ? T
        : T extends readonly unknown[]
          ? { -readonly [I in keyof T]: RenderedTemplate<T[I], R> }
          : { -readonly [K in keyof T]: RenderedTemplate<T[K], R> };
