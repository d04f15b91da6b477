import { z } from "zod";
import type { ContensisJson } from "./render-template.js";
import { contensisResourceSchemas, type ContensisResource } from "./resource-schemas.js";
import type { ContensisResourceType } from "./resource-events.js";

/**
 * Placeholders this package types as strings without being told: the event
 * fields of Contensis' default payload template.
 *
 * @example
 * ```ts
 * CONTENSIS_EVENT_POINTERS.includes("/event/name"); // true
 * ```
 */
export const CONTENSIS_EVENT_POINTERS = ["/event/id", "/event/name", "/event/subscriptionId", "/event/resourceId", "/event/dateTime"] as const;

/**
 * Entry and asset fields every entry has, typed as strings in entry and asset templates.
 *
 * @example
 * ```ts
 * CONTENSIS_ENTRY_POINTERS.includes("/resource/sys/id"); // true
 * ```
 */
export const CONTENSIS_ENTRY_POINTERS = [
  "/resource/sys/id",
  "/resource/sys/projectId",
  "/resource/sys/contentTypeId",
  "/resource/sys/language",
  "/resource/entryTitle",
] as const;

/**
 * Fields that may be missing (an API key has no name; some resources no URL): `string | null`.
 *
 * @example
 * ```ts
 * CONTENSIS_NULLABLE_POINTERS.includes("/user/firstName"); // true
 * ```
 */
export const CONTENSIS_NULLABLE_POINTERS = ["/user/username", "/user/firstName", "/user/lastName", "/event/resourceUrl"] as const;

type EventPointer = (typeof CONTENSIS_EVENT_POINTERS)[number];
type EntryPointer = (typeof CONTENSIS_ENTRY_POINTERS)[number];
type NullablePointer = (typeof CONTENSIS_NULLABLE_POINTERS)[number];

/**
 * The type a whole-value placeholder delivers in a template of resource type
 * `R`: the whole resource for `/resource/`, a string or `string | null` for
 * the pointers above, any JSON value otherwise (use `pointer(path, schema)` to say more).
 */
export type ContensisPointerValue<P extends string, R extends ContensisResourceType> = P extends "/resource" | "/resource/"
  ? ContensisResource<R>
  : P extends EventPointer
    ? string
    : P extends EntryPointer
      ? R extends "entry" | "asset"
        ? string
        : ContensisJson
      : P extends NullablePointer
        ? string | null
        : ContensisJson;

const eventPointers = new Set<string>(CONTENSIS_EVENT_POINTERS);
const entryPointers = new Set<string>(CONTENSIS_ENTRY_POINTERS);
const nullablePointers = new Set<string>(CONTENSIS_NULLABLE_POINTERS);

/**
 * The runtime schema matching {@link ContensisPointerValue}.
 *
 * @example
 * ```ts
 * contensisPointerSchema("/event/name", "entry"); // z.string()
 * ```
 */
export function contensisPointerSchema(pointer: string, resourceType: ContensisResourceType): z.ZodType {
  if (pointer === "/resource" || pointer === "/resource/") return contensisResourceSchemas[resourceType];
  if (eventPointers.has(pointer)) return z.string();
  if (entryPointers.has(pointer) && (resourceType === "entry" || resourceType === "asset")) return z.string();
  if (nullablePointers.has(pointer)) return z.string().nullable();
  return z.json();
}
