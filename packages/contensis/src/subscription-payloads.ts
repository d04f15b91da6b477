import type { CompiledContensisTemplate } from "./compile-template.js";
import type { ContensisDefaultPayload } from "./default-payload-schemas.js";
import type { ContensisStoredDefinition } from "./define-subscription.js";
import type { ContensisJson } from "./render-template.js";
import {
  CONTENSIS_CONTENT_TYPED_RESOURCES,
  type ContensisContentTypedResource,
  type ContensisEventName,
  type ContensisResourceEvent,
  type ContensisResourceType,
} from "./resource-events.js";
import type { ContensisTopic } from "./subscription-schemas.js";
import type { RenderedTemplate } from "./template-types.js";

/*
 * Which body an event arrives with. Contensis uses the most specific template
 * for the resource (`entry.news` before `entry`), else its default payload.
 * When the topics that send an event name content types, only those content
 * types' templates can apply; otherwise any of the resource type's can. The
 * types below and `payloadSources` are the same rule, at compile time and at run time.
 */

declare const ALL_CONTENT_TYPES: unique symbol;
type AllContentTypes = typeof ALL_CONTENT_TYPES;

type TemplatesOf<D> = D extends { readonly templates?: infer T } ? (T extends object ? T : {}) : {};
type TopicsOf<D> = D extends { readonly topics: readonly (infer Tp)[] } ? Tp : never;

type MatchingTopics<Tp, R, E> = Tp extends { readonly resourceType: R; readonly event: readonly (infer Ev)[] } ? (E extends Ev ? Tp : never) : never;

type TopicContentTypes<Tp> = [Tp] extends [never]
  ? AllContentTypes
  : Tp extends { readonly contentTypeId: readonly (infer C extends string)[] }
    ? C
    : AllContentTypes;

type Fallback<T, R extends ContensisResourceType> = R extends keyof T ? RenderedTemplate<T[R], R> : ContensisDefaultPayload<R>;

type SpecificKeys<T, R extends string> = Extract<keyof T, `${R}.${string}`>;

type ForContentType<T, R extends ContensisResourceType, C> = C extends string
  ? `${R}.${C}` extends keyof T
    ? RenderedTemplate<T[`${R}.${C}`], R>
    : Fallback<T, R>
  : never;

type TemplatedPayload<T, Tp, R extends ContensisResourceType, E> = R extends ContensisContentTypedResource
  ? AllContentTypes extends TopicContentTypes<MatchingTopics<Tp, R, E>>
    ? { [K in SpecificKeys<T, R>]: RenderedTemplate<T[K], R> }[SpecificKeys<T, R>] | Fallback<T, R>
    : ForContentType<T, R, TopicContentTypes<MatchingTopics<Tp, R, E>>>
  : Fallback<T, R>;

/** The payload of event `E` of resource type `R` under definition `D`. */
export type ContensisPayloadFor<D, R extends ContensisResourceType, E> = D extends ContensisStoredDefinition
  ? ContensisDefaultPayload<R> | ContensisJson
  : TemplatedPayload<TemplatesOf<D>, TopicsOf<D>, R, E>;

/**
 * The native events a subscription definition `D` sends: `<resourceType>.<event>`
 * for each event of each topic. Every event when there is no subscription in
 * code (`ContensisNoSubscription`, a subscription read back from the API).
 */
export type ContensisSentEventName<D> = D extends ContensisStoredDefinition
  ? ContensisEventName
  : [TopicsOf<D>] extends [never]
    ? ContensisEventName
    : TopicEventName<TopicsOf<D>>;

type TopicEventName<Tp> = Tp extends { readonly resourceType: infer R extends string; readonly event: readonly (infer E extends string)[] }
  ? Extract<`${R}.${E}`, ContensisEventName>
  : never;

/**
 * Native event name → payload type, for a subscription definition `D`
 * (the default payload everywhere when there is none), for the events `N`
 * (all of them by default).
 */
export type ContensisPayloads<D = ContensisNoSubscription, N extends ContensisEventName = ContensisEventName> = {
  [K in N]: {
    [R in ContensisResourceType]: K extends `${R}.${infer E}` ? (E extends ContensisResourceEvent<R> ? ContensisPayloadFor<D, R, E> : never) : never;
  }[ContensisResourceType];
};

/** The definition a receiver without a subscription is typed with: default payloads only. */
export type ContensisNoSubscription = { readonly name: string; readonly url: string; readonly topics: readonly [] };

/** One possible body of an event: a compiled template, or Contensis' default payload. */
export type ContensisPayloadSource = CompiledContensisTemplate | "default";

/**
 * The bodies event `event` of `resourceType` can arrive with under a
 * subscription, most specific first.
 *
 * @example
 * ```ts
 * payloadSources(subscription.templates, subscription.topics, "entry", "published"); // [entry.news template]
 * ```
 */
export function payloadSources(
  templates: readonly CompiledContensisTemplate[],
  topics: readonly ContensisTopic[],
  resourceType: ContensisResourceType,
  event: string,
): ContensisPayloadSource[] {
  const own = templates.filter((t) => t.resourceType === resourceType);
  const fallback: ContensisPayloadSource = own.find((t) => t.contentTypeId === undefined) ?? "default";
  if (!(CONTENSIS_CONTENT_TYPED_RESOURCES as readonly string[]).includes(resourceType)) return [fallback];
  const specific = own.filter((t) => t.contentTypeId !== undefined);
  const contentTypes = topicContentTypes(topics, resourceType, event);
  const sources = contentTypes === undefined ? [...specific, fallback] : contentTypes.map((c) => specific.find((t) => t.contentTypeId === c) ?? fallback);
  return [...new Set(sources)];
}

/** Content types the topics sending this event are limited to; undefined when any content type can send it. */
function topicContentTypes(topics: readonly ContensisTopic[], resourceType: string, event: string): string[] | undefined {
  const matching = topics.filter((t) => t.resourceType === resourceType && (t.event as readonly string[]).includes(event));
  if (matching.length === 0 || matching.some((t) => !t.contentTypeId)) return undefined;
  return matching.flatMap((t) => t.contentTypeId ?? []);
}

