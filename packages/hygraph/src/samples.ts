import type { HygraphEventName } from "./events.js";
import type { HygraphDelivery } from "./schemas.js";

const post = (operation: HygraphEventName, stage: "DRAFT" | "PUBLISHED"): HygraphDelivery =>
  ({
    operation,
    data: {
      __typename: "Post",
      id: "clx9k2q8w00a107l4f3b2c1d0",
      stage,
      createdAt: "2026-11-20T09:12:44.120Z",
      updatedAt: "2026-11-21T14:30:02.518Z",
      publishedAt: stage === "PUBLISHED" && operation !== "unpublish" ? "2026-11-21T14:30:03.004Z" : null,
      title: "Spring release notes",
      slug: "spring-release-notes",
      author: { __typename: "Author", id: "clx9k0a1b00a007l4aa11bb22" },
      localizations: [{ locale: "en", title: "Spring release notes" }],
    },
  }) as unknown as HygraphDelivery;

/**
 * A realistic delivery for every Hygraph operation (with "Include payload"
 * on): create, update and delete send the draft, publish and unpublish the
 * published snapshot.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(hygraphSamples.publish);
 * await fetch(url, { method: "POST", body, headers: { "gcms-signature": await signHygraph(body, secret) } });
 * ```
 */
export const hygraphSamples: { readonly [K in HygraphEventName]: HygraphDelivery } = {
  create: post("create", "DRAFT"),
  update: post("update", "DRAFT"),
  delete: post("delete", "DRAFT"),
  publish: post("publish", "PUBLISHED"),
  unpublish: post("unpublish", "PUBLISHED"),
};
