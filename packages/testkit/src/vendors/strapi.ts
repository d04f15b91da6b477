import type { PayloadsOf } from "@cmshooks/core";
import { STRAPI_EVENT_HEADER, strapiEvents, strapiSamples, type StrapiEventName } from "@cmshooks/strapi";
import { deepMerge } from "../deep-merge.js";
import { authHeaders, makeDelivery, pathWithAuth } from "../make-delivery.js";
import { SampleData } from "../sample-data.js";
import type { VendorTestkit } from "../test-delivery.js";

type StrapiPayloads = PayloadsOf<typeof strapiEvents>;

const MODELS = ["article", "page", "product", "author", "event"] as const;
const LOCALES = ["en", "fr", "de", "es"] as const;
const STAGES = ["To do", "In progress", "Ready to review", "Reviewed"] as const;

/** Strapi 5 document ids: 24 lower-case letters and digits. */
const documentId = (data: SampleData) => Array.from({ length: 24 }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[data.int(0, 35)]).join("");

/** A Strapi 5 delivery of `event`: the documented shape of the sample, with seeded values. */
function payload<K extends StrapiEventName>(event: K, seed: number): StrapiPayloads[K] {
  const data = new SampleData(seed);
  const sample = strapiSamples[event] as Record<string, unknown>;
  const createdAt = data.isoDate().replace("Z", ".000Z");
  const out: Record<string, unknown> = { ...sample, createdAt };
  const model = data.pick(MODELS);
  const title = data.title();
  if ("entry" in sample) {
    Object.assign(out, { model, uid: `api::${model}.${model}` });
    const published = event === "entry.publish" || event === "entry.unpublish";
    out.entry = {
      id: data.int(1, 5000),
      documentId: documentId(data),
      title,
      slug: data.slug(title),
      createdAt,
      updatedAt: createdAt,
      publishedAt: published ? createdAt : null,
      locale: data.pick(LOCALES),
    };
  }
  if ("media" in sample) {
    const hash = `${data.codename(title)}_${data.hex(6)}`;
    out.media = { ...(sample.media as object), id: data.int(1, 5000), documentId: documentId(data), name: `${data.slug(title)}.jpg`, hash, url: `/uploads/${hash}.jpg`, createdAt, updatedAt: createdAt };
  }
  if ("entity" in sample) {
    const from = data.int(0, STAGES.length - 2);
    const to = from + 1;
    Object.assign(out, { model, uid: `api::${model}.${model}` });
    out.entity = { id: data.int(1, 5000), documentId: documentId(data), locale: data.pick(LOCALES), status: "draft" };
    out.workflow = { id: data.int(1, 9), stages: { from: { id: from + 1, name: STAGES[from] }, to: { id: to + 1, name: STAGES[to] } } };
  }
  if ("release" in sample) {
    out.release = { ...(sample.release as object), id: data.int(1, 500), documentId: documentId(data), name: `${title} release`, releasedAt: createdAt, scheduledAt: createdAt };
  }
  return out as StrapiPayloads[K];
}

/**
 * Strapi 5 test deliveries, with `X-Strapi-Event` as Strapi sends it. Strapi
 * signs nothing: pass the headers configured on the webhook as `auth` (e.g.
 * `{ header: { name: "authorization", value: "Bearer …" } }`), basic auth or a
 * query secret. `secret` is not used.
 *
 * @example
 * ```ts
 * const auth = { header: { name: "authorization", value: "Bearer t0ken" } };
 * const receiver = createReceiver({ provider: strapi({ auth: authenticatorFor(auth) }) });
 * await receiver.handle(toHandleInput(await strapiTestkit.delivery("entry.publish", { auth }))); // 200
 * ```
 */
export const strapiTestkit: VendorTestkit<StrapiPayloads> = {
  vendor: "strapi",
  events: Object.keys(strapiEvents) as StrapiEventName[],
  payload: (event, options = {}) => deepMerge(payload(event, options.seed ?? 1), options.overrides),
  delivery(event, options = {}) {
    return makeDelivery({
      vendor: "strapi",
      event,
      payload: deepMerge(payload(event, options.seed ?? 1), options.overrides),
      path: pathWithAuth("/hooks/strapi", options.auth),
      headers: { [STRAPI_EVENT_HEADER]: event, ...options.headers },
      sign: async () => authHeaders(options.auth),
    });
  },
  async sign(_body, { auth }) {
    return authHeaders(auth);
  },
};
