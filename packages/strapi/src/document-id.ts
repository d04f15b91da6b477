/**
 * The id that names an entry (or file, or release) across versions: Strapi 5's
 * `documentId`, shared by a document's draft, published version and locales;
 * in Strapi 4, which has none, the row `id` as a string.
 *
 * @example
 * ```ts
 * strapiDocumentId({ id: 3, documentId: "k2m7q4dx8n5t1v3b9c0e6a2w" }); // "k2m7q4dx8n5t1v3b9c0e6a2w" (Strapi 5)
 * strapiDocumentId({ id: 3 }); // "3" (Strapi 4)
 * ```
 */
export function strapiDocumentId(record: { readonly id: number | string; readonly documentId?: string | undefined }): string {
  return record.documentId ?? String(record.id);
}
