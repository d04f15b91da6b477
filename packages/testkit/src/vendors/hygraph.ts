import type { PayloadsOf } from "@cmshooks/core";
import { HYGRAPH_SIGNATURE_HEADER, hygraphEvents, signHygraph, type HygraphEventName } from "@cmshooks/hygraph";
import { deepMerge } from "../deep-merge.js";
import { makeDelivery } from "../make-delivery.js";
import { SampleData } from "../sample-data.js";
import type { VendorTestkit } from "../test-delivery.js";

type HygraphPayloads = PayloadsOf<typeof hygraphEvents>;

const DEFAULT_SECRET = "hygraph-test-secret";
const MODELS = ["Post", "Page", "Product", "Author", "Asset"] as const;
const LOCALES = ["en", "de", "fr"] as const;

/** A Hygraph-style id: 25 lower-case base36 characters starting with "c". */
function cuid(data: SampleData): string {
  let out = "c";
  for (let i = 0; i < 24; i++) out += data.int(0, 35).toString(36);
  return out;
}

/** create, update and delete send the draft; publish and unpublish the published snapshot (with "Include payload" on). */
function payload<K extends HygraphEventName>(event: K, seed: number): HygraphPayloads[K] {
  const data = new SampleData(seed);
  const published = event === "publish" || event === "unpublish";
  const title = data.title();
  const created = data.isoDate();
  const updated = data.isoDate();
  const latest = updated < created ? created : updated;
  return {
    operation: event,
    data: {
      __typename: data.pick(MODELS),
      id: cuid(data),
      stage: published ? "PUBLISHED" : "DRAFT",
      createdAt: created,
      updatedAt: latest,
      publishedAt: event === "publish" ? latest : null,
      title,
      slug: data.slug(title),
      author: { __typename: "Author", id: cuid(data) },
      localizations: [{ locale: data.pick(LOCALES), title }],
    },
  } as unknown as HygraphPayloads[K];
}

/**
 * Hygraph test deliveries, signed with `gcms-signature` for the `master`
 * environment at `timestamp` (default: now).
 *
 * @example
 * ```ts
 * const delivery = await hygraphTestkit.delivery("publish", { secret: "s3cret" });
 * ```
 */
export const hygraphTestkit: VendorTestkit<HygraphPayloads> = {
  vendor: "hygraph",
  events: Object.keys(hygraphEvents) as HygraphEventName[],
  payload: (event, options = {}) => deepMerge(payload(event, options.seed ?? 1), options.overrides),
  delivery(event, options = {}) {
    const secret = options.secret ?? DEFAULT_SECRET;
    return makeDelivery({
      vendor: "hygraph",
      event,
      payload: deepMerge(payload(event, options.seed ?? 1), options.overrides),
      path: "/hooks/hygraph",
      ...(options.headers ? { headers: options.headers } : {}),
      sign: async (body) => ({ [HYGRAPH_SIGNATURE_HEADER]: await signHygraph(body, secret, { timestamp: options.timestamp }) }),
    });
  },
  async sign(body, { secret, timestamp }) {
    return { [HYGRAPH_SIGNATURE_HEADER]: await signHygraph(body, secret ?? DEFAULT_SECRET, { timestamp }) };
  },
};
