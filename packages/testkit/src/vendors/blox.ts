import { bloxEvents, signBlox, BLOX_SIGNATURE_HEADER, type BloxEventName } from "@cmshooks/blox";
import type { PayloadsOf } from "@cmshooks/core";
import { deepMerge } from "../deep-merge.js";
import { makeDelivery } from "../make-delivery.js";
import { SampleData } from "../sample-data.js";
import type { VendorTestkit } from "../test-delivery.js";

type BloxPayloads = PayloadsOf<typeof bloxEvents>;

const ASSET_TYPES = ["article", "image", "video", "audio", "collection", "pdf", "poll", "link"] as const;
const FLAGS = ["breaking_news", "ap", "editors_pick", "local"] as const;

function payload<K extends BloxEventName>(event: K, seed: number): BloxPayloads[K] {
  const data = new SampleData(seed);
  const [application, name] = event.split(".") as [string, string];
  if (application === "user") {
    const person = data.person();
    return {
      application,
      event: name,
      data: {
        id: data.uuid(),
        email: person.email,
        screen_name: person.username,
        first_name: person.first,
        last_name: person.last,
        address: `${data.int(1, 999)} Main St`,
        municipality: data.pick(["Springfield", "Riverside", "Fairview", "Madison"]),
        region: data.pick(["IL", "WI", "OH", "MN"]),
        postal_code: String(data.int(10000, 99999)),
      },
    } as BloxPayloads[K];
  }
  const title = data.title();
  const uuid = data.uuid();
  const type = data.pick(ASSET_TYPES);
  return {
    application,
    event: name,
    data: {
      uuid,
      url: `https://www.example-news.com/news/${data.slug(title)}/${type}_${uuid}.html`,
      title,
      type,
      flags: [data.pick(FLAGS)],
      start_time: data.isoDate(),
      revision: data.int(1, 12),
      published: event === "editorial.update_asset" ? "yes" : "no",
    },
  } as BloxPayloads[K];
}

/**
 * BLOX CMS test deliveries, signed with `X-Hook-Signature`.
 *
 * @example
 * ```ts
 * const delivery = await testkit.blox.delivery("editorial.update_asset", { secret: "s3cret" });
 * ```
 */
export const bloxTestkit: VendorTestkit<BloxPayloads> = {
  vendor: "blox",
  events: Object.keys(bloxEvents) as BloxEventName[],
  payload: (event, options = {}) => deepMerge(payload(event, options.seed ?? 1), options.overrides),
  delivery(event, options = {}) {
    const secret = options.secret ?? "blox-test-secret";
    return makeDelivery({
      vendor: "blox",
      event,
      payload: deepMerge(payload(event, options.seed ?? 1), options.overrides),
      path: "/hooks/blox",
      ...(options.headers ? { headers: options.headers } : {}),
      sign: async (body) => ({ [BLOX_SIGNATURE_HEADER]: await signBlox(body, secret) }),
    });
  },
  async sign(body, { secret }) {
    return { [BLOX_SIGNATURE_HEADER]: await signBlox(body, secret ?? "blox-test-secret") };
  },
};
