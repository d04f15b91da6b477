import { openObject } from "@cmshooks/core";
import { z } from "zod";

/** Numeric Storyblok ids (story, asset, space, …). Story ids exceed 32 bits but stay below 2^53. */
const storyblokId = z.number().int().nonnegative();

/**
 * The fields every Storyblok webhook carries: a human-readable `text`, the
 * `action` that fired it and the numeric `space_id`. Storyblok names the
 * action without its resource (`deleted` is a story or an asset), so the
 * envelope accepts any action; the provider tells the resources apart.
 *
 * @example
 * ```ts
 * const { action, space_id } = storyblokEnvelopeSchema.parse(JSON.parse(text)); // "published", 184738
 * ```
 */
export const storyblokEnvelopeSchema = openObject({
  /** What happened, in words, e.g. `The user jane@example.com published the Story Home (home)`; may end with a link to the story. */
  text: z.string(),
  /** The trigger, without its resource: `published`, `deleted`, `entries_updated`, `stage.changed`, … */
  action: z.string().min(1),
  /** The space the event happened in. */
  space_id: storyblokId,
});

const envelopeWith = <const A extends string, const Shape extends z.core.$ZodLooseShape>(action: A, shape: Shape) =>
  openObject({ ...storyblokEnvelopeSchema.shape, action: z.literal(action), ...shape });

/**
 * A story event (`published`, `unpublished`, `deleted`, `moved`): the story's
 * numeric id and, as documented for published stories, its `full_slug`.
 *
 * @example
 * ```ts
 * const story = storyblokStorySchema("published").parse(body);
 * await purge(`/${story.full_slug}`);
 * ```
 */
export function storyblokStorySchema<const A extends StoryblokStoryAction>(action: A) {
  return envelopeWith(action, {
    story_id: storyblokId,
    /** The story's path, e.g. `blog/first-post` (documented on `published`; may be absent on other actions). */
    full_slug: z.string().optional(),
  });
}

/**
 * An asset event (`created`, `replaced`, `deleted`, `restored`): the asset's numeric id.
 *
 * @example
 * ```ts
 * storyblokAssetSchema("replaced").parse(body).asset_id;
 * ```
 */
export function storyblokAssetSchema<const A extends StoryblokAssetAction>(action: A) {
  return envelopeWith(action, { asset_id: storyblokId });
}

/**
 * A user-management event (`added`, `removed`, `roles_updated`): the user's numeric id.
 *
 * @example
 * ```ts
 * storyblokUserSchema("added").parse(body).user_id;
 * ```
 */
export function storyblokUserSchema<const A extends StoryblokUserAction>(action: A) {
  return envelopeWith(action, { user_id: storyblokId });
}

/**
 * A datasource event: `entries_updated`, or the legacy webhook's
 * `datasource_entry_saved`. The docs name `datasource_slug` as its field; the
 * numeric `datasource_id` is accepted too. Both are optional.
 *
 * @example
 * ```ts
 * const { datasource_slug } = storyblokDatasourceSchema("entries_updated").parse(body);
 * ```
 */
export function storyblokDatasourceSchema<const A extends "entries_updated" | "datasource_entry_saved">(action: A) {
  return envelopeWith(action, {
    datasource_slug: z.string().optional(),
    datasource_id: storyblokId.optional(),
  });
}

/**
 * A workflow stage change: `stage.changed`, or the legacy webhook's
 * `workflow_stage_changed`. `story_id` and `workflow_stage_name` are in the
 * documented legacy example; `workflow_name` is named by the current docs.
 *
 * @example
 * ```ts
 * const change = storyblokWorkflowSchema("stage.changed").parse(body);
 * if (change.workflow_stage_name === "Ready for translation") await translate(change.story_id);
 * ```
 */
export function storyblokWorkflowSchema<const A extends "stage.changed" | "workflow_stage_changed">(action: A) {
  return envelopeWith(action, {
    story_id: storyblokId,
    /** The stage the story moved to, e.g. `Reviewing`. */
    workflow_stage_name: z.string().optional(),
    workflow_name: z.string().optional(),
  });
}

/**
 * A release merged into the released content (Releases app): `merged`, or the
 * legacy `release_merged`, with the release's numeric id.
 *
 * @example
 * ```ts
 * storyblokReleaseSchema("release_merged").parse(body).release_id;
 * ```
 */
export function storyblokReleaseSchema<const A extends "merged" | "release_merged">(action: A) {
  return envelopeWith(action, { release_id: storyblokId.optional() });
}

/**
 * A pipeline stage deployed (Pipelines app): `deployed`, or the legacy
 * `branch_deployed`, with the branch's numeric id.
 *
 * @example
 * ```ts
 * storyblokPipelineSchema("branch_deployed").parse(body).branch_id;
 * ```
 */
export function storyblokPipelineSchema<const A extends "deployed" | "branch_deployed">(action: A) {
  return envelopeWith(action, { branch_id: storyblokId.optional() });
}

/**
 * A discussion event (`created`, `comment_created`, `comment_updated`,
 * `comment_deleted`, `resolved`). Its fields are not documented beyond the
 * common ones; the ids below are read when present.
 *
 * @example
 * ```ts
 * storyblokDiscussionSchema("resolved").parse(body).discussion_id;
 * ```
 */
export function storyblokDiscussionSchema<const A extends StoryblokDiscussionAction>(action: A) {
  return envelopeWith(action, {
    discussion_id: storyblokId.optional(),
    comment_id: storyblokId.optional(),
    story_id: storyblokId.optional(),
  });
}

/** Actions of story events. */
export type StoryblokStoryAction = "published" | "unpublished" | "deleted" | "moved";
/** Actions of asset events. */
export type StoryblokAssetAction = "created" | "replaced" | "deleted" | "restored";
/** Actions of user-management events. */
export type StoryblokUserAction = "added" | "removed" | "roles_updated";
/** Actions of discussion events. */
export type StoryblokDiscussionAction = "created" | "comment_created" | "comment_updated" | "comment_deleted" | "resolved";

/** The fields every Storyblok webhook carries (see {@link storyblokEnvelopeSchema}). */
export type StoryblokEnvelope = z.output<typeof storyblokEnvelopeSchema>;
/** A story event's payload (see {@link storyblokStorySchema}). */
export type StoryblokStoryPayload = z.output<ReturnType<typeof storyblokStorySchema<StoryblokStoryAction>>>;
/** An asset event's payload (see {@link storyblokAssetSchema}). */
export type StoryblokAssetPayload = z.output<ReturnType<typeof storyblokAssetSchema<StoryblokAssetAction>>>;
/** A user-management event's payload (see {@link storyblokUserSchema}). */
export type StoryblokUserPayload = z.output<ReturnType<typeof storyblokUserSchema<StoryblokUserAction>>>;
/** A datasource event's payload (see {@link storyblokDatasourceSchema}). */
export type StoryblokDatasourcePayload = z.output<ReturnType<typeof storyblokDatasourceSchema<"entries_updated" | "datasource_entry_saved">>>;
/** A workflow stage change's payload (see {@link storyblokWorkflowSchema}). */
export type StoryblokWorkflowPayload = z.output<ReturnType<typeof storyblokWorkflowSchema<"stage.changed" | "workflow_stage_changed">>>;
/** A release merge's payload (see {@link storyblokReleaseSchema}). */
export type StoryblokReleasePayload = z.output<ReturnType<typeof storyblokReleaseSchema<"merged" | "release_merged">>>;
/** A pipeline deployment's payload (see {@link storyblokPipelineSchema}). */
export type StoryblokPipelinePayload = z.output<ReturnType<typeof storyblokPipelineSchema<"deployed" | "branch_deployed">>>;
/** A discussion event's payload (see {@link storyblokDiscussionSchema}). */
export type StoryblokDiscussionPayload = z.output<ReturnType<typeof storyblokDiscussionSchema<StoryblokDiscussionAction>>>;
