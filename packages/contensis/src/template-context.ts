/**
 * What Contensis' `{/json/pointer}` placeholders point into. The docs use
 * `/resource/...`, `/event/name` and `/user/firstName`; the `event` fields
 * below follow the variables of Contensis' default payload template
 * (`{{event.id}}`, `{{event.resourceId}}`, …). `resourceType` and
 * `workflowEvent` are this package's assumption (UNCONFIRMED), used by the
 * routing headers it adds to a subscription.
 */
export interface ContensisEventInfo {
  readonly id: string;
  /** The event, e.g. `published` (whether Contensis writes `published` or `entry.published` is UNCONFIRMED). */
  readonly name: string;
  readonly subscriptionId?: string | undefined;
  /** ISO-8601 time of the event. */
  readonly dateTime?: string | undefined;
  readonly resourceId?: string | undefined;
  readonly resourceType?: string | undefined;
  readonly resourceUrl?: string | null | undefined;
  /** The workflow event raised, for `workflowEventRaised`. */
  readonly workflowEvent?: string | undefined;
  readonly [key: string]: unknown;
}

/** The user who caused the event. */
export interface ContensisUserInfo {
  readonly username?: string | undefined;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly [key: string]: unknown;
}

/** The root placeholders resolve against. */
export interface ContensisTemplateContext {
  /** The entry, content type, node, user… the event is about. */
  readonly resource: unknown;
  readonly event: ContensisEventInfo;
  readonly user?: ContensisUserInfo | undefined;
  readonly [key: string]: unknown;
}
