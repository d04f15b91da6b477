import type { ContentfulEventName } from "./events.js";

const space = { sys: { type: "Link", linkType: "Space", id: "yadj1kx9rmg0" } } as const;
const environment = { sys: { type: "Link", linkType: "Environment", id: "master" } } as const;
const at = { createdAt: "2026-11-20T09:12:44.120Z", updatedAt: "2026-11-21T14:30:02.518Z" };

const entry = {
  sys: {
    id: "5KsDBWseXY6QegucYAoacS",
    type: "Entry",
    space,
    environment,
    contentType: { sys: { type: "Link", linkType: "ContentType", id: "blogPost" } },
    version: 12,
    publishedVersion: 11,
    publishedAt: "2026-11-21T14:30:02.600Z",
    ...at,
  },
  fields: { title: { "en-US": "Spring release notes" }, slug: { "en-US": "spring-release-notes" } },
  metadata: { tags: [] },
};
const deletedEntry = { sys: { id: entry.sys.id, type: "DeletedEntry", space, environment, contentType: entry.sys.contentType, deletedAt: at.updatedAt, ...at } };
const asset = {
  sys: { id: "3wtvPBbBjiMKqKKga8I2Cu", type: "Asset", space, environment, version: 4, ...at },
  fields: {
    title: { "en-US": "Release banner" },
    file: { "en-US": { fileName: "banner.png", contentType: "image/png", url: "//images.ctfassets.net/yadj1kx9rmg0/banner.png" } },
  },
};
const deletedAsset = { sys: { id: asset.sys.id, type: "DeletedAsset", space, environment, deletedAt: at.updatedAt, ...at } };
const contentType = {
  sys: { id: "blogPost", type: "ContentType", space, environment, version: 3, ...at },
  name: "Blog post",
  displayField: "title",
  fields: [{ id: "title", name: "Title", type: "Symbol" }, { id: "slug", name: "Slug", type: "Symbol" }],
};
const entity = (type: string, id: string, extra: Record<string, unknown> = {}) => ({ sys: { id, type, space, environment, ...at }, ...extra });

/**
 * A realistic body for every Contentful topic: the entity the webhook sends
 * (a `DeletedEntry` / `DeletedAsset` for unpublish and delete). Send each with
 * its topic in `X-Contentful-Topic`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(contentfulSamples["ContentManagement.Entry.publish"]);
 * ```
 */
export const contentfulSamples: { readonly [K in ContentfulEventName]: unknown } = {
  "ContentManagement.ContentType.create": contentType,
  "ContentManagement.ContentType.save": contentType,
  "ContentManagement.ContentType.publish": contentType,
  "ContentManagement.ContentType.unpublish": contentType,
  "ContentManagement.ContentType.delete": contentType,
  "ContentManagement.Entry.create": entry,
  "ContentManagement.Entry.save": entry,
  "ContentManagement.Entry.auto_save": entry,
  "ContentManagement.Entry.archive": entry,
  "ContentManagement.Entry.unarchive": entry,
  "ContentManagement.Entry.publish": entry,
  "ContentManagement.Entry.unpublish": deletedEntry,
  "ContentManagement.Entry.delete": deletedEntry,
  "ContentManagement.Asset.create": asset,
  "ContentManagement.Asset.save": asset,
  "ContentManagement.Asset.auto_save": asset,
  "ContentManagement.Asset.archive": asset,
  "ContentManagement.Asset.unarchive": asset,
  "ContentManagement.Asset.publish": asset,
  "ContentManagement.Asset.unpublish": deletedAsset,
  "ContentManagement.Asset.delete": deletedAsset,
  "ContentManagement.Task.Create": entity("Task", "4QwFJqnnxYy3E4ZKhH9LC5", { body: "Check the banner", status: "active" }),
  "ContentManagement.Task.Save": entity("Task", "4QwFJqnnxYy3E4ZKhH9LC5", { body: "Check the banner", status: "resolved" }),
  "ContentManagement.Task.Delete": entity("Task", "4QwFJqnnxYy3E4ZKhH9LC5"),
  "ContentManagement.Comment.create": entity("Comment", "1b8zBp2d6TvY8wKcQ3zM0r", { body: "Looks good" }),
  "ContentManagement.Comment.save": entity("Comment", "1b8zBp2d6TvY8wKcQ3zM0r", { body: "Looks good to me" }),
  "ContentManagement.Comment.delete": entity("Comment", "1b8zBp2d6TvY8wKcQ3zM0r"),
  "ContentManagement.Release.create": entity("Release", "spring-release", { title: "Spring release" }),
  "ContentManagement.Release.save": entity("Release", "spring-release", { title: "Spring release" }),
  "ContentManagement.Release.archive": entity("Release", "spring-release", { title: "Spring release" }),
  "ContentManagement.Release.unarchive": entity("Release", "spring-release", { title: "Spring release" }),
  "ContentManagement.Release.delete": entity("Release", "spring-release"),
  "ContentManagement.Workflow.create": entity("Workflow", "6Ef0Ct1n8s0mKb3cLq9W2x", { stepId: "draft" }),
  "ContentManagement.Workflow.save": entity("Workflow", "6Ef0Ct1n8s0mKb3cLq9W2x", { stepId: "review" }),
  "ContentManagement.Workflow.complete": entity("Workflow", "6Ef0Ct1n8s0mKb3cLq9W2x", { stepId: "approved" }),
  "ContentManagement.TemplateInstallation.complete": entity("TemplateInstallation", "2Hn0Pq8Vv1sT6yRr4Ue7Ka"),
  "ContentManagement.ReleaseAction.create": entity("ReleaseAction", "3Ab5Cd7Ef9Gh1Ij3Kl5Mn", { action: "publish" }),
  "ContentManagement.ReleaseAction.execute": entity("ReleaseAction", "3Ab5Cd7Ef9Gh1Ij3Kl5Mn", { action: "publish", status: "succeeded" }),
  "ContentManagement.ScheduledAction.create": entity("ScheduledAction", "7Xy9Za1Bc3De5Fg7Hi9Jk", { action: "publish" }),
  "ContentManagement.ScheduledAction.save": entity("ScheduledAction", "7Xy9Za1Bc3De5Fg7Hi9Jk", { action: "publish" }),
  "ContentManagement.ScheduledAction.delete": entity("ScheduledAction", "7Xy9Za1Bc3De5Fg7Hi9Jk"),
  "ContentManagement.BulkAction.create": entity("BulkAction", "0Lm2No4Pq6Rs8Tu0Vw2Xy", { action: "publish" }),
  "ContentManagement.BulkAction.execute": entity("BulkAction", "0Lm2No4Pq6Rs8Tu0Vw2Xy", { action: "publish", sys_status: "succeeded" }),
  "SpaceManagement.EnvironmentAlias.create": entity("EnvironmentAlias", "master"),
  "SpaceManagement.EnvironmentAlias.change_target": entity("EnvironmentAlias", "master"),
  "SpaceManagement.EnvironmentAlias.delete": entity("EnvironmentAlias", "master"),
  "AppManagement.AppInstallation.create": entity("AppInstallation", "7Bc9De1Fg3Hi5Jk7Lm9No", { parameters: {} }),
};
