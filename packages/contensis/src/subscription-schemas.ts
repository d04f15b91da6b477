import { z } from "zod";
import {
  CONTENSIS_CONTENT_TYPED_RESOURCES,
  CONTENSIS_RESOURCE_EVENTS,
  CONTENSIS_RESOURCE_TYPES,
  type ContensisResourceType,
} from "./resource-events.js";

/**
 * A name or description: per locale (`{ "en-GB": "…" }`, the create example) or one string (the resource example).
 *
 * @example
 * ```ts
 * contensisLocalizedTextSchema.parse({ "en-GB": "News to CDN" });
 * ```
 */
export const contensisLocalizedTextSchema = z.union([z.string(), z.record(z.string(), z.string())]);

/** Topic filters besides `resourceType` and `event`. Types of `id` and `dataFormat` are UNCONFIRMED (string or list). */
const topicFilterShape = {
  language: z.array(z.string()).optional(),
  contentTypeId: z.array(z.string()).optional(),
  owner: z.union([z.string(), z.array(z.string())]).optional(),
  /** Workflow events to filter `workflowEventRaised` on; Contensis' docs spell them in mixed case. */
  workflowEvent: z.array(z.string()).optional(),
  /** Workflow states to filter `workflowStateChanged` on. */
  workflowState: z.array(z.string()).optional(),
  id: z.union([z.string(), z.array(z.string())]).optional(),
  dataFormat: z.union([z.string(), z.array(z.string())]).optional(),
};

function topicSchemaOf<R extends ContensisResourceType>(resourceType: R) {
  return z.looseObject({
    resourceType: z.literal(resourceType),
    event: z.array(z.enum(CONTENSIS_RESOURCE_EVENTS[resourceType])).min(1),
    ...topicFilterShape,
  });
}

type TopicSchemaOf<R extends ContensisResourceType> = ReturnType<typeof topicSchemaOf<R>>;

/**
 * One topic schema per resource type: its `event` list only accepts the events that resource type raises.
 *
 * @example
 * ```ts
 * contensisTopicSchemas.contentType.safeParse({ resourceType: "contentType", event: ["published"] }).success; // false
 * ```
 */
export const contensisTopicSchemas = Object.fromEntries(CONTENSIS_RESOURCE_TYPES.map((r) => [r, topicSchemaOf(r)])) as unknown as {
  readonly [R in ContensisResourceType]: TopicSchemaOf<R>;
};

/** A subscription topic: which events of one resource type to send, with optional filters. */
export type ContensisTopic = { [R in ContensisResourceType]: z.output<TopicSchemaOf<R>> }[ContensisResourceType];

/** The filters of a topic, for typed definitions (no unknown keys). */
export type ContensisTopicFilters = z.input<z.ZodObject<typeof topicFilterShape>>;

/**
 * A topic as a create request must write it: a known `resourceType`, and
 * only events that resource type raises. Errors point at the failing element
 * (`topics.2.resourceType`, `topics.0.event.1`).
 *
 * @example
 * ```ts
 * contensisTopicSchema.parse({ resourceType: "entry", event: ["published"], contentTypeId: ["news"] });
 * ```
 */
export const contensisTopicSchema = z.discriminatedUnion(
  "resourceType",
  Object.values(contensisTopicSchemas) as unknown as [TopicSchemaOf<"entry">, ...TopicSchemaOf<ContensisResourceType>[]],
) as unknown as z.ZodType<ContensisTopic>;

const LIST_FIELDS = ["event", "language", "contentTypeId", "workflowEvent", "workflowState"] as const;

/**
 * A topic as the API may return it, with its list fields as lists:
 * `topics-and-events.md` shows `"event": "updated"` and `"language": "fr-fr"`
 * as plain strings. Anything that is not an object is returned as it is.
 *
 * @example
 * ```ts
 * normalizeContensisTopic({ resourceType: "entry", event: "updated", language: "fr-fr" });
 * // { resourceType: "entry", event: ["updated"], language: ["fr-fr"] }
 * ```
 */
export function normalizeContensisTopic(topic: unknown): unknown {
  if (typeof topic !== "object" || topic === null || Array.isArray(topic)) return topic;
  const out: Record<string, unknown> = { ...(topic as Record<string, unknown>) };
  for (const field of LIST_FIELDS) if (typeof out[field] === "string") out[field] = [out[field]];
  return out;
}

/**
 * A topic as a subscription resource returns it: names are not checked, so a
 * new Contensis event never breaks parsing, and single values written as
 * strings read as one-element lists ({@link normalizeContensisTopic}).
 *
 * @example
 * ```ts
 * contensisReturnedTopicSchema.parse({ resourceType: "entry", event: ["translated"] }); // a future event still parses
 * contensisReturnedTopicSchema.parse({ resourceType: "entry", event: "updated" }).event; // ["updated"]
 * ```
 */
export const contensisReturnedTopicSchema = z.preprocess(
  normalizeContensisTopic,
  z.looseObject({
    resourceType: z.string(),
    event: z.array(z.string()),
    ...topicFilterShape,
  }),
);

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * One custom header: a value (which may hold placeholders), and whether it is secret (write-only).
 *
 * @example
 * ```ts
 * contensisHeaderSchema.parse({ value: "{/resource/department}" });
 * ```
 */
export const contensisHeaderSchema = z.looseObject({
  value: z.string().optional(),
  secret: z.boolean().optional(),
});

/**
 * Custom headers, by header name. A secret header's value is not returned by the API.
 *
 * @example
 * ```ts
 * contensisHeadersSchema.parse({ "x-webhook-secret": { value: "s3cret", secret: true } });
 * ```
 */
export const contensisHeadersSchema = z.record(z.string().regex(HEADER_NAME, "Not a valid HTTP header name"), contensisHeaderSchema);

/**
 * True for a template key: a resource type (`entry`, `contentType`, `comment.entry`)
 * or, for entries, assets and forms, `<resourceType>.<contentTypeId>` (`entry.news`).
 *
 * @example
 * ```ts
 * isContensisTemplateKey("entry.news"); // true
 * isContensisTemplateKey("entyr");      // false
 * ```
 */
export function isContensisTemplateKey(key: string): boolean {
  return parseContensisTemplateKey(key) !== undefined;
}

/**
 * Splits a template key into its resource type and content type.
 *
 * @example
 * ```ts
 * parseContensisTemplateKey("entry.news"); // { resourceType: "entry", contentTypeId: "news" }
 * ```
 */
export function parseContensisTemplateKey(key: string): { resourceType: ContensisResourceType; contentTypeId?: string } | undefined {
  if ((CONTENSIS_RESOURCE_TYPES as readonly string[]).includes(key)) return { resourceType: key as ContensisResourceType };
  for (const resourceType of CONTENSIS_CONTENT_TYPED_RESOURCES) {
    const contentTypeId = key.startsWith(`${resourceType}.`) ? key.slice(resourceType.length + 1) : "";
    if (/^[A-Za-z0-9_-]+$/.test(contentTypeId)) return { resourceType, contentTypeId };
  }
  return undefined;
}

/**
 * A template: a JSON value with `{/pointer}` placeholders, or that JSON written as a string (both appear in Contensis' docs).
 *
 * @example
 * ```ts
 * contensisTemplateSchema.parse({ id: "{/resource/sys/id}" });
 * ```
 */
export const contensisTemplateSchema = z.json();

const templateKeySchema = z
  .string()
  .refine(isContensisTemplateKey, { message: "Not a template key: use a resource type (entry, contentType, …) or entry.<contentTypeId>" });

/**
 * Templates by resource type or `resourceType.contentTypeId`.
 *
 * @example
 * ```ts
 * contensisTemplatesSchema.parse({ "entry.news": { id: "{/resource/sys/id}" }, contentType: "{/resource/}" });
 * ```
 */
export const contensisTemplatesSchema = z.record(templateKeySchema, contensisTemplateSchema);

const requestShape = {
  name: contensisLocalizedTextSchema,
  description: contensisLocalizedTextSchema.optional(),
  /** Where Contensis sends deliveries; may hold placeholders (`{/resource/sys/id}`). */
  url: z.string().regex(/^https?:\/\/\S+$/, "Must be an http(s) URL"),
  enabled: z.boolean().optional(),
  /** HTTP method; POST unless set. */
  method: z.string().optional(),
  topics: z.array(contensisTopicSchema).min(1),
  headers: contensisHeadersSchema.optional(),
  templates: contensisTemplatesSchema.optional(),
};

/**
 * The body of a create request (`POST …/events/webhooks/subscriptions`),
 * checked strictly: known resource types and events, valid template keys and
 * header names. Every example in Contensis' docs parses.
 *
 * @example
 * ```ts
 * const result = contensisSubscriptionRequestSchema.safeParse(body);
 * if (!result.success) console.log(result.error.issues[0]?.path); // ["topics", 2, "resourceType"]
 * ```
 */
export const contensisSubscriptionRequestSchema = z.looseObject(requestShape);

/**
 * The version block of a subscription resource.
 *
 * @example
 * ```ts
 * contensisVersionSchema.parse({ createdBy: "t.durden", versionNo: "1.0" });
 * ```
 */
export const contensisVersionSchema = z.looseObject({
  createdBy: z.string().optional(),
  created: z.string().optional(),
  modifiedBy: z.string().optional(),
  modified: z.string().optional(),
  versionNo: z.string().optional(),
});

/**
 * A subscription resource as the API returns it (the 201 body). Lenient on
 * topic names; `url` or `invokeUrl` (the field list names `invokeUrl`, the
 * examples `url`).
 *
 * @example
 * ```ts
 * const created = contensisSubscriptionSchema.parse(await response.json());
 * created.id; // "3a7ce8e3-…"
 * ```
 */
export const contensisSubscriptionSchema = z
  .looseObject({
    ...requestShape,
    name: contensisLocalizedTextSchema.optional(),
    id: z.string().min(1),
    url: z.string().optional(),
    invokeUrl: z.string().optional(),
    topics: z.array(contensisReturnedTopicSchema),
    headers: z.record(z.string(), contensisHeaderSchema).optional(),
    templates: z.record(z.string(), contensisTemplateSchema).optional(),
    version: contensisVersionSchema.optional(),
  })
  .refine((s) => s.url !== undefined || s.invokeUrl !== undefined, { message: "A subscription has a url (or invokeUrl)", path: ["url"] });

/**
 * The API's error body (400 / 500). Its fields are UNCONFIRMED (the docs only
 * name the model "Error"), so all are optional and unknown fields pass through.
 *
 * @example
 * ```ts
 * contensisErrorSchema.safeParse(await response.json());
 * ```
 */
export const contensisErrorSchema = z.looseObject({
  message: z.string().optional(),
  logId: z.string().optional(),
  type: z.string().optional(),
  data: z.unknown().optional(),
});

/** A create request body. */
export type ContensisSubscriptionRequest = z.output<typeof contensisSubscriptionRequestSchema>;
/** A subscription resource as returned. */
export type ContensisSubscriptionResource = z.output<typeof contensisSubscriptionSchema>;
/** One custom header. */
export type ContensisHeader = z.output<typeof contensisHeaderSchema>;
/** The API's error body. */
export type ContensisErrorBody = z.output<typeof contensisErrorSchema>;
