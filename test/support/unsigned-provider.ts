import { defineEvent, defineProvider as define } from "@cmshooks/core";
import { z } from "zod";

/** A provider with no authenticity check, for the opt-out tests. */
export function defineProvider() {
  return define({
    name: "unsigned",
    events: { ping: defineEvent(z.object({ ping: z.boolean() })) },
    auth: undefined,
    route: (body) => [{ name: "ping", payload: body }],
  });
}
export { z };
