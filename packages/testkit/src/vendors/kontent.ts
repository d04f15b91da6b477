import {
  formatKontentJson,
  KONTENT_LEGACY_SIGNATURE_HEADER,
  KONTENT_MESSAGE_HEADERS,
  KONTENT_SIGNATURE_HEADER,
  kontentEvents,
  kontentLegacyEvents,
  kontentSamples,
  signKontent,
  type KontentEventName,
  type KontentPayloads,
} from "@cmshooks/kontent";
import { deepMerge } from "../deep-merge.js";
import { makeDelivery } from "../make-delivery.js";
import { SampleData } from "../sample-data.js";
import type { VendorTestkit } from "../test-delivery.js";

const DEFAULT_SECRET = "kontent-test-secret";
function isNewerFormat(body: string | Uint8Array): boolean {
  try {
    const parsed: unknown = JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body));
    return typeof parsed === "object" && parsed !== null && "notifications" in parsed;
  } catch {
    return true;
  }
}

const LEGACY_EVENTS: ReadonlySet<string> = new Set(Object.keys(kontentLegacyEvents));
const ID_KEYS = new Set(["id", "project_id", "environment_id"]);
const TIME_KEYS = new Set(["created_timestamp", "last_modified"]);
const TAXONOMY_GROUPS = ["Personas", "Topics", "Regions", "Product lines", "Audiences"] as const;
const FILE_TYPES = ["jpg", "png", "pdf", "mp4", "svg"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A name for a `data.system` object of the current format, by object type. */
function systemName(data: SampleData, objectType: unknown): string {
  if (objectType === "asset") return `${data.slug(data.title())}.${data.pick(FILE_TYPES)}`;
  if (objectType === "taxonomy") return data.pick(TAXONOMY_GROUPS);
  if (objectType === "language") return data.pick(["German", "French", "Spanish", "Czech", "Japanese"]);
  if (objectType === "content_type") return data.pick(["Article", "Product update", "Landing page", "Author", "Event"]);
  return data.title();
}

/**
 * Rebuilds a sample with fresh, deterministic values: every id (the same old
 * id always gets the same new one), names, codenames and timestamps. The
 * structure, event literals, slots and API names stay the sample's, so the
 * result is valid for the same native event by construction.
 */
function reseed<T>(sample: T, data: SampleData): T {
  const ids = new Map<string, string>();
  const objectType = isRecord(sample) && isRecord(sample.message) ? sample.message.object_type : undefined;
  const visit = (value: unknown, key: string | undefined): unknown => {
    if (Array.isArray(value)) return value.map((v) => visit(v, undefined));
    if (typeof value === "string" && key !== undefined) {
      if (ID_KEYS.has(key)) return ids.get(value) ?? ids.set(value, data.uuid()).get(value);
      if (TIME_KEYS.has(key)) return data.isoDate();
      return value;
    }
    if (!isRecord(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = visit(v, k);
    if (typeof value.codename === "string") {
      const isSystem = typeof value.name === "string";
      const name = isSystem ? systemName(data, objectType) : "language" in value ? data.title() : data.pick(TAXONOMY_GROUPS);
      if (isSystem) out.name = name;
      out.codename = data.codename(name);
    }
    return out;
  };
  return visit(sample, undefined) as T;
}

/** The `X-KC-Message-*` headers that mirror a legacy delivery's message. */
function messageHeaders(payload: unknown): Record<string, string> {
  if (!isRecord(payload) || !isRecord(payload.message)) return {};
  const m = payload.message;
  const fields = { id: m.id, type: m.type, operation: m.operation, apiName: m.api_name, projectId: m.project_id, createdTimestamp: m.created_timestamp, webhookUrl: m.webhook_url };
  const headers: Record<string, string> = {};
  for (const [field, header] of Object.entries(KONTENT_MESSAGE_HEADERS)) {
    const value = fields[field as keyof typeof fields];
    if (typeof value === "string") headers[header] = value;
  }
  return headers;
}

const payload = <K extends KontentEventName>(event: K, seed: number): KontentPayloads[K] => reseed(kontentSamples[event], new SampleData(seed));

/**
 * Kontent.ai test deliveries for every native event, as Kontent.ai writes
 * them (2-space JSON, CRLF). Legacy events are signed in `X-KC-Signature` and
 * carry the `X-KC-Message-*` headers; current-format events are sent as a
 * one-notification batch `{ notifications: [payload] }` signed in
 * `X-Kontent-ai-Signature`. `delivery.payload` is what the native handler
 * receives: the whole body for legacy events, the notification otherwise.
 *
 * @example
 * ```ts
 * const delivery = await kontentTestkit.delivery("content_item.published", { secret: "s3cret" });
 * await receiver.handle({ method: delivery.method, headers: delivery.headers, body: delivery.body });
 * ```
 */
export const kontentTestkit: VendorTestkit<KontentPayloads> = {
  vendor: "kontent",
  events: Object.keys(kontentEvents) as KontentEventName[],
  payload: (event, options = {}) => deepMerge(payload(event, options.seed ?? 1), options.overrides),
  delivery(event, options = {}) {
    const secret = options.secret ?? DEFAULT_SECRET;
    const legacy = LEGACY_EVENTS.has(event);
    const body = deepMerge(payload(event, options.seed ?? 1), options.overrides);
    return makeDelivery({
      vendor: "kontent",
      event,
      payload: body,
      path: "/hooks/kontent",
      headers: { ...(legacy ? messageHeaders(body) : {}), ...options.headers },
      serialise: legacy ? formatKontentJson : (notification) => formatKontentJson({ notifications: [notification] }),
      sign: async (bytes) => ({ [legacy ? KONTENT_LEGACY_SIGNATURE_HEADER : KONTENT_SIGNATURE_HEADER]: await signKontent(bytes, secret) }),
    });
  },
  async sign(body, { secret }) {
    // Legacy bodies (no `notifications` batch) are signed in X-KC-Signature, newer ones in X-Kontent-ai-Signature.
    const header = isNewerFormat(body) ? KONTENT_SIGNATURE_HEADER : KONTENT_LEGACY_SIGNATURE_HEADER;
    return { [header]: await signKontent(body, secret ?? DEFAULT_SECRET) };
  },
};
