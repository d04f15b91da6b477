export { inbenta, inbentaOutboundIps, type InbentaOptions, type InbentaProvider } from "./provider.js";
export { inbentaEvents, type InbentaEventName } from "./events.js";
export { inbentaEventName } from "./event-name.js";
export { changedFields } from "./changed-fields.js";
export { inbentaSamples } from "./samples.js";
export * from "./schemas.js";
export * from "./upon-saving-schemas.js";
import {
  inbentaAttributeObjectSchema,
  inbentaAttributeSchema,
  inbentaAttributesSchema,
  inbentaCategoryDataSchema,
  inbentaChangeContentStatusSchema,
  inbentaContentDataSchema,
  inbentaCreateCategorySchema,
  inbentaCreateContentSchema,
  inbentaDecisionTreeSchema,
  inbentaDeleteContentSchema,
  inbentaEditCategorySchema,
  inbentaEditContentSchema,
  inbentaEnvelopeSchema,
  inbentaMoveSchema,
  inbentaRemoveCategorySchema,
  inbentaUserTypeSchema,
} from "./schemas.js";
import { inbentaCurrentContentSchema, inbentaSavedContentSchema, inbentaSavedSchema, inbentaSavingEnvelopeSchema } from "./upon-saving-schemas.js";

/**
 * All Inbenta zod schemas in one object.
 *
 * @example
 * ```ts
 * inbentaSchemas.editContent.safeParse(JSON.parse(text)).success;
 * ```
 */
export const inbentaSchemas = {
  envelope: inbentaEnvelopeSchema,
  createContent: inbentaCreateContentSchema,
  editContent: inbentaEditContentSchema,
  changeContentStatus: inbentaChangeContentStatusSchema,
  deleteContent: inbentaDeleteContentSchema,
  createCategory: inbentaCreateCategorySchema,
  editCategory: inbentaEditCategorySchema,
  removeCategory: inbentaRemoveCategorySchema,
  move: inbentaMoveSchema,
  contentData: inbentaContentDataSchema,
  categoryData: inbentaCategoryDataSchema,
  userType: inbentaUserTypeSchema,
  attributes: inbentaAttributesSchema,
  attribute: inbentaAttributeSchema,
  attributeObject: inbentaAttributeObjectSchema,
  decisionTree: inbentaDecisionTreeSchema,
  savingEnvelope: inbentaSavingEnvelopeSchema,
  savedAdd: inbentaSavedSchema("add"),
  savedEdit: inbentaSavedSchema("edit"),
  savedContent: inbentaSavedContentSchema,
  currentContent: inbentaCurrentContentSchema,
} as const;
export type { InbentaReceiver } from "./receiver-type.js";
