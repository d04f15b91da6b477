import type { PayloadsOf } from "@cmshooks/core";
import { signStoryblok, storyblokEvents, storyblokSamples, STORYBLOK_SIGNATURE_HEADER, type StoryblokEventName } from "@cmshooks/storyblok";
import { deepMerge } from "../deep-merge.js";
import { authHeaders, makeDelivery, pathWithAuth } from "../make-delivery.js";
import { SampleData } from "../sample-data.js";
import type { TestAuth, VendorTestkit } from "../test-delivery.js";

type StoryblokPayloads = PayloadsOf<typeof storyblokEvents>;

const FOLDERS = ["blog", "news", "products", "landing-pages", "docs"] as const;
const STAGES = ["Drafting", "Reviewing", "Ready for translation", "Ready to publish"] as const;
const DATASOURCES = ["colors", "countries", "product-categories", "authors"] as const;
const ID_FIELDS = ["story_id", "asset_id", "user_id", "release_id", "branch_id", "discussion_id", "comment_id"] as const;

/** Storyblok's `text`: who did what to which resource, as its examples word it. */
function describe(event: string, email: string, title: string, slug: string): string {
  const [resource, verb] = event.includes(".") ? (event.split(".") as [string, string]) : ["", event];
  return `The user ${email} ${(verb || event).replaceAll("_", " ")} the ${resource || "space"} ${title} (${slug})`;
}

function payload<K extends StoryblokEventName>(event: K, seed: number): StoryblokPayloads[K] {
  const data = new SampleData(seed);
  const sample: Record<string, unknown> = { ...storyblokSamples[event] };
  const title = data.title();
  const slug = `${data.pick(FOLDERS)}/${data.slug(title)}`;
  const email = data.person().email;
  sample.space_id = data.int(100_000, 999_999);
  sample.text = describe(event, email, title, slug);
  // Story ids are 15 digits today: still exact in a double.
  for (const field of ID_FIELDS) if (field in sample) sample[field] = field === "story_id" ? data.int(1e14, 9e14) : data.int(1_000, 99_999_999);
  if ("full_slug" in sample) sample.full_slug = slug;
  if ("datasource_slug" in sample) sample.datasource_slug = data.pick(DATASOURCES);
  if ("workflow_stage_name" in sample) sample.workflow_stage_name = data.pick(STAGES);
  return sample as StoryblokPayloads[K];
}

const DEFAULT_SECRET = "storyblok-test-secret";

/** The secret signature, plus any receiver-side credentials the webhook URL or headers carry. */
async function authenticate(body: Uint8Array | string, secret: string | undefined, auth: TestAuth | undefined): Promise<Record<string, string>> {
  return { [STORYBLOK_SIGNATURE_HEADER]: await signStoryblok(body, secret ?? DEFAULT_SECRET), ...authHeaders(auth) };
}

/**
 * Storyblok test deliveries, signed with `webhook-signature`
 * (hex HMAC-SHA1 of the body). `auth` adds receiver-side credentials for
 * receivers that also check those.
 *
 * @example
 * ```ts
 * const delivery = await storyblokTestkit.delivery("story.published", { secret: "s3cret" });
 * const receiver = createReceiver({ provider: storyblok({ secret: "s3cret" }) });
 * await receiver.handle(toHandleInput(delivery)); // 200
 * ```
 */
export const storyblokTestkit: VendorTestkit<StoryblokPayloads> = {
  vendor: "storyblok",
  events: Object.keys(storyblokEvents) as StoryblokEventName[],
  payload: (event, options = {}) => deepMerge(payload(event, options.seed ?? 1), options.overrides),
  delivery(event, options = {}) {
    return makeDelivery({
      vendor: "storyblok",
      event,
      payload: deepMerge(payload(event, options.seed ?? 1), options.overrides),
      path: pathWithAuth("/hooks/storyblok", options.auth),
      ...(options.headers ? { headers: options.headers } : {}),
      sign: (body) => authenticate(body, options.secret, options.auth),
    });
  },
  sign: (body, { secret, auth }) => authenticate(body, secret, auth),
};
