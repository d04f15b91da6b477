import type { z } from "zod";
import { resolveContensisPointer } from "./json-pointer.js";

/** A JSON value: what a template renders to. */
export type ContensisJson = z.core.util.JSONType;

const WHOLE_PLACEHOLDER = /^\{(\/[^{}]*)\}$/;
/**
 * Both placeholder syntaxes Contensis' own material uses: `{/json/pointer}`
 * (the subscription API page) and Scriban's `{{event.id}}`, optionally with a
 * filter (`{{event.dateTime | date.to_string '…'}}`: the docs' default payload
 * template and the vendor's client test). Group 1 is a pointer, group 2 a dotted path.
 */
const INLINE_PLACEHOLDER = /\{(\/[^{}]*)\}|\{\{\s*([A-Za-z_$][\w$]*(?:\.[\w$]+)*)\s*(?:\|[^{}]*)?\}\}/g;
const ANY_PLACEHOLDER = new RegExp(INLINE_PLACEHOLDER.source);

/** The pointer a placeholder match names: `{/a/b}` → `/a/b`, `{{a.b}}` → `/a/b`. */
function pointerOf(pointer: string | undefined, dotted: string | undefined): string {
  return pointer ?? `/${dotted!.split(".").join("/")}`;
}

/**
 * The pointer of a string that is exactly one `{/pointer}` placeholder
 * (`"{/resource/}"`), else undefined. Scriban placeholders (`{{…}}`) always
 * print text, so they are never whole values.
 *
 * @example
 * ```ts
 * wholePlaceholder("{/event/name}");        // "/event/name"
 * wholePlaceholder("{{event.name}}");       // undefined: text
 * wholePlaceholder("{/user/a} {/user/b}");  // undefined
 * ```
 */
export function wholePlaceholder(value: string): string | undefined {
  return WHOLE_PLACEHOLDER.exec(value)?.[1];
}

/**
 * True when a string contains at least one placeholder, in either syntax
 * (`{/resource/sys/id}` or `{{resource.sys.id}}`). A header that still holds
 * one arrived unrendered.
 *
 * @example
 * ```ts
 * hasPlaceholder("https://example.com/{/resource/sys/id}"); // true
 * hasPlaceholder("{{event.name}}");                         // true
 * ```
 */
export function hasPlaceholder(value: string): boolean {
  return ANY_PLACEHOLDER.test(value);
}

/**
 * A template as the Management API may hold it: a JSON value, or (as the
 * subscription resource in Contensis' docs shows) that JSON written as a
 * string. A string that is a placeholder or plain text stays a string template.
 *
 * @example
 * ```ts
 * normalizeContensisTemplate('{"id": "{/resource/sys/id}"}'); // { id: "{/resource/sys/id}" }
 * normalizeContensisTemplate("{/resource/}");                 // "{/resource/}"
 * ```
 */
export function normalizeContensisTemplate(template: ContensisJson): ContensisJson {
  if (typeof template !== "string" || wholePlaceholder(template) !== undefined) return template;
  const trimmed = template.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return template;
  try {
    return JSON.parse(trimmed) as ContensisJson;
  } catch {
    return template;
  }
}

/**
 * Replaces every placeholder in a string (a URL, a header value), in either
 * syntax, with the text of what it points to: strings as they are, numbers and booleans
 * printed, objects as JSON, and nothing for a pointer that leads nowhere.
 *
 * @example
 * ```ts
 * renderContensisString("{/user/firstName} {/user/lastName}", { user: { firstName: "Tyler", lastName: "Durden" } }); // "Tyler Durden"
 * renderContensisString("{{user.firstName}} {{user.lastName}}", { user: { firstName: "Tyler", lastName: "Durden" } }); // "Tyler Durden"
 * ```
 */
export function renderContensisString(text: string, context: unknown): string {
  return text.replace(INLINE_PLACEHOLDER, (_, pointer: string | undefined, dotted: string | undefined) =>
    toText(resolveContensisPointer(context, pointerOf(pointer, dotted))),
  );
}

/**
 * Renders a template against an event context as Contensis does: a string
 * that is exactly one placeholder becomes the value it points to, keeping its
 * JSON type (`"{/resource/}"` is the whole resource; a pointer that leads
 * nowhere gives `null`); placeholders inside a longer string are interpolated
 * as text; objects and arrays are rendered member by member. A template written
 * as a JSON string is parsed first.
 *
 * @example
 * ```ts
 * renderContensisTemplate({ id: "{/resource/sys/id}", user: "{/user/firstName} {/user/lastName}" }, context);
 * // { id: "8f2c…", user: "Tyler Durden" }
 * ```
 */
export function renderContensisTemplate(template: ContensisJson, context: unknown): ContensisJson {
  return render(normalizeContensisTemplate(template), context);
}

function render(template: ContensisJson, context: unknown): ContensisJson {
  if (typeof template === "string") {
    const pointer = wholePlaceholder(template);
    if (pointer !== undefined) return toJson(resolveContensisPointer(context, pointer));
    return renderContensisString(template, context);
  }
  if (Array.isArray(template)) return template.map((item) => render(item, context));
  if (template !== null && typeof template === "object") {
    const out: Record<string, ContensisJson> = {};
    for (const [key, value] of Object.entries(template)) out[key] = render(value, context);
    return out;
  }
  return template;
}

function toJson(value: unknown): ContensisJson {
  return value === undefined ? null : (value as ContensisJson);
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
