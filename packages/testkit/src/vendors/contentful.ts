import type { PayloadsOf } from "@cmshooks/core";
import { CONTENTFUL_HEADERS, contentfulEvents, contentfulSamples, signContentful, type ContentfulEventName } from "@cmshooks/contentful";
import { deepMerge } from "../deep-merge.js";
import { makeDelivery } from "../make-delivery.js";
import { eventSeed, SampleData } from "../sample-data.js";
import type { VendorTestkit } from "../test-delivery.js";

type ContentfulPayloads = PayloadsOf<typeof contentfulEvents>;

/** A signing secret as Contentful makes them: 64 characters. */
const DEFAULT_SECRET = "cmshooks-contentful-test-signing-secret-0123456789abcdefghijklmn";
const PATH = "/hooks/contentful";
const CONTENT_TYPES = ["blogPost", "landingPage", "product", "author"] as const;
const LOCALES = ["en-US", "de-DE"] as const;

/** A Contentful-style id: 22 base62 characters. */
function contentfulId(data: SampleData): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let i = 0; i < 22; i++) out += alphabet[data.int(0, 61)];
  return out;
}

/** The sample entity for the topic, with fresh ids, times and (for entries and assets) title. */
function payload<K extends ContentfulEventName>(event: K, seed: number): ContentfulPayloads[K] {
  const data = new SampleData(seed);
  const sample = structuredClone(contentfulSamples[event]) as { sys: Record<string, unknown>; fields?: Record<string, Record<string, unknown>> };
  const created = data.isoDate();
  const updated = data.isoDate();
  Object.assign(sample.sys, { id: contentfulId(data), createdAt: created, updatedAt: updated < created ? created : updated });
  if ("publishedAt" in sample.sys) sample.sys.publishedAt = sample.sys.updatedAt;
  if ("deletedAt" in sample.sys) sample.sys.deletedAt = sample.sys.updatedAt;
  if (sample.sys.contentType) sample.sys.contentType = { sys: { type: "Link", linkType: "ContentType", id: data.pick(CONTENT_TYPES) } };
  if (sample.fields?.title) {
    const title = data.title();
    sample.fields.title = { [data.pick(LOCALES)]: title };
    if (sample.fields.slug) sample.fields.slug = { "en-US": data.slug(title) };
  }
  return sample as ContentfulPayloads[K];
}

/** The headers Contentful sends with every call: topic, webhook name, idempotency key, media type. */
function contentfulHeaders(event: ContentfulEventName, seed: number): Record<string, string> {
  const data = new SampleData(eventSeed(seed, event));
  return {
    "content-type": "application/vnd.contentful.management.v1+json",
    [CONTENTFUL_HEADERS.topic]: event,
    [CONTENTFUL_HEADERS.webhookName]: "cmshooks",
    [CONTENTFUL_HEADERS.idempotencyKey]: data.hex(64),
  };
}

/**
 * Contentful test deliveries: the entity for the topic, the `X-Contentful-*`
 * headers, and request verification's signature over method, `path` and body
 * at `timestamp` (defaults: `/hooks/contentful`, now).
 *
 * @example
 * ```ts
 * const delivery = await contentfulTestkit.delivery("ContentManagement.Entry.publish", { secret: signingSecret });
 * ```
 */
export const contentfulTestkit: VendorTestkit<ContentfulPayloads> = {
  vendor: "contentful",
  events: Object.keys(contentfulEvents) as ContentfulEventName[],
  payload: (event, options = {}) => deepMerge(payload(event, options.seed ?? 1), options.overrides),
  delivery(event, options = {}) {
    const secret = options.secret ?? DEFAULT_SECRET;
    const path = options.path ?? PATH;
    return makeDelivery({
      vendor: "contentful",
      event,
      payload: deepMerge(payload(event, options.seed ?? 1), options.overrides),
      path,
      headers: { ...contentfulHeaders(event, options.seed ?? 1), ...options.headers },
      sign: (body) => signContentful(body, secret, { path, timestamp: options.timestamp }),
    });
  },
  sign(body, { secret, timestamp }) {
    return signContentful(body, secret ?? DEFAULT_SECRET, { path: PATH, timestamp });
  },
};
