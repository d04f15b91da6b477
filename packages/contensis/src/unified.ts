import type { EventContext, UnifiedEventInit, UnifiedItem, UnifiedKind } from "@cmshooks/core";
import type { ContensisMeta } from "./meta.js";
import type { ContensisEventName, ContensisResourceType } from "./resource-events.js";
import { readDefaultEnvelope } from "./default-envelope.js";
import { asRecord, nonEmptyText } from "./read-json.js";
import { canonicalContensisWorkflowName } from "./workflow-names.js";

type ContentKind = "content.create" | "content.update" | "content.delete" | "content.publish" | "content.unpublish" | "content.restore";

const CONTENT_KINDS = {
  created: "content.create",
  updated: "content.update",
  deleted: "content.delete",
  published: "content.publish",
  unpublished: "content.unpublish",
  archived: "content.delete",
  unarchived: "content.restore",
  restored: "content.restore",
  // Nodes only: the user guide says a node's "updated" covers "updated or moved".
  moved: "content.update",
  childOrderChanged: "content.update",
} as const satisfies Readonly<Record<string, ContentKind>>;

const USER_ACTIONS = { created: "create", updated: "update", deleted: "delete" } as const satisfies Readonly<Record<string, "create" | "update" | "delete">>;

const CONTENT_RESOURCE_LIST = ["entry", "asset", "form", "node"] as const satisfies readonly ContensisResourceType[];
const WORKFLOW_RESOURCE_LIST = ["entry", "asset", "form"] as const satisfies readonly ContensisResourceType[];
const WORKFLOW_EVENTS = ["workflowEventRaised", "workflowStateChanged"] as const;
const CONTENT_RESOURCES = new Set<string>(CONTENT_RESOURCE_LIST);
const WORKFLOW_RESOURCES = new Set<string>(WORKFLOW_RESOURCE_LIST);

/** The unified kind event `E` of resource type `R` maps to (`never` for none): {@link contensisUnifiedKind} at compile time. */
export type ContensisUnifiedKind<R extends string, E extends string> = R extends "user"
  ? E extends keyof typeof USER_ACTIONS
    ? "user.change"
    : never
  : R extends (typeof WORKFLOW_RESOURCE_LIST)[number]
    ? E extends (typeof WORKFLOW_EVENTS)[number]
      ? "workflow.change"
      : E extends keyof typeof CONTENT_KINDS
        ? (typeof CONTENT_KINDS)[E]
        : never
    : R extends (typeof CONTENT_RESOURCE_LIST)[number]
      ? E extends keyof typeof CONTENT_KINDS
        ? (typeof CONTENT_KINDS)[E]
        : never
      : never;

/** Native event name → the unified kind it maps to, for every Contensis event. */
export type ContensisUnifiedMap = {
  readonly [N in ContensisEventName]: { [R in ContensisResourceType]: N extends `${R}.${infer E}` ? ContensisUnifiedKind<R, E> : never }[ContensisResourceType];
};

/**
 * The unified kind a native event maps to, or undefined when none applies
 * (content types, components, projects, groups and comments change no content).
 *
 * @example
 * ```ts
 * contensisUnifiedKind("entry", "archived");           // "content.delete"
 * contensisUnifiedKind("entry", "workflowEventRaised"); // "workflow.change"
 * contensisUnifiedKind("contentType", "updated");      // undefined
 * ```
 */
export function contensisUnifiedKind(resourceType: ContensisResourceType, event: string): UnifiedKind | undefined {
  if (resourceType === "user") return Object.hasOwn(USER_ACTIONS, event) ? "user.change" : undefined;
  if (WORKFLOW_RESOURCES.has(resourceType) && (WORKFLOW_EVENTS as readonly string[]).includes(event)) return "workflow.change";
  return CONTENT_RESOURCES.has(resourceType) ? (CONTENT_KINDS as Readonly<Record<string, ContentKind>>)[event] : undefined;
}

type Mapping = (payload: unknown, context: EventContext<ContensisMeta<string>>) => UnifiedEventInit | undefined;

/**
 * The unified mapping of one native event. It reads the routing headers
 * first (they work for any template), then the default payload's `resource`,
 * then a whole resource (`sys.id` / `id`); without an id there is no unified event.
 *
 * @example
 * ```ts
 * const map = contensisUnifiedMapping("entry", "published");
 * map?.(payload, { name: "entry.published", meta, index: 0 }); // { kind: "content.publish", items: [{ id: "…" }], … }
 * ```
 */
export function contensisUnifiedMapping(resourceType: ContensisResourceType, event: string): Mapping | undefined {
  const kind = contensisUnifiedKind(resourceType, event);
  if (kind === undefined) return undefined;
  if (kind === "user.change") {
    const action = USER_ACTIONS[event as keyof typeof USER_ACTIONS];
    return (payload, { meta }) => {
      const item = subjectItem(payload, meta);
      if (!item) return undefined;
      const resource = asRecord(payload);
      const name = [nonEmptyText(resource?.firstName), nonEmptyText(resource?.lastName)].filter(Boolean).join(" ") || nonEmptyText(resource?.username);
      return { kind, items: [item], occurredAt: occurredAt(payload), user: { action, id: item.id, email: nonEmptyText(resource?.email), name } };
    };
  }
  if (kind === "workflow.change") {
    return (payload, { meta }) => {
      const item = subjectItem(payload, meta);
      if (!item) return undefined;
      const state = meta.workflowState ?? nonEmptyText(asRecord(asRecord(asRecord(payload)?.sys)?.workflow)?.state);
      const raised = event === "workflowEventRaised" ? meta.workflowEvent : undefined;
      return {
        kind,
        items: [item],
        occurredAt: occurredAt(payload),
        channel: "management",
        workflow: {
          to: state ? { codename: canonicalContensisWorkflowName(state) } : undefined,
          event: raised ? canonicalContensisWorkflowName(raised) : undefined,
        },
      };
    };
  }
  const contentKind = CONTENT_KINDS[event as keyof typeof CONTENT_KINDS];
  const channel = contentKind === "content.publish" || contentKind === "content.unpublish" ? "published" : "management";
  return (payload, { meta }) => {
    const item = subjectItem(payload, meta, resourceType === "node" ? "node" : undefined);
    // One object for every content kind: TypeScript cannot split the kind union into the init union's members itself.
    return item ? ({ kind: contentKind, items: [item], occurredAt: occurredAt(payload), channel } as UnifiedEventInit) : undefined;
  };
}

function subjectItem(payload: unknown, meta: ContensisMeta<string>, type?: string): UnifiedItem | undefined {
  const body = asRecord(payload);
  const fromDefault = readDefaultEnvelope(payload)?.resource;
  const sys = asRecord(body?.sys);
  const id = meta.resourceId ?? nonEmptyText(fromDefault?.id) ?? nonEmptyText(sys?.id) ?? nonEmptyText(body?.id);
  if (!id) return undefined;
  const contentType = type ?? meta.contentTypeId ?? nonEmptyText(fromDefault?.contentTypeId) ?? nonEmptyText(sys?.contentTypeId);
  const language = nonEmptyText(fromDefault?.language) ?? nonEmptyText(sys?.language);
  const title = nonEmptyText(fromDefault?.title) ?? nonEmptyText(body?.entryTitle);
  const url = nonEmptyText(fromDefault?.url);
  return {
    id,
    ...(contentType ? { type: contentType } : {}),
    ...(language ? { language } : {}),
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    role: "subject",
  };
}

function occurredAt(payload: unknown): string | undefined {
  return readDefaultEnvelope(payload)?.datetime;
}
