import { ConfigurationError } from "@cmshooks/core";
import { z } from "zod";
import { kontentApiNameSchema, kontentLegacyOperationSchema, kontentLegacyTypeSchema, type KontentApiName, type KontentLegacyOperation, type KontentLegacyType } from "./legacy-schemas.js";
import type { KontentMeta } from "./meta.js";

/**
 * Which legacy notifications the app wants. Each list that is given must
 * contain the notification's value; the others do not filter.
 */
export interface KontentAcceptFilter {
  /** `X-KC-Message-Api-Name` / `message.api_name`, e.g. `["delivery_production"]` to ignore preview and management traffic. */
  apiName?: readonly KontentApiName[];
  /** `X-KC-Message-Type` / `message.type`, e.g. `["content_item_variant", "taxonomy"]`. */
  type?: readonly KontentLegacyType[];
  /** `X-KC-Message-Operation` / `message.operation`, e.g. `["publish", "unpublish"]`. */
  operation?: readonly KontentLegacyOperation[];
}

/** A compiled {@link KontentAcceptFilter}: one check for the headers (before parsing), one for the parsed `message`. */
export interface KontentAcceptCheck {
  /** False when a header names a value the app does not want; an absent header does not filter. */
  headers(meta: KontentMeta): boolean;
  /** The same test on the body's `message`, which wins over the headers. */
  message(message: Readonly<Record<string, unknown>>): boolean;
}

const filterSchema = z.strictObject({
  apiName: z.array(kontentApiNameSchema).min(1, "apiName: list at least one API, or leave it out").optional(),
  type: z.array(kontentLegacyTypeSchema).min(1, "type: list at least one type, or leave it out").optional(),
  operation: z.array(kontentLegacyOperationSchema).min(1, "operation: list at least one operation, or leave it out").optional(),
});

/**
 * Validates the filter once, at construction, and prepares its sets.
 *
 * @example
 * ```ts
 * const check = compileKontentAccept({ apiName: ["delivery_production"] });
 * check.headers(readKontentMeta(headers)); // false for a delivery_preview notification
 * ```
 */
export function compileKontentAccept(filter: KontentAcceptFilter): KontentAcceptCheck {
  const parsed = filterSchema.safeParse(filter);
  if (!parsed.success) {
    throw new ConfigurationError(`kontent({ accept }): ${parsed.error.issues.map((i) => `${i.path.join(".") || "accept"}: ${i.message}`).join("; ")}`);
  }
  const rules: (readonly [keyof KontentMeta, string, ReadonlySet<string>])[] = [];
  if (parsed.data.apiName) rules.push(["apiName", "api_name", new Set(parsed.data.apiName)]);
  if (parsed.data.type) rules.push(["type", "type", new Set(parsed.data.type)]);
  if (parsed.data.operation) rules.push(["operation", "operation", new Set(parsed.data.operation)]);
  return {
    headers: (meta) =>
      rules.every(([field, , allowed]) => {
        const value = meta[field];
        return value === undefined || allowed.has(value);
      }),
    message: (message) =>
      rules.every(([, field, allowed]) => {
        const value = message[field];
        // A missing or malformed field is the schema's to reject (422), not the filter's to hide.
        return typeof value !== "string" || allowed.has(value);
      }),
  };
}
