/**
 * Workflow event and state names from Contensis' topics table. Contensis'
 * own docs spell them in several cases (`contensisentryapproval.awaitingApproval.approve`
 * next to `contensisEntryApproval.awaitingApproval.approve`), so every
 * comparison here ignores case.
 */

/**
 * Workflow events of entries (Contensis Entry Approval workflow) and forms, as the topics table spells them.
 *
 * @example
 * ```ts
 * CONTENSIS_WORKFLOW_EVENTS.includes("contensisEntryApproval.draft.submit"); // true
 * ```
 */
export const CONTENSIS_WORKFLOW_EVENTS = [
  "contensisEntryApproval.draft.submit",
  "contensisEntryApproval.draft.submitAndApprove",
  "contensisEntryApproval.draft.submitAndScheduledApprove",
  "contensisEntryApproval.awaitingApproval.revoke",
  "contensisEntryApproval.awaitingApproval.decline",
  "contensisEntryApproval.awaitingApproval.approve",
  "contensisEntryApproval.awaitingApproval.scheduledApprove",
  "contensisEntryApproval.declined.submit",
  "contensisEntryApproval.scheduled.cancel",
  "contensisEntryApproval.scheduled.publishNow",
  "contensisFormBasic.unread.read",
  "contensisFormBasic.read.unread",
] as const;

/**
 * Workflow states of entries and forms, as the topics table spells them.
 *
 * @example
 * ```ts
 * CONTENSIS_WORKFLOW_STATES.includes("contensisEntryApproval.awaitingApproval"); // true
 * ```
 */
export const CONTENSIS_WORKFLOW_STATES = [
  "contensisEntryApproval.draft",
  "contensisEntryApproval.awaitingApproval",
  "contensisEntryApproval.declined",
  "contensisEntryApproval.scheduled",
  "contensisEntryApproval.versionComplete",
  "contensisEntryApproval.archived",
  "contensisFormBasic.unread",
  "contensisFormBasic.read",
  "contensisFormBasic.archived",
] as const;

/** A documented workflow event; custom workflows add their own, so any string is allowed where these are. */
export type ContensisWorkflowEvent = (typeof CONTENSIS_WORKFLOW_EVENTS)[number];
/** A documented workflow state. */
export type ContensisWorkflowState = (typeof CONTENSIS_WORKFLOW_STATES)[number];

const canonical = new Map([...CONTENSIS_WORKFLOW_EVENTS, ...CONTENSIS_WORKFLOW_STATES].map((name) => [name.toLowerCase(), name]));

/**
 * True when two workflow event or state names are the same, ignoring case.
 *
 * @example
 * ```ts
 * sameContensisWorkflowName("contensisentryapproval.awaitingApproval.approve", "contensisEntryApproval.awaitingApproval.approve"); // true
 * ```
 */
export function sameContensisWorkflowName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The documented spelling of a workflow event or state when it is one of the
 * documented ones (compared ignoring case), else the name as given.
 *
 * @example
 * ```ts
 * canonicalContensisWorkflowName("contensisentryapproval.draft.submit"); // "contensisEntryApproval.draft.submit"
 * canonicalContensisWorkflowName("myWorkflow.review.approve");         // "myWorkflow.review.approve"
 * ```
 */
export function canonicalContensisWorkflowName(name: string): string {
  return canonical.get(name.toLowerCase()) ?? name;
}
