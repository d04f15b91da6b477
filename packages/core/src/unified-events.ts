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

/** What a vendor's mapping returns for one unified event; the receiver adds the common fields. */
export type UnifiedEventInit =
  | { [K in PlainContentKind]: ContentInit<K> }[PlainContentKind]
  | (ContentInit<"content.update"> & { readonly changedFields?: readonly string[] })
  | (ContentInit<"workflow.change"> & { readonly workflow: WorkflowChange })
  | (ContentInit<"taxonomy.change"> & { readonly taxonomy: TaxonomyChange })
  | (ContentInit<"user.change"> & { readonly user: UserChange });

type PlainContentKind = "content.create" | "content.publish" | "content.unpublish" | "content.delete" | "content.restore";

interface ContentInit<K extends UnifiedKind> {
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
export interface UnifiedEventCommon<Raw, Meta> {
  /** Vendor package name: `"kontent"`, `"blox"`, … */
  readonly source: string;
  /** The native event this was mapped from. */
  readonly nativeEvent: string;
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

type InitOf<K extends UnifiedKind> = Extract<UnifiedEventInit, { kind: K }>;

/** A unified event of kind `K`, as handlers receive it. */
export type UnifiedEvent<K extends UnifiedKind, Raw = unknown, Meta = unknown> = Omit<InitOf<K>, "occurredAt"> &
  UnifiedEventCommon<Raw, Meta>;

/** Any unified event. */
export type AnyUnifiedEvent<Raw = unknown, Meta = unknown> = { [K in UnifiedKind]: UnifiedEvent<K, Raw, Meta> }[UnifiedKind];
