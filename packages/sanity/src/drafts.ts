const NOT_PUBLISHED = ["drafts.", "versions."] as const;

/**
 * Whether a document id is a draft (`drafts.<id>`) or a release version
 * (`versions.<release>.<id>`) rather than the published document.
 *
 * @example
 * ```ts
 * isSanityDraftId("drafts.movie_10"); // true
 * isSanityDraftId("movie_10");        // false
 * ```
 */
export function isSanityDraftId(id: string): boolean {
  return NOT_PUBLISHED.some((prefix) => id.startsWith(prefix));
}

/**
 * The published document's id for a draft or version id: the part after
 * `drafts.` or `versions.<release>.`; other ids unchanged.
 *
 * @example
 * ```ts
 * publishedSanityId("drafts.movie_10"); // "movie_10"
 * publishedSanityId("versions.rSpring.movie_10"); // "movie_10"
 * ```
 */
export function publishedSanityId(id: string): string {
  if (id.startsWith("drafts.")) return id.slice("drafts.".length);
  if (id.startsWith("versions.")) {
    const dot = id.indexOf(".", "versions.".length);
    return dot < 0 ? id : id.slice(dot + 1);
  }
  return id;
}
