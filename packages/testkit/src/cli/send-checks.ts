import { secretHeader } from "@cmshooks/core";
import { contensis } from "@cmshooks/contensis";
import type { z } from "zod";
import type { TestDelivery } from "../test-delivery.js";
import { sampleCredentials, type VendorEntry } from "../vendor-entry.js";
import { checkOverrideKeys } from "./override-check.js";
import type { SubscriptionKit } from "./subscription-argument.js";
import { UsageError } from "./usage-error.js";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The schema the receiver validates this event with (for a Contensis subscription: with its templates). */
function eventSchema(entry: VendorEntry, event: string, subscription: SubscriptionKit | undefined): z.ZodType | undefined {
  const provider = subscription
    ? contensis({ subscription: subscription.subscription, auth: secretHeader({ name: "x-cmshooks-schema-only", value: "-" }) })
    : entry.provider(sampleCredentials(entry));
  return provider.events.get(event)?.schema;
}

/**
 * Makes `--override` mean what `cmshooks payload` printed: when the body wraps
 * the event's payload in a one-element batch (Kontent.ai's
 * `{ "notifications": [notification] }`), an override written against that
 * body is unwrapped onto the payload; then every key is checked against the
 * event's schema, with did-you-mean.
 *
 * @example
 * ```ts
 * const overrides = checkedOverride(entry, event, sample, { notifications: [{ data: { system: { name: "x" } } }] }, undefined);
 * ```
 */
export function checkedOverride(
  entry: VendorEntry,
  event: string,
  sample: Pick<TestDelivery, "text" | "payload">,
  override: Record<string, unknown>,
  subscription: SubscriptionKit | undefined,
): Record<string, unknown> {
  let payloadOverride = override;
  const body: unknown = JSON.parse(sample.text);
  const keys = isRecord(body) ? Object.keys(body) : [];
  const batchKey = keys.length === 1 && Array.isArray(body && (body as Record<string, unknown>)[keys[0]!]) ? keys[0]! : undefined;
  if (batchKey !== undefined && body !== sample.payload && Object.hasOwn(override, batchKey)) {
    const batch = override[batchKey];
    if (Object.keys(override).length !== 1 || !Array.isArray(batch) || batch.length !== 1 || !isRecord(batch[0])) {
      throw new UsageError(
        `--override: "${batchKey}" must be a one-element array that overrides the event, e.g. {"${batchKey}":[{…}]}, or give the event's fields directly`,
      );
    }
    payloadOverride = batch[0];
  }
  const schema = eventSchema(entry, event, subscription);
  if (schema) checkOverrideKeys(payloadOverride, schema, `${entry.kit.vendor} ${event}`);
  return payloadOverride;
}

/**
 * The delivery without the credentials the kit adds by itself (e.g. Contensis'
 * test secret header), when the user gave none: a send without credentials
 * carries none, and says so.
 *
 * @example
 * ```ts
 * const bare = await withoutDefaultCredentials(entry.kit, delivery, new Set(["x-webhook-secret"]));
 * ```
 */
export async function withoutDefaultCredentials<D extends TestDelivery>(
  kit: VendorEntry["kit"],
  delivery: D,
  given: ReadonlySet<string>,
): Promise<{ delivery: D; dropped: string[] }> {
  const defaults = Object.keys(await kit.sign(delivery.body, {})).filter((name) => !given.has(name));
  if (defaults.length === 0) return { delivery, dropped: [] };
  const headers = Object.fromEntries(Object.entries(delivery.headers).filter(([name]) => !defaults.includes(name)));
  return { delivery: { ...delivery, headers }, dropped: defaults };
}

/**
 * What to check when the server answered 404: the path.
 *
 * @example
 * ```ts
 * if (result.status === 404) output.note(notFoundHint(url, "/hooks/blox"));
 * ```
 */
export function notFoundHint(url: URL, suggested: string): string {
  return (
    `hint: 404 means nothing answers at ${url.pathname} on that server: check the path your receiver is mounted at ` +
    `(e.g. app.post("${suggested.split("?")[0]}", …)) and pass it in --url; a --url without a path gets ${suggested.split("?")[0]}.`
  );
}
