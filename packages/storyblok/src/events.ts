import { defineEvent, type BaseUnifiedInit, type UnifiedEventInit, type UnifiedItem } from "@cmshooks/core";
import {
  storyblokAssetSchema,
  storyblokDatasourceSchema,
  storyblokDiscussionSchema,
  storyblokPipelineSchema,
  storyblokReleaseSchema,
  storyblokStorySchema,
  storyblokUserSchema,
  storyblokWorkflowSchema,
  type StoryblokAssetPayload,
  type StoryblokDatasourcePayload,
  type StoryblokStoryPayload,
  type StoryblokUserPayload,
  type StoryblokWorkflowPayload,
} from "./schemas.js";

type ContentKind = "content.create" | "content.update" | "content.publish" | "content.unpublish" | "content.delete" | "content.restore";

function storyItem(payload: Pick<StoryblokStoryPayload, "story_id" | "full_slug">): UnifiedItem {
  return {
    id: String(payload.story_id),
    type: "story",
    ...(payload.full_slug === undefined ? {} : { codename: payload.full_slug }),
    role: "subject",
  };
}

function storyEvent<K extends ContentKind>(kind: K) {
  return (payload: StoryblokStoryPayload): BaseUnifiedInit<K> => ({
    kind,
    items: [storyItem(payload)],
    channel: kind === "content.publish" || kind === "content.unpublish" ? "published" : "management",
  });
}

function assetEvent<K extends ContentKind>(kind: K) {
  return (payload: StoryblokAssetPayload): BaseUnifiedInit<K> => ({
    kind,
    items: [{ id: String(payload.asset_id), type: "asset", role: "subject" }],
    channel: "management",
  });
}

function userEvent(action: "create" | "update" | "delete") {
  return (payload: StoryblokUserPayload): UnifiedEventInit<"user.change"> => {
    const id = String(payload.user_id);
    return { kind: "user.change", items: [{ id }], user: { action, id } };
  };
}

/** A datasource's entries changed: a content update of the datasource, when the body names it. */
function datasourceEvent(payload: StoryblokDatasourcePayload): UnifiedEventInit<"content.update"> | undefined {
  const id = payload.datasource_slug ?? (payload.datasource_id === undefined ? undefined : String(payload.datasource_id));
  if (id === undefined) return undefined;
  return { kind: "content.update", items: [{ id, type: "datasource", role: "subject" }], channel: "management" };
}

function workflowEvent(event: string) {
  return (payload: StoryblokWorkflowPayload): UnifiedEventInit<"workflow.change"> => ({
    kind: "workflow.change",
    items: [{ id: String(payload.story_id), type: "story", role: "subject" }],
    workflow: {
      event,
      ...(payload.workflow_stage_name === undefined ? {} : { to: { name: payload.workflow_stage_name } }),
    },
  });
}

/** Merging a release or deploying a pipeline stage makes content live: a publish of that release / branch, when the body names it. */
function liveEvent(type: "release" | "branch") {
  return (payload: { readonly release_id?: number | undefined; readonly branch_id?: number | undefined }): UnifiedEventInit<"content.publish"> | undefined => {
    const id = type === "release" ? payload.release_id : payload.branch_id;
    if (id === undefined) return undefined;
    return { kind: "content.publish", items: [{ id: String(id), type, role: "subject" }], channel: "published" };
  };
}

/**
 * Storyblok native events, named by Storyblok's Management API triggers
 * (`story.published`, `asset.deleted`, …; legacy-webhook actions keep their
 * own name). The single source of event names, payload types and unified
 * mappings.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: storyblok({ secret }) });
 * receiver.on("story.published", ({ payload }) => purge(`/${payload.full_slug ?? ""}`));
 * Object.keys(storyblokEvents); // ["story.published", "story.unpublished", …]
 * ```
 */
export const storyblokEvents = {
  "story.published": defineEvent(storyblokStorySchema("published"), { unified: storyEvent("content.publish") }),
  "story.unpublished": defineEvent(storyblokStorySchema("unpublished"), { unified: storyEvent("content.unpublish") }),
  "story.deleted": defineEvent(storyblokStorySchema("deleted"), { unified: storyEvent("content.delete") }),
  "story.moved": defineEvent(storyblokStorySchema("moved"), { unified: storyEvent("content.update") }),
  "asset.created": defineEvent(storyblokAssetSchema("created"), { unified: assetEvent("content.create") }),
  "asset.replaced": defineEvent(storyblokAssetSchema("replaced"), { unified: assetEvent("content.update") }),
  "asset.deleted": defineEvent(storyblokAssetSchema("deleted"), { unified: assetEvent("content.delete") }),
  "asset.restored": defineEvent(storyblokAssetSchema("restored"), { unified: assetEvent("content.restore") }),
  "user.added": defineEvent(storyblokUserSchema("added"), { unified: userEvent("create") }),
  "user.removed": defineEvent(storyblokUserSchema("removed"), { unified: userEvent("delete") }),
  "user.roles_updated": defineEvent(storyblokUserSchema("roles_updated"), { unified: userEvent("update") }),
  "datasource.entries_updated": defineEvent(storyblokDatasourceSchema("entries_updated"), { unified: datasourceEvent }),
  datasource_entry_saved: defineEvent(storyblokDatasourceSchema("datasource_entry_saved"), { unified: datasourceEvent }),
  "stage.changed": defineEvent(storyblokWorkflowSchema("stage.changed"), { unified: workflowEvent("stage.changed") }),
  workflow_stage_changed: defineEvent(storyblokWorkflowSchema("workflow_stage_changed"), { unified: workflowEvent("workflow_stage_changed") }),
  "release.merged": defineEvent(storyblokReleaseSchema("merged"), { unified: liveEvent("release") }),
  release_merged: defineEvent(storyblokReleaseSchema("release_merged"), { unified: liveEvent("release") }),
  "pipeline.deployed": defineEvent(storyblokPipelineSchema("deployed"), { unified: liveEvent("branch") }),
  branch_deployed: defineEvent(storyblokPipelineSchema("branch_deployed"), { unified: liveEvent("branch") }),
  "discussion.created": defineEvent(storyblokDiscussionSchema("created")),
  "discussion.comment_created": defineEvent(storyblokDiscussionSchema("comment_created")),
  "discussion.comment_updated": defineEvent(storyblokDiscussionSchema("comment_updated")),
  "discussion.comment_deleted": defineEvent(storyblokDiscussionSchema("comment_deleted")),
  "discussion.resolved": defineEvent(storyblokDiscussionSchema("resolved")),
};

/** A Storyblok native event name. */
export type StoryblokEventName = keyof typeof storyblokEvents;
