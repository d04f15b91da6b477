import { ConfigurationError } from "@cmshooks/core";
import type { ContensisSubscription } from "./define-subscription.js";
import { renderContensisString, renderContensisTemplate, type ContensisJson } from "./render-template.js";
import { asRecord, nonEmptyText } from "./read-json.js";
import { contensisResourceType } from "./resource-events.js";
import type { ContensisTemplateContext } from "./template-context.js";

/**
 * Contensis' default payload template as its docs' webhook-payloads page
 * writes it, in Scriban syntax (`{{event.id}}`). Every value is text, as in
 * the original (each variable sits inside a JSON string). The docs write
 * `"type": "entry"` (the entries topic); `{{event.resourceType}}` stands for
 * it so that other resource types get their own (UNCONFIRMED). The date
 * filter is kept as written; the renderer prints the value as it is.
 */
const DEFAULT_PAYLOAD_TEMPLATE = {
  eventId: "{{event.id}}",
  eventName: "{{event.name}}",
  subscriptionId: "{{event.subscriptionId}}",
  datetime: "{{event.dateTime | date.to_string '%Y-%m-%dT%H:%M:%S.%LZ'}}",
  invokedBy: { username: "{{user.username}}", firstName: "{{user.firstName}}", lastName: "{{user.lastName}}" },
  resource: {
    id: "{{event.resourceId}}",
    type: "{{event.resourceType}}",
    projectId: "{{resource.sys.projectId}}",
    contentTypeId: "{{resource.sys.contentTypeId}}",
    title: "{{resource.entryTitle}}",
    language: "{{resource.sys.language}}",
    url: "{{event.resourceUrl}}",
  },
} as const;

/**
 * Contensis' default payload for an event context (documented for entries;
 * the same envelope is assumed for other resource types, UNCONFIRMED).
 *
 * @example
 * ```ts
 * contensisDefaultPayload(context).resource.title; // the entry's entryTitle
 * ```
 */
export function contensisDefaultPayload(context: ContensisTemplateContext): DefaultPayloadText {
  return renderText(DEFAULT_PAYLOAD_TEMPLATE, context) as DefaultPayloadText;
}

type TextLeaves<T> = { -readonly [K in keyof T]: T[K] extends string ? string : TextLeaves<T[K]> };
type DefaultPayloadText = TextLeaves<typeof DEFAULT_PAYLOAD_TEMPLATE>;

function renderText(template: object, context: ContensisTemplateContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    out[key] = typeof value === "string" ? renderContensisString(value, context) : renderText(value as object, context);
  }
  return out;
}

/** One delivery as Contensis would send it for a subscription. */
export interface RenderedContensisDelivery {
  /** The subscription's URL with its placeholders rendered (undefined without a subscription). */
  readonly url: string | undefined;
  readonly method: string;
  /** Lower-case names: Contensis' `content-type`, then the subscription's headers that rendered to something. */
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: ContensisJson;
  /** The template key used, or `"default"`. */
  readonly template: string;
}

/**
 * Renders what Contensis sends for one event under a subscription: the most
 * specific template for the resource (`entry.news`, then `entry`), else the
 * default payload; the URL and headers with their placeholders rendered
 * (a header that renders empty is left out: UNCONFIRMED, Contensis' docs only
 * say that a header with no value is not returned by the API).
 *
 * @example
 * ```ts
 * const { url, headers, payload } = renderContensisDelivery(subscription, context);
 * await fetch(url!, { method: "POST", headers, body: JSON.stringify(payload) });
 * ```
 */
export function renderContensisDelivery(subscription: ContensisSubscription | undefined, context: ContensisTemplateContext): RenderedContensisDelivery {
  const resourceType = contensisResourceType(context.event.resourceType);
  if (!resourceType) throw new ConfigurationError(`renderContensisDelivery: context.event.resourceType "${String(context.event.resourceType)}" is not a resource type`);
  const contentTypeId = nonEmptyText(asRecord(asRecord(context.resource)?.sys)?.contentTypeId);
  const templates = subscription?.templates ?? [];
  const template =
    (contentTypeId ? templates.find((t) => t.resourceType === resourceType && t.contentTypeId === contentTypeId) : undefined) ??
    templates.find((t) => t.resourceType === resourceType && t.contentTypeId === undefined);
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  for (const [name, header] of Object.entries(subscription?.request.headers ?? {})) {
    const value = header.value === undefined ? "" : renderContensisString(header.value, context);
    if (value !== "") headers[name.toLowerCase()] = value;
  }
  return {
    url: subscription ? renderContensisString(subscription.request.url, context) : undefined,
    method: subscription?.request.method ?? "POST",
    headers,
    payload: template ? renderContensisTemplate(template.body, context) : (contensisDefaultPayload(context) as ContensisJson),
    template: template?.key ?? "default",
  };
}
