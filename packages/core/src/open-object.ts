import { z } from "zod";

/**
 * A zod object that lets unknown fields through at runtime, exactly like
 * `z.looseObject`, but whose inferred type lists only the documented fields.
 *
 * Why: `z.looseObject` infers an index signature (`[k: string]: unknown`), so a
 * misspelt field, or one the event never carries (e.g. `data.taxonomies` on a Kontent.ai
 * workflow notification), would still compile. A field the vendor adds
 * tomorrow still reaches handlers; it is just not typed until we add it.
 *
 * @example
 * ```ts
 * const taxonomyGroup = openObject({ id: z.string(), codename: z.string() });
 * taxonomyGroup.parse({ id: "1", codename: "personas", terms: [] }); // `terms` passes through
 * ```
 */
export function openObject<const Shape extends z.core.$ZodLooseShape>(shape: Shape): z.ZodObject<Shape, z.core.$strip> {
  return z.looseObject(shape) as unknown as z.ZodObject<Shape, z.core.$strip>;
}
