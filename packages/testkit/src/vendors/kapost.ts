import type { PayloadsOf } from "@cmshooks/core";
import { kapostEvents, type KapostEventName, type KapostOperation } from "@cmshooks/kapost";
import { deepMerge } from "../deep-merge.js";
import { authHeaders, makeDelivery, pathWithAuth } from "../make-delivery.js";
import { SampleData } from "../sample-data.js";
import type { VendorTestkit } from "../test-delivery.js";

type KapostPayloads = PayloadsOf<typeof kapostEvents>;

const CONTENT_TYPES = ["Blog Post", "Case Study", "eBook", "Webinar", "Press Release"] as const;
const TASKS = ["Discuss post with creator", "Write first draft", "Edit post", "Legal review", "Schedule"] as const;
const TAGS = ["content operations", "planning", "customer stories", "product launch", "analytics"] as const;
const CATEGORIES = ["Thought Leadership", "Product", "Customers", "Events"] as const;
const SUBDOMAINS = ["northwind", "globex", "initech", "umbrella"] as const;

function payload<K extends KapostEventName>(event: K, seed: number): KapostPayloads[K] {
  const data = new SampleData(seed);
  const operation = event.slice(event.indexOf(".") + 1) as KapostOperation;
  // A fresh idea has no content yet; later operations carry the written post.
  const written = operation !== "create";
  const title = data.title();
  const creator = data.objectId();
  const updatedAt = data.isoDate();
  return {
    operation,
    type: "content",
    payload: {
      full_post: {
        id: data.objectId(),
        idea_title: title,
        content_title: written ? `${title}: what it means for you` : null,
        creator_id: creator,
        assignee_id: data.pick([creator, data.objectId()]),
        campaign_ids: [data.objectId()],
        is_draft: !written,
        submission_deadline: written ? data.isoDate() : null,
        publish_deadline: written ? data.isoDate() : null,
        next_task: operation === "publish" || operation === "delete" ? null : data.pick(TASKS),
        updated_at: updatedAt,
        privacy: "members",
        idea: `<p>${title}. Angle: ${data.pick(TAGS)}.</p>`,
        content: written ? `<p>${title}.</p><p>Here is what changes, and when.</p>` : null,
        tags: [data.pick(TAGS)],
        custom_fields: { target_region: [data.pick(["EMEA", "NA", "APAC"])], word_count_goal: String(data.int(6, 20) * 100) },
        excerpt: written ? `${title}, in five minutes.` : null,
        categories: [data.pick(CATEGORIES)],
        persona_ids: [data.objectId()],
        stage_ids: [data.objectId()],
        attachments: [],
        content_type: { id: data.objectId(), display_name: data.pick(CONTENT_TYPES) },
      },
    },
    instance: { id: data.objectId(), subdomain: data.pick(SUBDOMAINS) },
  } as KapostPayloads[K];
}

/**
 * Kapost test deliveries. Kapost signs nothing: pass the receiver-side
 * credentials as `auth` (basic auth as an `Authorization` header, a secret
 * header, or a query secret appended to `path`). `secret` is not used.
 *
 * @example
 * ```ts
 * const auth = { basic: { username: "kapost", password: "pa55:word" } };
 * const receiver = createReceiver({ provider: kapost({ auth: authenticatorFor(auth) }) });
 * const delivery = await kapostTestkit.delivery("content.publish", { auth });
 * await receiver.handle(toHandleInput(delivery)); // 200
 * ```
 */
export const kapostTestkit: VendorTestkit<KapostPayloads> = {
  vendor: "kapost",
  events: Object.keys(kapostEvents) as KapostEventName[],
  payload: (event, options = {}) => deepMerge(payload(event, options.seed ?? 1), options.overrides),
  delivery(event, options = {}) {
    return makeDelivery({
      vendor: "kapost",
      event,
      payload: deepMerge(payload(event, options.seed ?? 1), options.overrides),
      path: pathWithAuth("/hooks/kapost", options.auth),
      ...(options.headers ? { headers: options.headers } : {}),
      sign: async () => authHeaders(options.auth),
    });
  },
  async sign(_body, { auth }) {
    return authHeaders(auth);
  },
};
