import { asRecord, nonEmptyText } from "./read-json.js";

/** The part of Contensis' default payload that says what happened. */
export interface ContensisDefaultEnvelope {
  readonly eventId: string;
  readonly eventName: string;
  readonly datetime: string | undefined;
  readonly resource: Readonly<Record<string, unknown>>;
  /** `resource.type`, when given. */
  readonly resourceType: string | undefined;
}

/**
 * Reads the envelope of a default payload (`eventId`, `eventName`,
 * `resource.type`), or undefined when the body is not one (a templated body).
 *
 * @example
 * ```ts
 * readDefaultEnvelope({ eventId: "e1", eventName: "published", resource: { id: "r1", type: "entry" } })?.resourceType; // "entry"
 * ```
 */
export function readDefaultEnvelope(body: unknown): ContensisDefaultEnvelope | undefined {
  const record = asRecord(body);
  const resource = asRecord(record?.resource);
  const eventId = nonEmptyText(record?.eventId);
  const eventName = nonEmptyText(record?.eventName);
  if (!record || !resource || eventId === undefined || eventName === undefined) return undefined;
  return { eventId, eventName, datetime: nonEmptyText(record.datetime), resource, resourceType: nonEmptyText(resource.type) };
}
