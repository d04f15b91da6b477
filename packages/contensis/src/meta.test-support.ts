import type { ContensisMeta } from "./meta.js";

/** Routing metadata for tests: every field absent unless given. */
export const testMeta = (fields: Partial<Omit<ContensisMeta<string>, "headers">> = {}): ContensisMeta<string> => ({
  eventId: undefined,
  event: undefined,
  resourceType: undefined,
  resourceId: undefined,
  contentTypeId: undefined,
  workflowEvent: undefined,
  workflowState: undefined,
  headers: {},
  ...fields,
});
