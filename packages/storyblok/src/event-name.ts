/** The id field that says which resource an action shared by several resources is about. */
const BY_ID_FIELD: Readonly<Record<string, readonly (readonly [field: string, name: string])[]>> = {
  deleted: [
    ["asset_id", "asset.deleted"],
    ["story_id", "story.deleted"],
  ],
  created: [
    ["asset_id", "asset.created"],
    ["discussion_id", "discussion.created"],
  ],
};

/** Actions that belong to one resource only. Legacy-webhook actions keep their own name. */
const BY_ACTION: Readonly<Record<string, string>> = {
  published: "story.published",
  unpublished: "story.unpublished",
  moved: "story.moved",
  replaced: "asset.replaced",
  restored: "asset.restored",
  added: "user.added",
  removed: "user.removed",
  roles_updated: "user.roles_updated",
  entries_updated: "datasource.entries_updated",
  datasource_entry_saved: "datasource_entry_saved",
  "stage.changed": "stage.changed",
  workflow_stage_changed: "workflow_stage_changed",
  merged: "release.merged",
  release_merged: "release_merged",
  deployed: "pipeline.deployed",
  branch_deployed: "branch_deployed",
  comment_created: "discussion.comment_created",
  comment_updated: "discussion.comment_updated",
  comment_deleted: "discussion.comment_deleted",
  resolved: "discussion.resolved",
};

/** The native name of a delivery, or why it has none. */
export type StoryblokEventNaming = { readonly name: string } | { readonly name: string; readonly hint: string };

/**
 * The native event of a Storyblok delivery. Storyblok sends the action
 * without its resource (`deleted` is a story or an asset, `created` an asset or
 * a discussion), so the name is the Management API trigger name
 * (`story.published`, `asset.deleted`, …), told apart by the id field the body
 * carries. Legacy-webhook actions (`workflow_stage_changed`, `release_merged`,
 * `branch_deployed`, `datasource_entry_saved`) keep their own name. An action
 * this table does not know keeps its own name too, and is an unknown event.
 *
 * @example
 * ```ts
 * storyblokEventName({ action: "deleted", asset_id: 12 }); // { name: "asset.deleted" }
 * storyblokEventName({ action: "published", story_id: 1 }); // { name: "story.published" }
 * ```
 */
export function storyblokEventName(body: { readonly action: string } & Readonly<Record<string, unknown>>): StoryblokEventNaming {
  const { action } = body;
  if (Object.hasOwn(BY_ACTION, action)) return { name: BY_ACTION[action]! };
  if (!Object.hasOwn(BY_ID_FIELD, action)) return { name: action };
  const candidates = BY_ID_FIELD[action]!;
  for (const [field, name] of candidates) if (body[field] !== undefined) return { name };
  const fields = candidates.map(([field]) => field).join(" or ");
  return {
    name: action,
    hint: `Storyblok's "${action}" names no resource and the body has no ${fields}; register onAny to see it, or report the payload so the table can learn it`,
  };
}
