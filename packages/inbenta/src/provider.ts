import { cachedEventName, defineProvider, parseEnvelope, type Authenticator, type ProviderOf } from "@cmshooks/core";
import { inbentaEventName } from "./event-name.js";
import { inbentaEvents } from "./events.js";
import { inbentaEnvelopeSchema } from "./schemas.js";
import { inbentaSavingEnvelopeSchema } from "./upon-saving-schemas.js";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Options of {@link inbenta}. */
export interface InbentaOptions {
  /**
   * How deliveries prove they come from your Inbenta instance. Inbenta
   * documents no signature, so this is a check you set up yourself:
   * `secretPathSegment()` or `secretQueryParam()` with a secret in the webhook
   * URL, or `basicAuth()` with `https://user:pass@host/…`. A list means every
   * check must pass. Without any, `createReceiver` refuses to start unless
   * `allowIps` is set or `allowUnauthenticated: true`.
   */
  auth?: Authenticator | readonly Authenticator[];
}

/** The provider {@link inbenta} returns: named, so that declarations and hovers refer to the event table instead of spelling it out. */
export type InbentaProvider = ProviderOf<typeof inbentaEvents>;

/**
 * Inbenta Knowledge "webhook transactions": `{ trigger, date, … }` for content
 * and category changes, unsigned, authenticated by the receiver-side check
 * you pass as `auth`.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({
 *   provider: inbenta({ auth: secretPathSegment({ value: process.env.INBENTA_PATH_SECRET! }) }),
 * });
 * receiver.on("edit_content", ({ payload }) => reindex(payload.contentId));
 * ```
 */
export function inbenta(options: InbentaOptions = {}): InbentaProvider {
  const nameOf = cachedEventName((webhook, action) => `${webhook}.${action}`);
  return defineProvider({
    name: "inbenta",
    events: inbentaEvents,
    auth: options.auth,
    outboundIps: inbentaOutboundIps,
    // Inbenta documents no signature: the check is one you add to the webhook URL.
    authAdvice: "inbenta({ auth: secretPathSegment() }), secretQueryParam() or basicAuth() on the webhook URL; Inbenta signs nothing, so there is no secret to give",
    route(body) {
      // The two webhook types Inbenta's settings configure: transactions say `trigger`, the "webhook upon saving" says `action`.
      if (isObject(body) && !("trigger" in body) && "action" in body) {
        const { action } = parseEnvelope(inbentaSavingEnvelopeSchema, body);
        return [{ name: nameOf("upon_saving", action), payload: body }];
      }
      const { trigger } = parseEnvelope(inbentaEnvelopeSchema, body);
      return [{ name: inbentaEventName(trigger), payload: body }];
    },
  });
}

/**
 * Inbenta publishes no source addresses for its webhooks: this list is empty.
 * Pass your own to `allowIps` if you learn them.
 *
 * @example
 * ```ts
 * createReceiver({ provider: inbenta({ auth }), allowIps: [...inbentaOutboundIps, ...myKnownInbentaIps] });
 * ```
 */
export const inbentaOutboundIps: readonly string[] = [];

inbenta.outboundIps = inbentaOutboundIps;
