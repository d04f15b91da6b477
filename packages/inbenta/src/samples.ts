import type { PayloadsOf } from "@cmshooks/core";
import type { inbentaEvents } from "./events.js";
import type { InbentaAttribute, InbentaContentData } from "./schemas.js";

type InbentaPayloads = PayloadsOf<typeof inbentaEvents>;

const answer = (value: string, modificationDate: string): InbentaAttribute => ({
  id: 2,
  name: "ANSWER_TEXT",
  objects: [
    {
      id: 5813,
      value,
      creationDate: "2026-03-02T08:15:04+00:00",
      createdBy: "Marta Vidal",
      modificationDate,
      modifiedBy: "Jordi Puig",
      useDefault: false,
      notShown: false,
    },
  ],
});

/** The content as created: every field of the documented `contentData`. */
const created: InbentaContentData & { title: string } = {
  title: "How do I reset my online banking password?",
  categories: [14, 22],
  isActive: true,
  isPushContent: false,
  isConsiderForPopularContents: true,
  relatedContents: [1290, 1302],
  decisionTree: {
    text: "Where are you signing in?",
    children: [
      { contentId: 1311, text: "Mobile app" },
      { contentId: 1312, text: "Website" },
    ],
  },
  attributes: answer("<p>Open <strong>Settings &gt; Security</strong> and choose <em>Reset password</em>.</p>", "2026-03-02T08:15:04+00:00"),
  publicationDate: "2026-03-02T09:00:00+00:00",
  expirationDate: null,
  creationDate: "2026-03-02T08:15:04+00:00",
  createdBy: "Marta Vidal",
  modificationDate: "2026-03-02T08:15:04+00:00",
  modifiedBy: "Marta Vidal",
  userTypes: [
    {
      id: 0,
      name: "Default",
      isActive: true,
      attributes: [answer("<p>Open Settings &gt; Security and choose Reset password.</p>", "2026-03-02T08:15:04+00:00")],
      publicationDate: "2026-03-02T09:00:00+00:00",
      expirationDate: null,
      relatedContents: [1290, 1302],
    },
    {
      id: 3,
      name: "Business customers",
      isActive: true,
      attributes: [answer("<p>Ask your company administrator to reset it from the Business portal.</p>", "2026-03-02T08:15:04+00:00")],
      publicationDate: "2026-03-02T09:00:00+00:00",
      expirationDate: "2026-12-31T23:59:59+00:00",
      relatedContents: [1302],
    },
  ],
};

/** A "webhook upon saving" delivery: the compact `content` and the stored `currentContent` of the same save. */
function saved<const A extends "add" | "edit">(action: A, date: string, title: string) {
  const text = "<p>Open Settings &gt; Security and choose Reset password.</p>";
  return {
    action,
    date,
    content: {
      id: 1287,
      title,
      userTypes: { Default: { ANSWER_TEXT: text }, "Business customers": { ANSWER_TEXT: text, KEYWORDS: ["password", "reset"] } },
      categories: { "14": "Accounts", "22": "Online banking" },
    },
    currentContent: {
      id: 1287,
      status: 1,
      title,
      categories: [14, 22],
      userTypes: [{ id: 0, name: "Default", active: true, attributes: [answer(text, date)], publicationDate: "2026-03-02T09:00:00+00:00", expirationDate: null }],
    },
  };
}

/**
 * A realistic sample delivery for every Inbenta native event, as the JSON
 * Inbenta would send: the documented payloads with their placeholders filled.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(inbentaSamples.edit_content);
 * ```
 */
export const inbentaSamples: InbentaPayloads = {
  create_content: {
    trigger: "create_content",
    date: "2026-03-02T08:15:04+00:00",
    contentId: 1287,
    contentData: created,
  },
  edit_content: {
    trigger: "edit_content",
    date: "2026-03-12T09:41:27+00:00",
    contentId: 1287,
    contentData: {
      title: "How do I reset my online or mobile banking password?",
      relatedContents: [1290, 1302, 1344],
      decisionTree: null,
      attributes: answer("<p>In the app or on the website, open <strong>Settings &gt; Security</strong>.</p>", "2026-03-12T09:41:27+00:00"),
      expirationDate: "2027-03-12T00:00:00+00:00",
      modificationDate: "2026-03-12T09:41:27+00:00",
      modifiedBy: "Jordi Puig",
    },
    contentPreviousData: {
      title: created.title,
      relatedContents: created.relatedContents,
      decisionTree: created.decisionTree,
      attributes: created.attributes,
      expirationDate: null,
      modificationDate: "2026-03-02T08:15:04+00:00",
      modifiedBy: "Marta Vidal",
    },
  },
  change_content_status: {
    trigger: "change_content_status",
    date: "2026-03-20T17:05:12+00:00",
    contentId: 1287,
    contentData: { isActive: false },
    contentPreviousData: { isActive: true },
  },
  delete_content: {
    trigger: "delete_content",
    date: "2026-04-01T07:30:00+00:00",
    contentId: 1287,
  },
  create_category: {
    trigger: "create_category",
    date: "2026-02-27T11:20:45+00:00",
    categoryId: 22,
    categoryData: { name: "Online banking", parent: 14, order: 3 },
  },
  edit_category: {
    trigger: "edit_category",
    date: "2026-03-05T15:02:19+00:00",
    categoryId: 22,
    categoryData: { name: "Online & mobile banking" },
    categoryPreviousData: { name: "Online banking", parent: 14, order: 3 },
  },
  remove_category: {
    trigger: "remove_category",
    date: "2026-04-02T10:00:00+00:00",
    categoryId: 22,
  },
  moving_category_tree: {
    trigger: "moving_category_tree",
    itemMovedType: "category",
    id: 22,
    categoryParentFrom: 14,
    categoryParentTo: 9,
    order: 1,
  },
  "upon_saving.add": saved("add", "2026-03-02T08:15:04+00:00", created.title),
  "upon_saving.edit": saved("edit", "2026-03-12T09:41:27+00:00", "How do I reset my online or mobile banking password?"),
};
