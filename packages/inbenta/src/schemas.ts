import { openObject } from "@cmshooks/core";
import { z } from "zod";

/*
 * Inbenta documents its payloads as typed pseudo-JSON ("title": string, …),
 * partly malformed (a `userTypes` array written with object members, an
 * `attributes` key with no value). These schemas model what it means: loose
 * objects, integer ids, ISO date strings, and optional fields wherever an
 * edit sends only what changed.
 */

const id = z.number().int();
/** An ISO-8601 date as Inbenta sends it; kept as a string. */
const isoDate = z.string().min(1);

/**
 * The envelope every Inbenta Knowledge webhook shares: `{ trigger, … }`.
 * `trigger` names the event; any string is accepted so that a trigger this
 * package does not know yet is acknowledged, not rejected.
 *
 * @example
 * ```ts
 * const { trigger } = inbentaEnvelopeSchema.parse(body); // "edit_content"
 * ```
 */
export const inbentaEnvelopeSchema = openObject({
  trigger: z.string().min(1),
});

/**
 * One value of a content attribute (e.g. the text of `ANSWER_TEXT`), with
 * who created and changed it.
 *
 * @example
 * ```ts
 * inbentaAttributeObjectSchema.parse({ id: 3, value: "<p>Reset it from Settings.</p>", useDefault: false, notShown: false });
 * ```
 */
export const inbentaAttributeObjectSchema = openObject({
  id,
  value: z.string(),
  creationDate: isoDate.optional(),
  /** Name of the user who created the value. */
  createdBy: z.string().optional(),
  modificationDate: isoDate.optional(),
  /** Name of the user who last changed the value. */
  modifiedBy: z.string().optional(),
  useDefault: z.boolean().optional(),
  notShown: z.boolean().optional(),
});

/**
 * A content attribute and its values. When any value is added or removed,
 * Inbenta sends the whole `objects` list again.
 *
 * @example
 * ```ts
 * inbentaAttributeSchema.parse({ id: 1, name: "ANSWER_TEXT", objects: [] });
 * ```
 */
export const inbentaAttributeSchema = openObject({
  id,
  name: z.string(),
  objects: z.array(inbentaAttributeObjectSchema).optional(),
});

/**
 * `attributes` of a content or user type. The webhook page writes one
 * attribute object; Inbenta's "webhook upon saving" page writes a list of
 * them. Both are accepted.
 *
 * @example
 * ```ts
 * const list = Array.isArray(data.attributes) ? data.attributes : data.attributes ? [data.attributes] : [];
 * ```
 */
export const inbentaAttributesSchema = z.union([z.array(inbentaAttributeSchema), inbentaAttributeSchema]);

/**
 * A decision tree: a question and the contents it leads to. Sent whole;
 * `null` when the tree was deleted.
 *
 * @example
 * ```ts
 * inbentaDecisionTreeSchema.parse({ text: "Which device?", children: [{ contentId: 12, text: "iPhone" }] });
 * ```
 */
export const inbentaDecisionTreeSchema = openObject({
  text: z.string(),
  children: z.array(openObject({ contentId: id, text: z.string() })),
});

/**
 * The values of a content for one user type (audience), e.g. `Default`.
 *
 * @example
 * ```ts
 * inbentaUserTypeSchema.parse({ id: 0, name: "Default", isActive: true });
 * ```
 */
export const inbentaUserTypeSchema = openObject({
  id,
  name: z.string().optional(),
  isActive: z.boolean().optional(),
  attributes: inbentaAttributesSchema.optional(),
  /** `null` when the publication date was deleted. */
  publicationDate: isoDate.nullable().optional(),
  /** `null` when the expiration date was deleted. */
  expirationDate: isoDate.nullable().optional(),
  /** Ids of related contents; always the whole list. */
  relatedContents: z.array(id).optional(),
});

/**
 * `contentData` / `contentPreviousData`: a content's fields. Every field is
 * optional because an edit sends only the fields that changed (and the
 * previous data only their former values).
 *
 * @example
 * ```ts
 * const data = inbentaContentDataSchema.parse(body.contentData);
 * data.title; // string | undefined
 * ```
 */
export const inbentaContentDataSchema = openObject({
  title: z.string().optional(),
  /** Category ids; a content always keeps at least one. */
  categories: z.array(id).optional(),
  isActive: z.boolean().optional(),
  isPushContent: z.boolean().optional(),
  isConsiderForPopularContents: z.boolean().optional(),
  /** Ids of related contents; always the whole list (`[]` when all were removed). */
  relatedContents: z.array(id).optional(),
  /** `null` when the decision tree was deleted. */
  decisionTree: inbentaDecisionTreeSchema.nullable().optional(),
  attributes: inbentaAttributesSchema.optional(),
  /** `null` when the publication date was deleted. */
  publicationDate: isoDate.nullable().optional(),
  /** `null` when the expiration date was deleted. */
  expirationDate: isoDate.nullable().optional(),
  creationDate: isoDate.optional(),
  /** Name of the content's creator. */
  createdBy: z.string().optional(),
  /** The time of this change. */
  modificationDate: isoDate.optional(),
  /** Name of the user who made this change. */
  modifiedBy: z.string().optional(),
  userTypes: z.array(inbentaUserTypeSchema).optional(),
});

/**
 * `categoryData` / `categoryPreviousData`: a category's fields (all
 * optional: an edit sends only what changed).
 *
 * @example
 * ```ts
 * inbentaCategoryDataSchema.parse({ name: "Billing", parent: 4, order: 2 });
 * ```
 */
export const inbentaCategoryDataSchema = openObject({
  name: z.string().optional(),
  /** Parent category id, when the category has one. */
  parent: id.nullable().optional(),
  /** Position among its siblings. */
  order: id.optional(),
});

const event = <T extends string>(trigger: T) => inbentaEnvelopeSchema.extend({ trigger: z.literal(trigger), date: isoDate });

/**
 * `create_content`: the new content's fields.
 *
 * @example
 * ```ts
 * inbentaCreateContentSchema.parse(body).contentData.title;
 * ```
 */
export const inbentaCreateContentSchema = event("create_content").extend({
  contentId: id,
  contentData: inbentaContentDataSchema.extend({ title: z.string() }),
});

/**
 * `edit_content`: the changed fields, and their former values.
 *
 * @example
 * ```ts
 * const { contentData, contentPreviousData } = inbentaEditContentSchema.parse(body);
 * ```
 */
export const inbentaEditContentSchema = event("edit_content").extend({
  contentId: id,
  contentData: inbentaContentDataSchema,
  contentPreviousData: inbentaContentDataSchema.optional(),
});

/**
 * `change_content_status`: a content was activated (`isActive: true`) or deactivated.
 *
 * @example
 * ```ts
 * inbentaChangeContentStatusSchema.parse(body).contentData.isActive; // boolean
 * ```
 */
export const inbentaChangeContentStatusSchema = event("change_content_status").extend({
  contentId: id,
  contentData: openObject({ isActive: z.boolean() }),
  contentPreviousData: openObject({ isActive: z.boolean() }).optional(),
});

/**
 * `delete_content`: only the id of the removed content.
 *
 * @example
 * ```ts
 * inbentaDeleteContentSchema.parse(body).contentId;
 * ```
 */
export const inbentaDeleteContentSchema = event("delete_content").extend({
  contentId: id,
});

/**
 * `create_category`: the new category's name, parent and position.
 *
 * @example
 * ```ts
 * inbentaCreateCategorySchema.parse(body).categoryData.name; // string
 * ```
 */
export const inbentaCreateCategorySchema = event("create_category").extend({
  categoryId: id,
  categoryData: inbentaCategoryDataSchema.extend({ name: z.string() }),
});

/**
 * `edit_category`: the changed fields, and the category's former state.
 *
 * @example
 * ```ts
 * const { categoryData, categoryPreviousData } = inbentaEditCategorySchema.parse(body);
 * ```
 */
export const inbentaEditCategorySchema = event("edit_category").extend({
  categoryId: id,
  categoryData: inbentaCategoryDataSchema,
  categoryPreviousData: inbentaCategoryDataSchema.optional(),
});

/**
 * `remove_category`: only the id of the removed category.
 *
 * @example
 * ```ts
 * inbentaRemoveCategorySchema.parse(body).categoryId;
 * ```
 */
export const inbentaRemoveCategorySchema = event("remove_category").extend({
  categoryId: id,
});

/**
 * The two names Inbenta uses for a move: the payload's and the trigger setting's.
 *
 * @example
 * ```ts
 * z.enum(INBENTA_MOVE_TRIGGERS).safeParse(body.trigger).success; // true for either name
 * ```
 */
export const INBENTA_MOVE_TRIGGERS = ["moving_category_tree", "moving_category_tree_item"] as const;

/**
 * `moving_category_tree`: a category or a content moved to another parent
 * category. Inbenta's settings call the trigger `moving_category_tree_item`;
 * both names are accepted. The documented payload has no `date`.
 *
 * @example
 * ```ts
 * const move = inbentaMoveSchema.parse(body);
 * move.itemMovedType; // "category" | "content"
 * ```
 */
export const inbentaMoveSchema = inbentaEnvelopeSchema.extend({
  trigger: z.enum(INBENTA_MOVE_TRIGGERS),
  date: isoDate.optional(),
  itemMovedType: z.enum(["category", "content"]),
  /** Id of the moved category or content. */
  id,
  /** The parent category it left (`null` for the root). */
  categoryParentFrom: id.nullable(),
  /** The parent category it joined (`null` for the root). */
  categoryParentTo: id.nullable(),
  /** New position inside the parent. */
  order: id.optional(),
});

/** The fields every Inbenta trigger shares: `trigger` and (except for moves) `date` (see {@link inbentaEnvelopeSchema}). */
export type InbentaEnvelope = z.output<typeof inbentaEnvelopeSchema>;
/** One value of a content attribute, with its authoring dates (see {@link inbentaAttributeObjectSchema}). */
export type InbentaAttributeObject = z.output<typeof inbentaAttributeObjectSchema>;
/** A content attribute (e.g. `ANSWER_TEXT`) and its values (see {@link inbentaAttributeSchema}). */
export type InbentaAttribute = z.output<typeof inbentaAttributeSchema>;
/** The decision tree attached to a content, if any (see {@link inbentaDecisionTreeSchema}). */
export type InbentaDecisionTree = z.output<typeof inbentaDecisionTreeSchema>;
/** A user type a content is published for (see {@link inbentaUserTypeSchema}). */
export type InbentaUserType = z.output<typeof inbentaUserTypeSchema>;
/** A content as Inbenta sends it in `contentData` (all fields optional on edits) (see {@link inbentaContentDataSchema}). */
export type InbentaContentData = z.output<typeof inbentaContentDataSchema>;
/** A category as Inbenta sends it in `categoryData` (see {@link inbentaCategoryDataSchema}). */
export type InbentaCategoryData = z.output<typeof inbentaCategoryDataSchema>;
/** A `create_content` delivery (see {@link inbentaCreateContentSchema}). */
export type InbentaCreateContent = z.output<typeof inbentaCreateContentSchema>;
/** An `edit_content` delivery: the changed fields and their former values (see {@link inbentaEditContentSchema}). */
export type InbentaEditContent = z.output<typeof inbentaEditContentSchema>;
/** A `change_content_status` delivery: `isActive` now and before (see {@link inbentaChangeContentStatusSchema}). */
export type InbentaChangeContentStatus = z.output<typeof inbentaChangeContentStatusSchema>;
/** A `delete_content` delivery (see {@link inbentaDeleteContentSchema}). */
export type InbentaDeleteContent = z.output<typeof inbentaDeleteContentSchema>;
/** A `create_category` delivery (see {@link inbentaCreateCategorySchema}). */
export type InbentaCreateCategory = z.output<typeof inbentaCreateCategorySchema>;
/** An `edit_category` delivery: the changed fields and their former values (see {@link inbentaEditCategorySchema}). */
export type InbentaEditCategory = z.output<typeof inbentaEditCategorySchema>;
/** A `remove_category` delivery (see {@link inbentaRemoveCategorySchema}). */
export type InbentaRemoveCategory = z.output<typeof inbentaRemoveCategorySchema>;
/** A `moving_category_tree` delivery: a category or content moved to another parent (see {@link inbentaMoveSchema}). */
export type InbentaMove = z.output<typeof inbentaMoveSchema>;
