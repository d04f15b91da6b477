import { ConfigurationError } from "@cmshooks/core";
import { contensisDefaultPayload } from "./render-delivery.js";
import { CONTENSIS_EVENT_NAMES, splitContensisEventName, type ContensisEventName, type ContensisResourceType } from "./resource-events.js";
import type { ContensisPayloads } from "./subscription-payloads.js";
import type { ContensisTemplateContext } from "./template-context.js";

/** The values a sample context is made of; the testkit varies them per seed. */
export interface ContensisSampleValues {
  readonly eventId: string;
  readonly subscriptionId: string;
  /** ISO-8601, with milliseconds (the default payload's `datetime` format). */
  readonly dateTime: string;
  readonly projectId: string;
  /** Id of the entry, asset, node, user… */
  readonly resourceId: string;
  /** Content type of entries and forms (assets use `image`). */
  readonly contentTypeId: string;
  readonly language: string;
  readonly title: string;
  readonly department: string;
  readonly user: { readonly username: string; readonly firstName: string; readonly lastName: string; readonly email: string };
}

const DEFAULT_VALUES: ContensisSampleValues = {
  eventId: "6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5",
  subscriptionId: "3a7ce8e3-9c9f-4242-be20-35edb29c4a07",
  dateTime: "2026-03-18T09:41:27.512Z",
  projectId: "website",
  resourceId: "b2a9f0c4-1d2e-4f3a-9b8c-7d6e5f4a3b21",
  contentTypeId: "news",
  language: "en-GB",
  title: "City council approves new transit plan",
  department: "Newsroom",
  user: { username: "t.durden", firstName: "Tyler", lastName: "Durden", email: "t.durden@example.com" },
};

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function entryResource(v: ContensisSampleValues, event: string, dataFormat: "entry" | "asset") {
  const state = event === "workflowStateChanged" ? "awaitingApproval" : event === "published" ? "versionComplete" : "draft";
  const path = dataFormat === "asset" ? `/image-library/${slug(v.title)}.jpg` : `/news/${slug(v.title)}`;
  return {
    sys: {
      id: v.resourceId,
      projectId: v.projectId,
      contentTypeId: dataFormat === "asset" ? "image" : v.contentTypeId,
      dataFormat,
      language: v.language,
      uri: path,
      isPublished: event === "published",
      workflow: { id: "contensisEntryApproval", state: `contensisEntryApproval.${state}` },
      version: { versionNo: "2.0", modified: v.dateTime, modifiedBy: v.user.username },
    },
    entryTitle: v.title,
    entryDescription: `${v.title}: what changes for residents`,
    ...(dataFormat === "asset" ? { altText: v.title } : { headline: v.title, department: v.department }),
  };
}

/** A realistic resource of each type. Shapes beyond entries are illustrative (UNCONFIRMED). */
function sampleResource(resourceType: ContensisResourceType, event: string, v: ContensisSampleValues): Record<string, unknown> {
  switch (resourceType) {
    case "entry":
    case "asset":
      return entryResource(v, event, resourceType);
    case "form":
      return {
        sys: { id: v.resourceId, projectId: v.projectId, contentTypeId: "contactUs", language: v.language, workflow: { id: "contensisFormBasic", state: "contensisFormBasic.unread" } },
        name: `${v.user.firstName} ${v.user.lastName}`,
        email: v.user.email,
        message: "Please call me back about the transit plan.",
      };
    case "contentType":
    case "component":
      return {
        id: v.contentTypeId,
        projectId: v.projectId,
        name: { [v.language]: v.contentTypeId },
        dataFormat: resourceType === "component" ? "component" : "entry",
        fields: [{ id: "headline", name: { [v.language]: "Headline" }, dataType: "string" }],
      };
    case "node":
      return { id: v.resourceId, projectId: v.projectId, displayName: { [v.language]: v.title }, slug: { [v.language]: slug(v.title) }, path: `/news/${slug(v.title)}` };
    case "project":
      return { id: v.projectId, name: "Website", primaryLanguage: v.language, supportedLanguages: [v.language] };
    case "user":
      return { id: v.resourceId, username: v.user.username, firstName: v.user.firstName, lastName: v.user.lastName, email: v.user.email };
    case "group":
      return { id: v.resourceId, name: "Editors", description: "Can edit and submit news" };
    case "comment.entry":
      return { id: v.resourceId, entryId: "c0ffee00-1234-4abc-9def-0123456789ab", message: "Can we add a quote from the mayor?", createdBy: v.user.username };
  }
}

/**
 * A realistic event context (what placeholders point into) for a native
 * event: `resource`, `event` and `user`.
 *
 * @example
 * ```ts
 * renderContensisDelivery(subscription, contensisSampleContext("entry.published", { contentTypeId: "news" }));
 * ```
 */
export function contensisSampleContext(name: ContensisEventName, values: Partial<ContensisSampleValues> = {}): ContensisTemplateContext {
  const split = splitContensisEventName(name);
  if (!split) throw new ConfigurationError(`contensisSampleContext: "${name}" is not a Contensis event`);
  const v = { ...DEFAULT_VALUES, ...values };
  const { resourceType, event } = split;
  const resource = sampleResource(resourceType, event, v);
  const routable = resourceType === "entry" || resourceType === "asset" || resourceType === "node";
  const resourceId = resourceType === "contentType" || resourceType === "component" ? v.contentTypeId : resourceType === "project" ? v.projectId : v.resourceId;
  return {
    resource,
    event: {
      id: v.eventId,
      name: event,
      subscriptionId: v.subscriptionId,
      dateTime: v.dateTime,
      resourceId,
      resourceType,
      resourceUrl: routable ? `https://www.example.com/news/${slug(v.title)}` : null,
      ...(event === "workflowEventRaised"
        ? { workflowEvent: resourceType === "form" ? "contensisFormBasic.unread.read" : "contensisEntryApproval.draft.submit" }
        : {}),
    },
    user: { username: v.user.username, firstName: v.user.firstName, lastName: v.user.lastName },
  };
}

/**
 * A default-payload sample of every native event (what a subscription
 * without templates delivers).
 *
 * @example
 * ```ts
 * contensisSamples["entry.published"].resource.title; // "City council approves new transit plan"
 * ```
 */
export const contensisSamples = Object.fromEntries(
  CONTENSIS_EVENT_NAMES.map((name) => [name, contensisDefaultPayload(contensisSampleContext(name))]),
) as unknown as ContensisPayloads;
