/**
 * The one event vocabulary every vendor maps onto, so that one handler serves
 * any CMS. Each vendor package's README has the table of which native event
 * becomes which unified one.
 */

/**
 * Unified event kinds, with the receiver method that listens to each.
 *
 * @example
 * ```ts
 * for (const [kind, method] of Object.entries(UNIFIED_KINDS)) console.log(kind, "→ receiver." + method);
 * // content.publish → receiver.onContentPublish, …
 * ```
 */
export const UNIFIED_KINDS = {
  "content.create": "onContentCreate",
  "content.update": "onContentUpdate",
  "content.publish": "onContentPublish",
  "content.unpublish": "onContentUnpublish",
  "content.delete": "onContentDelete",
  "content.restore": "onContentRestore",
  "workflow.change": "onWorkflowChange",
  "taxonomy.change": "onTaxonomyChange",
  "user.change": "onUserChange",
} as const;

/** A unified event kind: `"content.publish"`, `"workflow.change"`, … (the keys of {@link UNIFIED_KINDS}). */
export type UnifiedKind = keyof typeof UNIFIED_KINDS;

/** An item a unified event is about. Vendors fill what they know. */
export interface UnifiedItem {
  readonly id: string;
  readonly codename?: string;
  /** Content type / asset type codename. */
  readonly type?: string;
  readonly language?: string;
  readonly title?: string;
  readonly url?: string;
  readonly collection?: string;
  /** `"subject"`: the item that caused the event; `"affected"`: items changed as a consequence. */
  readonly role?: "subject" | "affected";
}

/** A workflow step or state, by whatever the vendor gives (id, codename, name). */
export interface WorkflowStepRef {
  readonly id?: string;
  readonly codename?: string;
  readonly name?: string;
}

/**
 * What a vendor's mapping returns for one unified event of kind `K` (any kind
 * by default); the receiver adds the common fields.
 */
export type UnifiedEventInit<K extends UnifiedKind = UnifiedKind> = UnifiedInitsByKind[K];

/** The fields a mapping gives, by kind. */
export interface UnifiedInitsByKind {
  readonly "content.create": BaseUnifiedInit<"content.create">;
  readonly "content.update": BaseUnifiedInit<"content.update"> & { readonly changedFields?: readonly string[] };
  readonly "content.publish": BaseUnifiedInit<"content.publish">;
  readonly "content.unpublish": BaseUnifiedInit<"content.unpublish">;
  readonly "content.delete": BaseUnifiedInit<"content.delete">;
  readonly "content.restore": BaseUnifiedInit<"content.restore">;
  readonly "workflow.change": BaseUnifiedInit<"workflow.change"> & { readonly workflow: WorkflowChange };
  readonly "taxonomy.change": BaseUnifiedInit<"taxonomy.change"> & { readonly taxonomy: TaxonomyChange };
  readonly "user.change": BaseUnifiedInit<"user.change"> & { readonly user: UserChange };
}

/** What a native event's unified mapping returns: nothing, one or several unified events of the kinds `K`. */
export type UnifiedMappingResult<K extends UnifiedKind = UnifiedKind> = UnifiedEventInit<K> | readonly UnifiedEventInit<K>[] | undefined;

/** The unified kinds a mapping's result type `R` can hold (`never` for none). */
export type KindsOfResult<R> = R extends readonly (infer I)[] ? KindOfInit<I> : KindOfInit<R>;

type KindOfInit<I> = I extends { readonly kind: infer K extends UnifiedKind } ? K : never;

/**
 * The unified map of an event map whose mappings are not known: every native
 * may map to every kind. (A unified map gives, per native name, the union of
 * kinds its mapping can produce, `never` for none; `UnifiedKindsOf` derives
 * it from a vendor's event table.)
 */
export type AnyUnifiedMap<E> = { readonly [N in keyof E & string]: UnifiedKind };

/** The native names of `U` that can map to the unified kind `K`. */
export type NativesOfKind<U, K extends UnifiedKind> = { [N in keyof U]: K extends U[N] ? N : never }[keyof U] & string;

/** Unified kind → the native names that can map to it. */
export type UnifiedNatives = { readonly [K in UnifiedKind]: string };

/** Unified kind → the native names of `U` that can map to it: a unified map turned around, as receivers are typed. */
export type NativesByKind<U> = { readonly [K in UnifiedKind]: NativesOfKind<U, K> };

/** The natives by kind of an event map whose mappings are not known: every native may map to every kind. */
export type AnyNativesByKind<E> = { readonly [K in UnifiedKind]: keyof E & string };

/**
 * The fields every mapping gives, whatever the kind; for `content.create`,
 * `publish`, `unpublish`, `delete` and `restore` the whole init. A mapping
 * generic in its kind returns this (`BaseUnifiedInit<K>`), which keeps `K` precise.
 */
export interface BaseUnifiedInit<K extends UnifiedKind> {
  readonly kind: K;
  readonly items: readonly UnifiedItem[];
  /** When the change happened, as the vendor says (ISO string or Date). */
  readonly occurredAt?: string | Date | undefined;
  /** Which delivery channel the change concerns: live content, preview, or management/editorial. */
  readonly channel?: "published" | "preview" | "management" | undefined;
}

/** A move between workflow steps (`from`/`to`) or a named workflow event. */
export interface WorkflowChange {
  readonly from?: WorkflowStepRef | undefined;
  readonly to?: WorkflowStepRef | undefined;
  /** The vendor's workflow event name, e.g. `contensisEntryApproval.draft.submit`. */
  readonly event?: string | undefined;
}

/** A change to a taxonomy / category tree. */
export interface TaxonomyChange {
  readonly action: "create" | "update" | "delete" | "restore" | "move" | "terms_change";
  readonly id?: string | undefined;
  readonly codename?: string | undefined;
  readonly name?: string | undefined;
  /** For moves: the parent it left and the one it joined. */
  readonly fromParent?: string | undefined;
  readonly toParent?: string | undefined;
}

/** A change to a user account. */
export interface UserChange {
  readonly action: "create" | "update" | "delete";
  readonly id: string;
  readonly email?: string | undefined;
  readonly name?: string | undefined;
}

/** Fields every unified event carries, whatever its kind. */
export interface UnifiedEventCommon<Raw, Meta, Native extends string = string> {
  /** Vendor package name: `"kontent"`, `"blox"`, … */
  readonly source: string;
  /** The native event this was mapped from; comparing it narrows `raw` to that event's payload. */
  readonly nativeEvent: Native;
  readonly deliveryId: string;
  /** Parsed time of the change, when the vendor gives one. */
  readonly occurredAt: Date | undefined;
  /** The native payload, with its exact type. */
  readonly raw: Raw;
  /** Vendor header metadata (e.g. Kontent.ai's X-KC-Message-* headers). */
  readonly meta: Meta;
  /** The tenant the delivery was for, on receivers that serve many (the `tenant` option). */
  readonly tenant: string | undefined;
}

/** A unified event of kind `K` mapped from the native event `Native`, as handlers receive it. */
export type UnifiedEvent<K extends UnifiedKind, Raw = unknown, Meta = unknown, Native extends string = string> = Omit<
  UnifiedEventInit<K>,
  "occurredAt"
> &
  UnifiedEventCommon<Raw, Meta, Native>;

/**
 * What a handler of the unified kind `K` receives when it can come from the
 * native events `Natives` of payloads `E`: a union discriminated by
 * `nativeEvent`, whose `raw` is the payload of that native event.
 *
 * @example
 * ```ts
 * type Publish = UnifiedEventOf<"content.publish", KontentPayloads, KontentMeta, "content_item.published" | "content_item_variant.publish">;
 * const purge = (e: Publish) => e.nativeEvent === "content_item.published" && e.raw.data.system.codename;
 * ```
 */
export type UnifiedEventOf<K extends UnifiedKind, E, Meta, Natives extends string> = {
  [N in Natives]: UnifiedEvent<K, E[N & keyof E], Meta, N>;
}[Natives];

/** Any unified event. */
export type AnyUnifiedEvent<Raw = unknown, Meta = unknown> = { [K in UnifiedKind]: UnifiedEvent<K, Raw, Meta> }[UnifiedKind];
