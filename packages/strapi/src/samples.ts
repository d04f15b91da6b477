import type { PayloadsOf } from "@cmshooks/core";
import type { strapiEvents } from "./events.js";
import type { StrapiEntry } from "./schemas.js";

type StrapiPayloads = PayloadsOf<typeof strapiEvents>;

const article = (publishedAt: string | null): StrapiEntry => ({
  id: 12,
  documentId: "k2m7q4dx8n5t1v3b9c0e6a2w",
  title: "Spring menu is here",
  slug: "spring-menu-is-here",
  body: "Five new dishes, all seasonal.",
  createdAt: "2026-03-20T08:55:00.000Z",
  updatedAt: "2026-03-20T09:00:00.000Z",
  publishedAt,
  locale: "en",
});

const entry5 = <E extends string>(event: E, createdAt: string, entry: StrapiEntry) => ({ event, createdAt, model: "article", uid: "api::article.article", entry });

const image5 = {
  id: 31,
  documentId: "p0a9s8d7f6g5h4j3k2l1z0x9",
  name: "spring-menu.jpg",
  alternativeText: "Five plates on a wooden table",
  caption: null,
  width: 1600,
  height: 900,
  formats: { thumbnail: { name: "thumbnail_spring-menu.jpg", url: "/uploads/thumbnail_spring_menu_3f1c2a.jpg", width: 245, height: 138 } },
  hash: "spring_menu_3f1c2a",
  ext: ".jpg",
  mime: "image/jpeg",
  size: 182.4,
  url: "/uploads/spring_menu_3f1c2a.jpg",
  previewUrl: null,
  provider: "local",
  provider_metadata: null,
  folderPath: "/",
  createdAt: "2026-03-20T08:40:00.000Z",
  updatedAt: "2026-03-20T08:40:00.000Z",
};

/**
 * A realistic Strapi 5 delivery for every native event (entries carry
 * `documentId` and `uid`), as the JSON Strapi would send.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(strapiSamples["entry.publish"]);
 * await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", "x-strapi-event": "entry.publish", authorization: "Bearer …" } });
 * ```
 */
export const strapiSamples: StrapiPayloads = {
  "entry.create": entry5("entry.create", "2026-03-20T08:55:00.120Z", article(null)),
  "entry.update": entry5("entry.update", "2026-03-20T09:00:00.080Z", article(null)),
  "entry.delete": entry5("entry.delete", "2026-04-02T16:10:00.300Z", article(null)),
  "entry.publish": entry5("entry.publish", "2026-03-20T09:05:00.410Z", { ...article("2026-03-20T09:05:00.000Z"), id: 13 }),
  "entry.unpublish": entry5("entry.unpublish", "2026-03-28T12:00:00.050Z", { ...article("2026-03-20T09:05:00.000Z"), id: 13 }),
  "entry.draft-discard": entry5("entry.draft-discard", "2026-03-21T10:30:00.700Z", article(null)),
  "media.create": { event: "media.create", createdAt: "2026-03-20T08:40:00.200Z", media: image5 },
  "media.update": { event: "media.update", createdAt: "2026-03-20T08:45:00.200Z", media: { ...image5, caption: "The spring menu", updatedAt: "2026-03-20T08:45:00.000Z" } },
  "media.delete": { event: "media.delete", createdAt: "2026-05-01T07:00:00.900Z", media: image5 },
  "review-workflows.updateEntryStage": {
    event: "review-workflows.updateEntryStage",
    createdAt: "2026-03-20T08:58:00.330Z",
    model: "article",
    uid: "api::article.article",
    entity: { id: 12, documentId: "k2m7q4dx8n5t1v3b9c0e6a2w", locale: "en", status: "draft" },
    workflow: { id: 1, stages: { from: { id: 1, name: "To do" }, to: { id: 2, name: "Ready to review" } } },
  },
  "releases.publish": {
    event: "releases.publish",
    createdAt: "2026-04-01T06:00:00.150Z",
    isPublished: true,
    release: {
      id: 4,
      documentId: "r5t6y7u8i9o0p1a2s3d4f5g6",
      name: "Spring campaign",
      releasedAt: "2026-04-01T06:00:00.000Z",
      scheduledAt: "2026-04-01T06:00:00.000Z",
      timezone: "Europe/Paris",
      status: "done",
    },
  },
};

const documentedEntry = {
  id: 1,
  geolocation: {},
  city: "Paris",
  postal_code: null,
  category: null,
  full_name: "Paris",
  createdAt: "2020-01-10T08:47:36.264Z",
  updatedAt: "2020-01-10T08:47:36.264Z",
  cover: null,
  images: [],
};

/** The media example of Strapi's webhook documentation. */
const documentedImage = {
  id: 1,
  name: "image.png",
  hash: "353fc98a19e44da9acf61d71b11895f9",
  sha256: "huGUaFJhmcZRHLcxeQNKblh53vtSUXYaB16WSOe0Bdc",
  ext: ".png",
  mime: "image/png",
  size: 228.19,
  url: "/uploads/353fc98a19e44da9acf61d71b11895f9.png",
  provider: "local",
  provider_metadata: null,
  createdAt: "2020-01-10T10:58:41.095Z",
  updatedAt: "2020-01-10T10:58:41.095Z",
  related: [],
};

const entry4 = <E extends string>(event: E) => ({ event, createdAt: "2020-01-10T08:47:36.649Z", model: "address", entry: documentedEntry });

/** The Strapi 4 events that Strapi 5 also sends, in their Strapi 4 shape. */
type Strapi4Event = Exclude<keyof StrapiPayloads, "entry.draft-discard" | "releases.publish">;

/**
 * Strapi 4 deliveries: no `documentId`, numeric ids only. The entry and media
 * events use the examples of Strapi's webhook documentation (`model` only, no
 * `uid`, as in early Strapi 4 releases); the stage change has Strapi 4's
 * `entity: { id }`.
 *
 * @example
 * ```ts
 * strapi4Samples["entry.create"].entry.id; // 1
 * ```
 */
export const strapi4Samples: Pick<StrapiPayloads, Strapi4Event> = {
  "entry.create": entry4("entry.create"),
  "entry.update": entry4("entry.update"),
  "entry.delete": entry4("entry.delete"),
  "entry.publish": { ...entry4("entry.publish"), entry: { ...documentedEntry, publishedAt: "2020-01-10T09:00:00.000Z" } },
  "entry.unpublish": { ...entry4("entry.unpublish"), entry: { ...documentedEntry, publishedAt: null } },
  "media.create": { event: "media.create", createdAt: "2020-01-10T10:58:41.115Z", media: documentedImage },
  "media.update": { event: "media.update", createdAt: "2020-01-10T11:02:10.010Z", media: { ...documentedImage, name: "paris.png" } },
  "media.delete": { event: "media.delete", createdAt: "2020-01-11T09:00:00.000Z", media: documentedImage },
  "review-workflows.updateEntryStage": {
    event: "review-workflows.updateEntryStage",
    createdAt: "2023-06-01T10:00:00.000Z",
    model: "address",
    uid: "api::address.address",
    entity: { id: 1 },
    workflow: { id: 1, stages: { from: { id: 1, name: "To do" }, to: { id: 2, name: "In progress" } } },
  },
};
