import type { SanityEventName } from "./events.js";
import type { SanityDocument } from "./schemas.js";

const movie = (id: string, rev: string, updatedAt: string): SanityDocument =>
  ({
    _id: id,
    _type: "movie",
    _rev: rev,
    _createdAt: "2026-11-20T09:12:44Z",
    _updatedAt: updatedAt,
    title: "Alien",
    slug: { _type: "slug", current: "alien" },
    releaseDate: "1979-05-25",
    popularity: 36,
  }) as SanityDocument;

/**
 * A realistic body for every Sanity operation with the default projection
 * (the whole document): a new draft, an update of the published document,
 * and its deletion. Send each with its `sanity-operation` header.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(sanitySamples.update);
 * await fetch(url, { method: "POST", body, headers: { "sanity-operation": "update", "sanity-webhook-signature": await signSanity(body, secret) } });
 * ```
 */
export const sanitySamples: { readonly [K in SanityEventName]: SanityDocument } = {
  create: movie("drafts.movie_10", "Vx8hSq3hJ1cYd6nT0fGk2a", "2026-11-20T09:12:44Z"),
  update: movie("movie_10", "Vx8hSq3hJ1cYd6nT0fH4rb", "2026-11-21T14:30:02Z"),
  delete: movie("movie_10", "Vx8hSq3hJ1cYd6nT0fH4rb", "2026-11-21T14:30:02Z"),
};
