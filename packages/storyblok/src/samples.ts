import type { PayloadsOf } from "@cmshooks/core";
import type { storyblokEvents } from "./events.js";

type StoryblokPayloads = PayloadsOf<typeof storyblokEvents>;

const SPACE = 184738;
const STORY = 166888799188279;
const storyName = "the Story Home 2 (marketing-articles/home-2)";
const storyLink = `https://app.storyblok.com/#/me/spaces/${SPACE}/stories/0/0/${STORY}`;
const by = "The user joy.bringer@storyblok.com";

/**
 * A realistic sample delivery for every Storyblok native event, as the JSON
 * Storyblok would send. `story.published` is the example of Storyblok's
 * webhook documentation (storyblok.com/docs/concepts/webhooks); the legacy
 * `release_merged`, `branch_deployed` and `workflow_stage_changed` follow the
 * examples of its earlier webhook guide; the others are built from the
 * documented fields.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(storyblokSamples["story.published"]);
 * const signature = await signStoryblok(body, secret);
 * ```
 */
export const storyblokSamples: StoryblokPayloads = {
  "story.published": {
    text: `${by} published the Story Home 2 (marketing-articles/home-2)\n${storyLink}`,
    action: "published",
    space_id: SPACE,
    story_id: STORY,
    full_slug: "marketing-articles/home-2",
  },
  "story.unpublished": { text: `${by} unpublished the Story Home 2 (marketing-articles/home-2)\n${storyLink}`, action: "unpublished", space_id: SPACE, story_id: STORY, full_slug: "marketing-articles/home-2" },
  "story.deleted": { text: `${by} deleted the Story Home 2 (marketing-articles/home-2)`, action: "deleted", space_id: SPACE, story_id: STORY },
  "story.moved": { text: `${by} moved the Story Home 2 (archive/home-2)\n${storyLink}`, action: "moved", space_id: SPACE, story_id: STORY, full_slug: "archive/home-2" },
  "asset.created": { text: `${by} uploaded the asset hero.jpg`, action: "created", space_id: SPACE, asset_id: 98765432 },
  "asset.replaced": { text: `${by} replaced the asset hero.jpg`, action: "replaced", space_id: SPACE, asset_id: 98765432 },
  "asset.deleted": { text: `${by} deleted the asset hero.jpg`, action: "deleted", space_id: SPACE, asset_id: 98765432 },
  "asset.restored": { text: `${by} restored the asset hero.jpg`, action: "restored", space_id: SPACE, asset_id: 98765432 },
  "user.added": { text: `${by} added the user sam.editor@example.com to the space`, action: "added", space_id: SPACE, user_id: 215730 },
  "user.removed": { text: `${by} removed the user sam.editor@example.com from the space`, action: "removed", space_id: SPACE, user_id: 215730 },
  "user.roles_updated": { text: `${by} updated the roles of the user sam.editor@example.com`, action: "roles_updated", space_id: SPACE, user_id: 215730 },
  "datasource.entries_updated": { text: `${by} saved an entry of the datasource Colors (colors)`, action: "entries_updated", space_id: SPACE, datasource_slug: "colors" },
  datasource_entry_saved: { text: `${by} saved an entry of the datasource Colors (colors)`, action: "datasource_entry_saved", space_id: SPACE, datasource_slug: "colors" },
  "stage.changed": {
    text: `The workflow stage of ${storyName} has been changed to Reviewing.`,
    action: "stage.changed",
    space_id: SPACE,
    story_id: STORY,
    workflow_name: "Default",
    workflow_stage_name: "Reviewing",
  },
  workflow_stage_changed: { text: "The workflow stage of story Home has been changed to Reviewing.", action: "workflow_stage_changed", space_id: 123, story_id: 2270165, workflow_stage_name: "Reviewing" },
  "release.merged": { text: "The release Summer Sales has been merged.", action: "merged", space_id: SPACE, release_id: 4101 },
  release_merged: { text: "The release Summer Sales has been merged.", action: "release_merged", space_id: 123, release_id: 123 },
  "pipeline.deployed": { text: "The branch Live has been deployed.", action: "deployed", space_id: SPACE, branch_id: 2231 },
  branch_deployed: { text: "The branch Live has been deployed.", action: "branch_deployed", space_id: 123, branch_id: 123 },
  "discussion.created": { text: `${by} started a discussion on ${storyName}`, action: "created", space_id: SPACE, discussion_id: 55120, story_id: STORY },
  "discussion.comment_created": { text: `${by} commented on a discussion of ${storyName}`, action: "comment_created", space_id: SPACE, discussion_id: 55120, comment_id: 90211, story_id: STORY },
  "discussion.comment_updated": { text: `${by} edited a comment on ${storyName}`, action: "comment_updated", space_id: SPACE, discussion_id: 55120, comment_id: 90211, story_id: STORY },
  "discussion.comment_deleted": { text: `${by} deleted a comment on ${storyName}`, action: "comment_deleted", space_id: SPACE, discussion_id: 55120, comment_id: 90211, story_id: STORY },
  "discussion.resolved": { text: `${by} resolved a discussion on ${storyName}`, action: "resolved", space_id: SPACE, discussion_id: 55120, story_id: STORY },
};
