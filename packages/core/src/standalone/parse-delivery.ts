import type { CryptoEngine } from "../crypto/engine.js";
import { toBytes } from "../crypto/encoding.js";
import { WebhookError, type EventWarning } from "../errors.js";
import { toHeaderReader } from "../headers.js";
import type { AnyNativeEvent } from "../native-events.js";
import { authenticate } from "../pipeline/authenticate.js";
import { KnownBodyHash } from "../pipeline/body-hash.js";
import { parseJsonBody } from "../pipeline/parse-json.js";
import { validateEvents } from "../pipeline/validate-events.js";
import type { EventMap, Provider } from "../provider.js";
import type { StandaloneDelivery } from "./verify-authenticity.js";

/** What {@link ParseDelivery} found in a genuine delivery. */
export interface ParsedDelivery<E extends EventMap, M> {
  /** The events, validated and typed: known ones by name, unknown ones with `known: false`. */
  readonly events: readonly AnyNativeEvent<E, M>[];
  /** Problems that did not refuse the delivery: unknown events, invalid events of a batch that had valid ones, header/body mismatches. */
  readonly warnings: readonly WebhookError[];
  /** True when the provider's `accept` filter declined the delivery (no events then). */
  readonly ignored: boolean;
}

/**
 * Verifies, parses and validates one delivery without a receiver, for apps
 * that route it themselves (serverless functions, queues). Resolves with the
 * typed events, or rejects with the receiver's typed error: `UnauthorizedError`
 * (401), `InvalidBodyError` (400), `ValidationError` (422).
 */
export type ParseDelivery = <E extends EventMap, M>(provider: Provider<E, M>, delivery: StandaloneDelivery) => Promise<ParsedDelivery<E, M>>;

/** Binds {@link ParseDelivery} to a crypto engine (for the body hash that ids events without a vendor id). */
export function makeParseDelivery(engine: CryptoEngine): ParseDelivery {
  return async function parseDelivery<E extends EventMap, M>(provider: Provider<E, M>, delivery: StandaloneDelivery): Promise<ParsedDelivery<E, M>> {
    const headers = toHeaderReader(delivery.headers);
    const body = toBytes(delivery.body);
    await authenticate(provider.auth, { headers, body, url: delivery.url });
    const meta = provider.readMeta(headers);
    if (provider.accept && !provider.accept(meta, headers)) return { events: [], warnings: [], ignored: true };
    const json = parseJsonBody(body);
    const warnings: WebhookError[] = [];
    const routed = provider.route(json, {
      headers,
      meta,
      warn: (message) => void warnings.push(new WebhookError(200, "header_mismatch", message, { level: "warning" })),
    });
    const hash = await engine.sha256Hex(body);
    const validated = validateEvents(provider as Provider, routed, meta, headers, new KnownBodyHash(hash));
    const eventWarnings: readonly EventWarning[] = validated.warnings;
    return { events: validated.records as unknown as AnyNativeEvent<E, M>[], warnings: [...warnings, ...eventWarnings], ignored: false };
  };
}
