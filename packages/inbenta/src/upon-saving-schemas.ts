/**
 * Inbenta's second webhook, the "webhook upon saving" (developers.inbenta.io,
 * Knowledge > Editor API > Webhook upon saving): sent every time a content is
 * published to "Editing", configured in the same Settings > General Settings
 * screen as webhook transactions. Its body has `action` where transactions
 * have `trigger`: `{ action: "add" | "edit", date, content, currentContent }`.
 */
import { openObject } from "@cmshooks/core";
import { z } from "zod";
import { inbentaAttributeSchema } from "./schemas.js";

const id = z.number().int();

/**
 * `content`: the saved content in a compact form: attribute values by user
 * type name and attribute name (a string, or a list when the attribute has
 * several), and category names by id.
 *
 * @example
 * ```ts
 * inbentaSavedContentSchema.parse({ id: 1290, title: "Reset a password", userTypes: { Default: { ANSWER_TEXT: "<p>…</p>" } }, categories: { "14": "Accounts" } });
 * ```
 */
export const inbentaSavedContentSchema = openObject({
  id,
  title: z.string().optional(),
  userTypes: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))).optional(),
  categories: z.record(z.string(), z.string()).optional(),
});
/** `content` of a "webhook upon saving" delivery (see {@link inbentaSavedContentSchema}). */
export type InbentaSavedContent = z.output<typeof inbentaSavedContentSchema>;

/**
 * One user type of `currentContent`, with its attributes in full.
 *
 * @example
 * ```ts
 * inbentaSavedUserTypeSchema.parse({ id: 0, name: "Default", active: true, attributes: [] });
 * ```
 */
export const inbentaSavedUserTypeSchema = openObject({
  id,
  name: z.string().optional(),
  active: z.boolean().optional(),
  attributes: z.array(inbentaAttributeSchema).optional(),
  publicationDate: z.string().nullable().optional(),
  expirationDate: z.string().nullable().optional(),
});

/**
 * `currentContent`: the content as stored after the save, in the Editor
 * API's full form. `status` is documented as 1 or 2 (any integer is accepted).
 *
 * @example
 * ```ts
 * inbentaCurrentContentSchema.parse({ id: 1290, status: 1, title: "Reset a password", categories: [14] });
 * ```
 */
export const inbentaCurrentContentSchema = openObject({
  id,
  status: id.optional(),
  title: z.string().optional(),
  categories: z.array(id).optional(),
  userTypes: z.array(inbentaSavedUserTypeSchema).optional(),
});
/** `currentContent` of a "webhook upon saving" delivery (see {@link inbentaCurrentContentSchema}). */
export type InbentaCurrentContent = z.output<typeof inbentaCurrentContentSchema>;

/**
 * The envelope of a "webhook upon saving" delivery: `action` names the event.
 *
 * @example
 * ```ts
 * inbentaSavingEnvelopeSchema.parse(body).action; // "add"
 * ```
 */
export const inbentaSavingEnvelopeSchema = z.looseObject({ action: z.string().min(1) });

/**
 * A "webhook upon saving" delivery of one action. `date` is documented as a
 * "timestamp": an ISO string or epoch seconds are both accepted.
 *
 * @example
 * ```ts
 * inbentaSavedSchema("edit").parse(body).currentContent.title;
 * ```
 */
export function inbentaSavedSchema<const A extends "add" | "edit">(action: A) {
  return openObject({
    action: z.literal(action),
    date: z.union([z.string().min(1), z.number()]),
    content: inbentaSavedContentSchema,
    currentContent: inbentaCurrentContentSchema,
  });
}
