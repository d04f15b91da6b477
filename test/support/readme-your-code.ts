/**
 * Stand-ins for the reader's own code that README examples call from their handlers (a CDN purge,
 * a search index update, …). Any README block that uses one of these names without declaring it
 * gets it imported (test/readme-blocks.test.ts). Each takes anything, so the type check is on the
 * cmshooks side of the call: the argument expressions must compile. Each prints its call, so a
 * README block that is run shows which handlers ran.
 */

function yourCode(name: string, args: readonly unknown[]): Promise<void> {
  console.log(`[your code] ${name} ${JSON.stringify(args)}`);
  return Promise.resolve();
}

/** Purges a CDN cache. */
export const purge = (...args: unknown[]): Promise<void> => yourCode("purge", args);
/** Purges a CDN cache. */
export const purgeCdn = (...args: unknown[]): Promise<void> => yourCode("purgeCdn", args);
/** Purges everything a list of items touches. */
export const purgeAll = (...args: unknown[]): Promise<void> => yourCode("purgeAll", args);
/** Purges one asset. */
export const purgeAsset = (...args: unknown[]): Promise<void> => yourCode("purgeAsset", args);
/** Revalidates pages (e.g. Next.js `revalidatePath`). */
export const revalidate = (...args: unknown[]): Promise<void> => yourCode("revalidate", args);
/** Rebuilds a static site. */
export const rebuild = (...args: unknown[]): Promise<void> => yourCode("rebuild", args);
/** Re-indexes content in a search engine. */
export const reindex = (...args: unknown[]): Promise<void> => yourCode("reindex", args);
/** Removes items from a search index. */
export const removeFromSearch = (...args: unknown[]): Promise<void> => yourCode("removeFromSearch", args);
/** Renames an item in a search index. */
export const renameInSearch = (...args: unknown[]): Promise<void> => yourCode("renameInSearch", args);
/** Refreshes a preview. */
export const refreshPreview = (...args: unknown[]): Promise<void> => yourCode("refreshPreview", args);
/** Rebuilds a site's navigation. */
export const rebuildNavigation = (...args: unknown[]): Promise<void> => yourCode("rebuildNavigation", args);
/** Copies a user into another system. */
export const syncUser = (...args: unknown[]): Promise<void> => yourCode("syncUser", args);
/** Sends an item to translation. */
export const translate = (...args: unknown[]): Promise<void> => yourCode("translate", args);
/** Notifies reviewers. */
export const notifyReviewers = (...args: unknown[]): Promise<void> => yourCode("notifyReviewers", args);
