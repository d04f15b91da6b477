import type { PayloadsOf } from "@cmshooks/core";
import type { kapostEvents } from "./events.js";
import type { KapostContentDelivery } from "./schemas.js";

type KapostPayloads = PayloadsOf<typeof kapostEvents>;

/** The example payload of Kapost's webhook documentation, as documented (a fresh idea: most fields `null` or empty). */
const documented: KapostPayloads["content.create"] = {
  operation: "create",
  type: "content",
  payload: {
    full_post: {
      id: "523381424aaaaecc80000001",
      idea_title: null,
      content_title: null,
      creator_id: "51e477b9e1f419ecf4000004",
      assignee_id: "51e477b9e1f419ecf4000004",
      campaign_ids: [],
      is_draft: false,
      submission_deadline: null,
      publish_deadline: null,
      next_task: "Discuss post with creator",
      updated_at: "2013-09-13T21:18:58Z",
      privacy: "members",
      idea: null,
      content: null,
      tags: [],
      custom_fields: {},
      excerpt: null,
      categories: [],
      persona_ids: [],
      stage_ids: [],
      attachments: [],
      content_type: { id: "515b373751c35c02000001c3", display_name: "Blog Post" },
    },
  },
  instance: { id: "515b373751c35c02000001c2", subdomain: "mongohq" },
};

/** The same item later in its life: written, planned and scheduled. */
function written(updatedAt: string, nextTask: string | null): Pick<KapostContentDelivery, "type" | "payload" | "instance"> {
  return {
    type: "content",
    instance: documented.instance,
    payload: {
      full_post: {
        ...documented.payload.full_post,
        idea_title: "Why content operations need a single calendar",
        content_title: "One calendar for every channel: how content teams stop double-booking",
        campaign_ids: ["5290f2b0c6b5a1e35c000011"],
        submission_deadline: "2013-09-20T17:00:00Z",
        publish_deadline: "2013-09-24T14:00:00Z",
        next_task: nextTask,
        updated_at: updatedAt,
        idea: "<p>Teams plan in five tools; show them one calendar.</p>",
        content: "<p>Every content team we talked to kept at least three calendars…</p>",
        tags: ["content operations", "planning"],
        custom_fields: { target_region: ["EMEA", "NA"], word_count_goal: "1200" },
        excerpt: "How one shared calendar ends double-booked launches.",
        categories: ["Thought Leadership"],
        persona_ids: ["5290f2b0c6b5a1e35c000021"],
        stage_ids: ["5290f2b0c6b5a1e35c000031"],
        attachments: [{ url: "https://mongohq.kapost.com/files/brief.pdf", file_name: "brief.pdf" }],
      },
    },
  };
}

/**
 * A realistic sample delivery for every Kapost native event, as the JSON
 * Kapost would send. `content.create` is the example of Kapost's webhook
 * documentation as written.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(kapostSamples["content.publish"]);
 * ```
 */
export const kapostSamples: KapostPayloads = {
  "content.create": documented,
  "content.update": { operation: "update", ...written("2013-09-19T10:02:11Z", "Edit post") },
  "content.publish": { operation: "publish", ...written("2013-09-24T14:00:03Z", null) },
  "content.delete": { operation: "delete", ...written("2013-10-02T08:45:40Z", null) },
};
