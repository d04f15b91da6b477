import type { PayloadsOf } from "@cmshooks/core";
import { SANITY_HEADERS, SANITY_SIGNATURE_HEADER, sanityEvents, signSanity, type SanityEventName } from "@cmshooks/sanity";
import { deepMerge } from "../deep-merge.js";
import { makeDelivery } from "../make-delivery.js";
import { eventSeed, SampleData } from "../sample-data.js";
import type { VendorTestkit } from "../test-delivery.js";

type SanityPayloads = PayloadsOf<typeof sanityEvents>;

const DEFAULT_SECRET = "sanity-test-secret";
const TYPES = ["post", "article", "product", "author", "page"] as const;

/** A Sanity-style document id or revision: 22 base62 characters. */
function base62(data: SampleData, length = 22): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[data.int(0, 61)];
  return out;
}

/** A whole document (the default projection); a create is of a new draft, update and delete of the published document. */
function payload<K extends SanityEventName>(event: K, seed: number): SanityPayloads[K] {
  const data = new SampleData(seed);
  const title = data.title();
  const id = data.uuid();
  const created = data.isoDate();
  const updated = event === "create" ? created : data.isoDate();
  return {
    _id: event === "create" ? `drafts.${id}` : id,
    _type: data.pick(TYPES),
    _rev: base62(data),
    _createdAt: created,
    _updatedAt: updated < created ? created : updated,
    title,
    slug: { _type: "slug", current: data.slug(title) },
    author: { _type: "reference", _ref: data.uuid() },
  } as SanityPayloads[K];
}

/** The headers Sanity sends besides the signature, for this document and operation. */
function sanityHeaders(event: SanityEventName, body: unknown, seed: number): Record<string, string> {
  const data = new SampleData(eventSeed(seed, event));
  const id = typeof body === "object" && body !== null && typeof (body as { _id?: unknown })._id === "string" ? (body as { _id: string })._id : data.uuid();
  return {
    [SANITY_HEADERS.operation]: event,
    [SANITY_HEADERS.documentId]: id,
    [SANITY_HEADERS.projectId]: base62(data, 8).toLowerCase(),
    [SANITY_HEADERS.dataset]: "production",
    [SANITY_HEADERS.transactionId]: base62(data),
    [SANITY_HEADERS.transactionTime]: data.isoDate(),
    [SANITY_HEADERS.webhookId]: base62(data, 16),
    [SANITY_HEADERS.idempotencyKey]: `msg-${base62(data, 26)}`,
  };
}

/**
 * Sanity test deliveries: the whole document (the default projection), the
 * `sanity-*` and `idempotency-key` headers, signed with
 * `sanity-webhook-signature` at `timestamp` (default: now).
 *
 * @example
 * ```ts
 * const delivery = await sanityTestkit.delivery("update", { secret: "s3cret", overrides: { title: "Hello" } });
 * ```
 */
export const sanityTestkit: VendorTestkit<SanityPayloads> = {
  vendor: "sanity",
  events: Object.keys(sanityEvents) as SanityEventName[],
  payload: (event, options = {}) => deepMerge(payload(event, options.seed ?? 1), options.overrides),
  delivery(event, options = {}) {
    const secret = options.secret ?? DEFAULT_SECRET;
    const seed = options.seed ?? 1;
    const body = deepMerge(payload(event, seed), options.overrides);
    return makeDelivery({
      vendor: "sanity",
      event,
      payload: body,
      path: "/hooks/sanity",
      headers: { ...sanityHeaders(event, body, seed), ...options.headers },
      sign: async (bytes) => ({ [SANITY_SIGNATURE_HEADER]: await signSanity(bytes, secret, options.timestamp) }),
    });
  },
  async sign(body, { secret, timestamp }) {
    return { [SANITY_SIGNATURE_HEADER]: await signSanity(body, secret ?? DEFAULT_SECRET, timestamp) };
  },
};
