import { ConfigurationError, toPayloadIssues, type PayloadIssue } from "@cmshooks/core";
import { compileContensisTemplate, compileStoredContensisTemplate, type CompiledContensisTemplate } from "./compile-template.js";
import { hasPlaceholder, normalizeContensisTemplate, type ContensisJson } from "./render-template.js";
import type { ContensisContentTypedResource, ContensisResourceEvent, ContensisResourceType } from "./resource-events.js";
import { CONTENSIS_ROUTING_HEADERS } from "./routing-headers.js";
import {
  contensisSubscriptionRequestSchema,
  normalizeContensisTopic,
  type ContensisHeader,
  type ContensisSubscriptionRequest,
  type ContensisSubscriptionResource,
  type ContensisTopic,
  type ContensisTopicFilters,
} from "./subscription-schemas.js";
import type { ContensisTemplateValue } from "./template-types.js";

type DeepReadonly<T> = T extends readonly (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** A topic in a typed definition: `event` only accepts what its `resourceType` raises. */
export type ContensisTopicDefinition = {
  [R in ContensisResourceType]: { readonly resourceType: R; readonly event: readonly ContensisResourceEvent<R>[] } & DeepReadonly<ContensisTopicFilters>;
}[ContensisResourceType];

/** A template key: a resource type, or `entry.<contentTypeId>` (also assets and forms). */
export type ContensisTemplateKey = ContensisResourceType | `${ContensisContentTypedResource}.${string}`;

/** Templates of a typed definition. */
export type ContensisTemplatesDefinition = { readonly [K in ContensisTemplateKey]?: ContensisTemplateValue };

/** A custom header: a value (placeholders allowed) and whether it is secret. */
export interface ContensisHeaderDefinition {
  readonly value?: string | undefined;
  readonly secret?: boolean | undefined;
}

/** What you write once, in code, for both Contensis and your receiver. */
export interface ContensisSubscriptionDefinition {
  /** Per locale (`{ "en-GB": "Rebuild site" }`) or one string. */
  readonly name: string | Readonly<Record<string, string>>;
  readonly description?: string | Readonly<Record<string, string>> | undefined;
  /** Where Contensis posts; may hold placeholders (`https://hooks.example.com/contensis/{/resource/sys/id}`). */
  readonly url: string;
  /** Default true. */
  readonly enabled?: boolean | undefined;
  readonly method?: string | undefined;
  readonly topics: readonly ContensisTopicDefinition[];
  readonly headers?: { readonly [name: string]: ContensisHeaderDefinition } | undefined;
  readonly templates?: ContensisTemplatesDefinition | undefined;
  /** Add {@link CONTENSIS_ROUTING_HEADERS} to the subscription's headers (default true). */
  readonly routingHeaders?: boolean | undefined;
}

/** Names of a definition's non-secret headers: the keys of `meta.headers`. */
export type ContensisMetaHeaderNames<D> = D extends { readonly headers?: infer H }
  ? H extends object
    ? { [K in keyof H]: H[K] extends { readonly secret: true } ? never : K }[keyof H] & string
    : never
  : never;

/**
 * A subscription ready for both ends: the Management API body and, for the
 * receiver, each template compiled into a schema. `D` is the definition as
 * written, from which payload and header types are inferred.
 */
export interface ContensisSubscription<D extends ContensisSubscriptionDefinition = ContensisSubscriptionDefinition> {
  readonly definition: D;
  /** The create request body (templates as JSON objects, routing headers included). */
  readonly request: ContensisSubscriptionRequest;
  readonly topics: readonly ContensisTopic[];
  readonly templates: readonly CompiledContensisTemplate[];
  /** Secret headers with a value: what the receiver checks when `contensis()` gets no `auth`. */
  readonly secretHeaders: readonly { readonly name: string; readonly value: string }[];
  /** Non-secret headers of the definition, read into `meta.headers`. */
  readonly metaHeaders: readonly ContensisMetaHeaderNames<D>[];
}

/** The definition a subscription read from the API is typed with: payloads are JSON. */
export type ContensisStoredDefinition = ContensisSubscriptionDefinition & { readonly "~stored": true };

type ValidTemplateKeys<D> = D extends { readonly templates: infer T }
  ? { readonly templates: { readonly [K in keyof T]: K extends ContensisTemplateKey ? T[K] : never } }
  : unknown;

/**
 * The error of a subscription that Contensis would reject: thrown by
 * `defineContensisSubscription` and by `createSubscription` before any request.
 * `issues` gives each failing path, e.g. `["topics", 2, "resourceType"]`.
 *
 * @example
 * ```ts
 * try { defineContensisSubscription(json); }
 * catch (e) { if (e instanceof ContensisSubscriptionInvalidError) console.log(e.issues[0]?.path); } // ["topics", 0, "event", 1]
 * ```
 */
export class ContensisSubscriptionInvalidError extends ConfigurationError {
  readonly issues: readonly PayloadIssue[];
  constructor(issues: readonly PayloadIssue[]) {
    const first = issues[0];
    super(`Invalid Contensis subscription${first ? ` at ${first.path.join(".") || "(root)"}: ${first.message}` : ""}`);
    this.issues = issues;
  }
}

/**
 * Defines a webhook subscription once, for both ends: `request` is what the
 * Management API is sent, and `contensis({ subscription })` builds a receiver
 * whose payload types come from the templates written here. Throws
 * {@link ContensisSubscriptionInvalidError} (with the failing path) for a
 * topic, template key or header Contensis would reject.
 *
 * The receiver must know which event a templated body is, so unless
 * `routingHeaders: false` the subscription also sends {@link CONTENSIS_ROUTING_HEADERS}.
 *
 * @example
 * ```ts
 * const subscription = defineContensisSubscription({
 *   name: { "en-GB": "News to CDN" },
 *   url: "https://hooks.example.com/contensis",
 *   topics: [{ resourceType: "entry", event: ["published", "unpublished"], contentTypeId: ["news"] }],
 *   headers: { "x-webhook-secret": { value: process.env.CONTENSIS_SECRET!, secret: true } },
 *   templates: { "entry.news": { id: "{/resource/sys/id}", headline: pointer("/resource/headline", z.string()) } },
 * });
 * ```
 */
export function defineContensisSubscription<const D extends ContensisSubscriptionDefinition>(
  definition: D & ValidTemplateKeys<D>,
): ContensisSubscription<D> {
  const templates: CompiledContensisTemplate[] = [];
  const issues: PayloadIssue[] = [];
  for (const [key, template] of Object.entries(definition.templates ?? {}) as [string, ContensisTemplateValue | undefined][]) {
    if (template === undefined) continue;
    if (typeof template === "string" && normalizeContensisTemplate(template) !== template) {
      issues.push({ path: ["templates", key], message: "Write the template as a JSON value, not as a JSON string", code: "custom" });
      continue;
    }
    try {
      templates.push(compileContensisTemplate(key, template));
    } catch (error) {
      issues.push({ path: ["templates", key], message: error instanceof Error ? error.message : String(error), code: "custom" });
    }
  }
  for (const [name, header] of Object.entries(definition.headers ?? {})) {
    const problem = header.secret === true && typeof header.value === "string" ? unusableSecret(header.value) : undefined;
    if (problem) issues.push({ path: ["headers", name, "value"], message: problem, code: "custom" });
  }
  const { routingHeaders, headers, templates: _templates, ...fields } = definition;
  const request = {
    ...fields,
    enabled: definition.enabled ?? true,
    headers: withRoutingHeaders(headers ?? {}, routingHeaders !== false),
    ...(templates.length ? { templates: Object.fromEntries(templates.map((t) => [t.key, t.body])) } : {}),
  };
  return assemble(definition, request, templates, issues) as ContensisSubscription<D>;
}

/**
 * A subscription read from the Management API (or written as its JSON,
 * templates as objects or as JSON strings), for a receiver of a subscription
 * made elsewhere. Payloads of templated events are typed as JSON.
 *
 * @example
 * ```ts
 * const subscription = parseContensisSubscription(await getSubscriptionJson());
 * const receiver = createReceiver({ provider: contensis({ subscription, auth }) });
 * ```
 */
export function parseContensisSubscription(
  resource: ContensisSubscriptionResource | ContensisSubscriptionRequest | Readonly<Record<string, unknown>>,
): ContensisSubscription<ContensisStoredDefinition> {
  const raw = resource as Record<string, unknown>;
  const issues: PayloadIssue[] = [];
  const templates: CompiledContensisTemplate[] = [];
  const stored = (raw.templates ?? {}) as Record<string, ContensisJson>;
  for (const [key, template] of Object.entries(typeof stored === "object" && stored !== null ? stored : {})) {
    try {
      templates.push(compileStoredContensisTemplate(key, template));
    } catch (error) {
      issues.push({ path: ["templates", key], message: error instanceof Error ? error.message : String(error), code: "custom" });
    }
  }
  const { id: _id, version: _version, invokeUrl, ...fields } = raw;
  const topics = Array.isArray(raw.topics) ? raw.topics.map(normalizeContensisTopic) : raw.topics;
  const request = { ...fields, url: raw.url ?? invokeUrl, topics };
  const definition = { ...request, "~stored": true } as unknown as ContensisStoredDefinition;
  return assemble(definition, request, templates, issues);
}

/**
 * Why a secret header's value cannot be the shared secret, if it cannot: a
 * placeholder would be the expected secret as written (or rendered from the
 * event, which anyone can know), and a run of `*` is the mask the API
 * returns instead of a secret header's value.
 */
function unusableSecret(value: string): string | undefined {
  if (hasPlaceholder(value)) return "A secret header's value is a placeholder: give it a long random value, not a template";
  if (/^\*+$/.test(value.trim())) return "A secret header's value is the API's mask (\"****\"): give the real secret, which the API never returns";
  return undefined;
}

function withRoutingHeaders(headers: { readonly [name: string]: ContensisHeaderDefinition }, enabled: boolean): Record<string, ContensisHeader> {
  const own = Object.fromEntries(Object.entries(headers).map(([name, header]) => [name, { ...header }]));
  if (!enabled) return own as Record<string, ContensisHeader>;
  const taken = new Set(Object.keys(own).map((name) => name.toLowerCase()));
  const routing = Object.values(CONTENSIS_ROUTING_HEADERS)
    .filter(({ name }) => !taken.has(name))
    .map(({ name, value }) => [name, { value }]);
  return { ...Object.fromEntries(routing), ...own } as Record<string, ContensisHeader>;
}

function assemble<D extends ContensisSubscriptionDefinition>(
  definition: D,
  body: Record<string, unknown>,
  templates: CompiledContensisTemplate[],
  issues: PayloadIssue[],
): ContensisSubscription<D> {
  const result = contensisSubscriptionRequestSchema.safeParse(body);
  if (!result.success) issues.push(...toPayloadIssues(result.error));
  if (issues.length || !result.success) throw new ContensisSubscriptionInvalidError(issues);
  const request = result.data;
  const headers = Object.entries(request.headers ?? {});
  const routingNames = new Set<string>(Object.values(CONTENSIS_ROUTING_HEADERS).map((h) => h.name));
  return {
    definition,
    request,
    topics: request.topics,
    templates,
    // A read-back subscription's secret headers hold the mask, or may hold a placeholder: neither is ever the expected secret.
    secretHeaders: headers
      .filter(([, h]) => h.secret === true && typeof h.value === "string" && h.value.trim() !== "" && unusableSecret(h.value) === undefined)
      .map(([name, h]) => ({ name, value: h.value as string })),
    metaHeaders: headers.filter(([name, h]) => h.secret !== true && !routingNames.has(name.toLowerCase())).map(([name]) => name) as ContensisMetaHeaderNames<D>[],
  };
}
