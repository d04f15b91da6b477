import type { PayloadsOf } from "@cmshooks/core";
import { inbentaEvents, type InbentaAttribute, type InbentaEventName } from "@cmshooks/inbenta";
import { deepMerge } from "../deep-merge.js";
import { authHeaders, makeDelivery, pathWithAuth } from "../make-delivery.js";
import { SampleData } from "../sample-data.js";
import type { VendorTestkit } from "../test-delivery.js";

type InbentaPayloads = PayloadsOf<typeof inbentaEvents>;

const QUESTIONS = [
  "How do I reset my password?",
  "Can I change my delivery address after ordering?",
  "Where do I find my invoices?",
  "How do I cancel my subscription?",
  "Which payment methods do you accept?",
] as const;
const CATEGORY_NAMES = ["Account", "Billing", "Orders", "Shipping", "Security", "Subscriptions"] as const;

/** Inbenta writes dates as ISO-8601 with an offset. */
const inbentaDate = (data: SampleData) => data.isoDate().replace("Z", "+00:00");

function answer(data: SampleData, value: string, date: string, author: string): InbentaAttribute {
  return {
    id: 2,
    name: "ANSWER_TEXT",
    objects: [{ id: data.int(1000, 9999), value, creationDate: date, createdBy: author, modificationDate: date, modifiedBy: author, useDefault: false, notShown: false }],
  };
}

function payload<K extends InbentaEventName>(event: K, seed: number): InbentaPayloads[K] {
  const data = new SampleData(seed);
  const date = inbentaDate(data);
  const contentId = data.int(100, 9999);
  const categoryId = data.int(1, 400);
  const parent = data.int(1, 400);
  const author = data.person();
  const editor = data.person();
  const authorName = `${author.first} ${author.last}`;
  const editorName = `${editor.first} ${editor.last}`;
  const title = data.pick(QUESTIONS);
  const category = data.pick(CATEGORY_NAMES);
  const related = [data.int(100, 9999), data.int(100, 9999)];
  const body: Record<InbentaEventName, () => unknown> = {
    create_content: () => ({
      contentId,
      contentData: {
        title,
        categories: [categoryId],
        isActive: true,
        isPushContent: false,
        isConsiderForPopularContents: true,
        relatedContents: related,
        decisionTree: null,
        attributes: [answer(data, `<p>${title} Here is how.</p>`, date, authorName)],
        publicationDate: date,
        expirationDate: null,
        creationDate: date,
        createdBy: authorName,
        modificationDate: date,
        modifiedBy: authorName,
        userTypes: [{ id: 0, name: "Default", isActive: true, publicationDate: date, expirationDate: null, relatedContents: related }],
      },
    }),
    edit_content: () => ({
      contentId,
      contentData: { title: `${title.slice(0, -1)} online?`, relatedContents: [...related, data.int(100, 9999)], modificationDate: date, modifiedBy: editorName },
      contentPreviousData: { title, relatedContents: related, modificationDate: inbentaDate(data), modifiedBy: authorName },
    }),
    change_content_status: () => {
      const isActive = data.pick([true, false]);
      return { contentId, contentData: { isActive }, contentPreviousData: { isActive: !isActive } };
    },
    delete_content: () => ({ contentId }),
    create_category: () => ({ categoryId, categoryData: { name: category, parent, order: data.int(1, 12) } }),
    edit_category: () => ({
      categoryId,
      categoryData: { name: `${category} & payments` },
      categoryPreviousData: { name: category, parent, order: data.int(1, 12) },
    }),
    remove_category: () => ({ categoryId }),
    moving_category_tree: () => ({
      itemMovedType: data.pick(["category", "content"] as const),
      id: categoryId,
      categoryParentFrom: parent,
      categoryParentTo: data.int(1, 400),
      order: data.int(1, 12),
    }),
    "upon_saving.add": () => saved(title),
    "upon_saving.edit": () => saved(`${title.slice(0, -1)} online?`),
  };
  /** A "webhook upon saving" body: the compact `content` and the stored `currentContent` of one save. */
  function saved(savedTitle: string) {
    const text = `<p>${savedTitle} Here is how.</p>`;
    return {
      content: { id: contentId, title: savedTitle, userTypes: { Default: { ANSWER_TEXT: text } }, categories: { [String(categoryId)]: category } },
      currentContent: {
        id: contentId,
        status: 1,
        title: savedTitle,
        categories: [categoryId],
        userTypes: [{ id: 0, name: "Default", active: true, attributes: [answer(data, text, date, editorName)], publicationDate: date, expirationDate: null }],
      },
    };
  }
  // The "webhook upon saving" names its event by `action`; the documented move payload has no date; every other trigger has one.
  const saving = event.startsWith("upon_saving.");
  const head = saving ? { action: event.slice("upon_saving.".length), date } : event === "moving_category_tree" ? { trigger: event } : { trigger: event, date };
  return { ...head, ...(body[event]() as object) } as InbentaPayloads[K];
}

/**
 * Inbenta Knowledge test deliveries. Inbenta signs nothing: pass the
 * receiver-side credentials as `auth` (basic auth as an `Authorization`
 * header, a secret header, or a query secret appended to `path`). `secret` is
 * not used.
 *
 * @example
 * ```ts
 * const auth = { query: { name: "token", value: "t0k3n" } };
 * const receiver = createReceiver({ provider: inbenta({ auth: authenticatorFor(auth) }) });
 * const delivery = await inbentaTestkit.delivery("edit_content", { auth });
 * await receiver.handle(toHandleInput(delivery)); // 200
 * ```
 */
export const inbentaTestkit: VendorTestkit<InbentaPayloads> = {
  vendor: "inbenta",
  events: Object.keys(inbentaEvents) as InbentaEventName[],
  payload: (event, options = {}) => deepMerge(payload(event, options.seed ?? 1), options.overrides),
  delivery(event, options = {}) {
    return makeDelivery({
      vendor: "inbenta",
      event,
      payload: deepMerge(payload(event, options.seed ?? 1), options.overrides),
      path: pathWithAuth("/hooks/inbenta", options.auth),
      ...(options.headers ? { headers: options.headers } : {}),
      sign: async () => authHeaders(options.auth),
    });
  },
  async sign(_body, { auth }) {
    return authHeaders(auth);
  },
};
