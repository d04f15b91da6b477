/**
 * The Contensis event model: which events each resource type raises
 * (`topics-and-events.md` of the Contensis docs). Native event names are
 * `<resourceType>.<event>`, e.g. `entry.published`, `comment.entry.replied`.
 */
const CONTENT_EVENTS = ["created", "updated", "deleted", "published", "unpublished", "archived", "unarchived", "restored"] as const;
const WORKFLOW_EVENTS = ["workflowEventRaised", "workflowStateChanged"] as const;
const CRUD_EVENTS = ["created", "updated", "deleted"] as const;

/**
 * Every resource type a subscription topic can name, with the events it raises.
 *
 * @example
 * ```ts
 * CONTENSIS_RESOURCE_EVENTS.entry.includes("published"); // true
 * ```
 */
export const CONTENSIS_RESOURCE_EVENTS = {
  entry: [...CONTENT_EVENTS, ...WORKFLOW_EVENTS],
  asset: [...CONTENT_EVENTS, ...WORKFLOW_EVENTS],
  form: ["created", "updated", "deleted", "archived", "unarchived", "restored", ...WORKFLOW_EVENTS],
  // "published": the user guide's content types and components table, and update-a-subscription.md's examples.
  contentType: [...CRUD_EVENTS, "published"],
  component: [...CRUD_EVENTS, "published"],
  // "moved", "childOrderChanged": update-a-subscription.md's node example.
  node: [...CRUD_EVENTS, "moved", "childOrderChanged"],
  project: ["updated"],
  user: CRUD_EVENTS,
  group: [...CRUD_EVENTS, "userAdded", "userRemoved", "groupAdded", "groupRemoved"],
  "comment.entry": ["created", "replied", "updated", "resolved", "reactivated", "deleted"],
} as const;

/** A resource type a topic or template can name. */
export type ContensisResourceType = keyof typeof CONTENSIS_RESOURCE_EVENTS;

/** The events one resource type raises (all of them by default). */
export type ContensisResourceEvent<R extends ContensisResourceType = ContensisResourceType> = (typeof CONTENSIS_RESOURCE_EVENTS)[R][number];

/** A native Contensis event name: `<resourceType>.<event>`. */
export type ContensisEventName = { [R in ContensisResourceType]: `${R}.${ContensisResourceEvent<R>}` }[ContensisResourceType];

/**
 * Resource types whose templates may be narrowed to one content type (`entry.news`).
 *
 * @example
 * ```ts
 * CONTENSIS_CONTENT_TYPED_RESOURCES.includes("entry"); // true: "entry.news" is a template key
 * ```
 */
export const CONTENSIS_CONTENT_TYPED_RESOURCES = ["entry", "asset", "form"] as const satisfies readonly ContensisResourceType[];

/** A resource type with content types. */
export type ContensisContentTypedResource = (typeof CONTENSIS_CONTENT_TYPED_RESOURCES)[number];

/**
 * Every resource type, in catalogue order.
 *
 * @example
 * ```ts
 * CONTENSIS_RESOURCE_TYPES.includes("contentType"); // true
 * ```
 */
export const CONTENSIS_RESOURCE_TYPES = Object.keys(CONTENSIS_RESOURCE_EVENTS) as ContensisResourceType[];

/**
 * Every native event name, in catalogue order.
 *
 * @example
 * ```ts
 * CONTENSIS_EVENT_NAMES.length; // 58
 * ```
 */
export const CONTENSIS_EVENT_NAMES: readonly ContensisEventName[] = CONTENSIS_RESOURCE_TYPES.flatMap((resourceType) =>
  CONTENSIS_RESOURCE_EVENTS[resourceType].map((event) => `${resourceType}.${event}` as ContensisEventName),
);

// The activity log writes "workflowStateChange" where topics say "workflowStateChanged".
const EVENT_ALIASES: Readonly<Record<string, string>> = { workflowstatechange: "workflowstatechanged" };

const resourceTypesByLowerCase = new Map(CONTENSIS_RESOURCE_TYPES.map((r) => [r.toLowerCase(), r]));
const eventsByLowerCase = new Map(CONTENSIS_EVENT_NAMES.map((name) => [name.toLowerCase(), name]));

/**
 * The canonical spelling of a resource type, compared case-insensitively.
 *
 * @example
 * ```ts
 * contensisResourceType("ContentType"); // "contentType"
 * contensisResourceType("page");        // undefined
 * ```
 */
export function contensisResourceType(value: string | undefined): ContensisResourceType | undefined {
  return value === undefined ? undefined : resourceTypesByLowerCase.get(value.trim().toLowerCase());
}

/**
 * The canonical native name for a resource type and an event, compared
 * case-insensitively (Contensis' docs mix cases); undefined when the resource
 * type does not raise that event.
 *
 * @example
 * ```ts
 * contensisEventName("entry", "Published");          // "entry.published"
 * contensisEventName("entry", "workflowStateChange"); // "entry.workflowStateChanged"
 * ```
 */
export function contensisEventName(resourceType: string, event: string): ContensisEventName | undefined {
  const lower = event.trim().toLowerCase();
  return eventsByLowerCase.get(`${resourceType.trim().toLowerCase()}.${EVENT_ALIASES[lower] ?? lower}`);
}

/**
 * Splits a dotted event name (`entry.published`, `comment.entry.replied`) into
 * its resource type and event, when the resource type is a known one.
 *
 * @example
 * ```ts
 * splitContensisEventName("comment.entry.replied"); // { resourceType: "comment.entry", event: "replied" }
 * splitContensisEventName("published");             // undefined
 * ```
 */
export function splitContensisEventName(name: string): { resourceType: ContensisResourceType; event: string } | undefined {
  // Longest resource type first, so "comment.entry.x" is not read as resource "comment".
  const lower = name.trim().toLowerCase();
  let best: ContensisResourceType | undefined;
  for (const [key, resourceType] of resourceTypesByLowerCase) {
    if (lower.startsWith(`${key}.`) && (!best || key.length > best.length)) best = resourceType;
  }
  return best ? { resourceType: best, event: name.trim().slice(best.length + 1) } : undefined;
}
