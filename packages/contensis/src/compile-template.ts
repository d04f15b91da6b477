import { z } from "zod";
import { ConfigurationError } from "@cmshooks/core";
import { contensisPointerSchema } from "./known-pointers.js";
import { hasPlaceholder, normalizeContensisTemplate, wholePlaceholder, type ContensisJson } from "./render-template.js";
import type { ContensisResourceType } from "./resource-events.js";
import { parseContensisTemplateKey } from "./subscription-schemas.js";
import { isContensisTemplatePointer } from "./template-pointer.js";
import type { ContensisTemplateValue } from "./template-types.js";

/** One template of a subscription, ready for both ends: the JSON Contensis stores and the schema the receiver checks. */
export interface CompiledContensisTemplate {
  /** `entry`, `entry.news`, `contentType`, … */
  readonly key: string;
  readonly resourceType: ContensisResourceType;
  /** Set for `resourceType.contentTypeId` keys. */
  readonly contentTypeId: string | undefined;
  /** The template as the Management API takes it (placeholders as `"{/pointer}"` strings). */
  readonly body: ContensisJson;
  /** What the receiver validates a delivery made from this template with. */
  readonly schema: z.ZodType;
}

/**
 * Compiles one template: its Management API JSON and the zod schema of what
 * it delivers (whole-value placeholders keep their type, inline ones are
 * strings, constants are literals, objects are loose).
 *
 * @example
 * ```ts
 * const t = compileContensisTemplate("entry.news", { id: "{/resource/sys/id}", headline: pointer("/resource/headline", z.string()) });
 * t.body;   // { id: "{/resource/sys/id}", headline: "{/resource/headline}" }
 * t.schema.parse({ id: "8f2c…", headline: "Budget approved" });
 * ```
 */
export function compileContensisTemplate(key: string, template: ContensisTemplateValue): CompiledContensisTemplate {
  const parsed = parseContensisTemplateKey(key);
  if (!parsed) throw new ConfigurationError(`templates.${key}: not a template key (a resource type, or entry.<contentTypeId>)`);
  return {
    key,
    resourceType: parsed.resourceType,
    contentTypeId: parsed.contentTypeId,
    body: toBody(template),
    schema: toSchema(template, parsed.resourceType),
  };
}

/**
 * Compiles a template read from the Management API (plain JSON, or JSON
 * written as a string), for subscriptions not defined in code.
 *
 * @example
 * ```ts
 * compileStoredContensisTemplate("contentType", "{/resource/}").schema; // the content type resource schema
 * ```
 */
export function compileStoredContensisTemplate(key: string, template: ContensisJson): CompiledContensisTemplate {
  return compileContensisTemplate(key, normalizeContensisTemplate(template));
}

function toBody(template: ContensisTemplateValue): ContensisJson {
  if (isContensisTemplatePointer(template)) return template.toJSON();
  if (Array.isArray(template)) return template.map(toBody);
  if (template !== null && typeof template === "object") {
    const out: Record<string, ContensisJson> = {};
    for (const [key, value] of Object.entries(template as Record<string, ContensisTemplateValue>)) out[key] = toBody(value);
    return out;
  }
  return template as ContensisJson;
}

function toSchema(template: ContensisTemplateValue, resourceType: ContensisResourceType): z.ZodType {
  if (isContensisTemplatePointer(template)) return template.schema;
  if (typeof template === "string") {
    const whole = wholePlaceholder(template);
    if (whole !== undefined) return contensisPointerSchema(whole, resourceType);
    return hasPlaceholder(template) ? z.string() : z.literal(template);
  }
  if (template === null) return z.null();
  if (typeof template === "number" || typeof template === "boolean") return z.literal(template);
  if (Array.isArray(template)) {
    const items = (template as readonly ContensisTemplateValue[]).map((item) => toSchema(item, resourceType));
    return z.tuple(items as [z.ZodType, ...z.ZodType[]]);
  }
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(template as Record<string, ContensisTemplateValue>)) shape[key] = toSchema(value, resourceType);
  return z.looseObject(shape);
}
