import { deliveryUrl } from "./delivery-url.js";
import type { TestDelivery } from "./test-delivery.js";

/** What the receiver answered to a {@link send}. */
export interface SendResult {
  /** The URL the delivery was sent to. */
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  /** `true` for a 2xx answer. */
  readonly ok: boolean;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The response body as text. */
  readonly text: string;
  /** The response body parsed as JSON; `undefined` when it is not JSON. */
  readonly json: unknown;
  /** Time until the whole response arrived, in milliseconds. */
  readonly durationMs: number;
}

/** Options of {@link send}. */
export interface SendOptions {
  /** Give up after this many milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /** Headers to add or replace (e.g. a tracing id). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Sends a delivery over real HTTP, as the vendor would: its method, headers
 * and exact signed bytes. Redirects are not followed (senders do not follow
 * them either); the answer is returned whatever its status.
 *
 * @example
 * ```ts
 * const delivery = await testkit.blox.delivery("editorial.update_asset", { secret: "s3cret" });
 * const { status, json } = await send(delivery, "http://127.0.0.1:3000/hooks/blox");
 * ```
 */
export async function send(delivery: TestDelivery, url: string | URL, options: SendOptions = {}): Promise<SendResult> {
  const target = deliveryUrl(delivery, url);
  return sendRequest({ method: delivery.method, url: target, headers: { ...delivery.headers, ...options.headers }, body: delivery.body }, options);
}

/**
 * Sends one request with exactly these headers and bytes (what {@link send}
 * and `cmshooks replay` do), without following redirects.
 *
 * @example
 * ```ts
 * const { status } = await sendRequest({ method: "POST", url: new URL("http://127.0.0.1:3000/hooks/blox"), headers, body });
 * ```
 */
export async function sendRequest(
  request: { readonly method: string; readonly url: URL; readonly headers: Readonly<Record<string, string>>; readonly body: Uint8Array },
  options: Pick<SendOptions, "timeoutMs"> = {},
): Promise<SendResult> {
  const started = performance.now();
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: new Uint8Array(request.body),
    redirect: "manual",
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    url: request.url.href,
    status: response.status,
    statusText: response.statusText,
    ok: response.ok,
    headers: Object.fromEntries(response.headers),
    text,
    json,
    durationMs: Math.round(performance.now() - started),
  };
}
