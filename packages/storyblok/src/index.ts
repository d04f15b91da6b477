export { storyblok, storyblokOutboundIps, STORYBLOK_SIGNATURE_HEADER, type StoryblokOptions, type StoryblokProvider } from "./provider.js";
export { storyblokEvents, type StoryblokEventName } from "./events.js";
export { storyblokEventName, type StoryblokEventNaming } from "./event-name.js";
export { signStoryblok } from "./sign.js";
export { storyblokSamples } from "./samples.js";
export * from "./schemas.js";
import {
  storyblokAssetSchema,
  storyblokDatasourceSchema,
  storyblokDiscussionSchema,
  storyblokEnvelopeSchema,
  storyblokPipelineSchema,
  storyblokReleaseSchema,
  storyblokStorySchema,
  storyblokUserSchema,
  storyblokWorkflowSchema,
} from "./schemas.js";

/**
 * All Storyblok zod schemas in one object: the envelope, and a factory per
 * resource that narrows `action` to the one given.
 *
 * @example
 * ```ts
 * storyblokSchemas.envelope.safeParse(JSON.parse(text)).success;
 * storyblokSchemas.story("published").parse(body).story_id;
 * ```
 */
export const storyblokSchemas = {
  envelope: storyblokEnvelopeSchema,
  story: storyblokStorySchema,
  asset: storyblokAssetSchema,
  user: storyblokUserSchema,
  datasource: storyblokDatasourceSchema,
  workflow: storyblokWorkflowSchema,
  release: storyblokReleaseSchema,
  pipeline: storyblokPipelineSchema,
  discussion: storyblokDiscussionSchema,
} as const;
