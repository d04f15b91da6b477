import type { AuthTamper, BuiltDelivery, DeliveryPlan, WrongValue } from "./delivery-plan.js";
import type { RawRequest } from "./raw-http.js";

/** Methods Node's HTTP parser accepts (it answers 400 itself to anything else, before any adapter runs). */
const HTTP_METHODS = new Set(["POST", "GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
/** Headers that change how HTTP frames the message: the transport's business, not a delivery's. */
const FRAMING = new Set(["host", "transfer-encoding", "content-length", "connection", "expect", "te", "upgrade", "keep-alive", "trailer"]);
/** Longest header value sent over HTTP: all of them together stay under Node's 16 KiB header limit. */
const MAX_VALUE = 2_000;

/** A value that can go on the wire: no control characters (they would end or split the header), not too long. */
function wireValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "").slice(0, MAX_VALUE);
}

function wireWrong(value: WrongValue): WrongValue {
  return value.kind === "literal" ? { kind: "literal", value: wireValue(value.value) } : value;
}

function wireAuth(auth: AuthTamper | undefined): AuthTamper | undefined {
  if (!auth || auth.kind === "drop") return auth;
  return { ...auth, value: wireWrong(auth.value) };
}

/**
 * The same plan, restricted to what a real HTTP/1.1 request can carry: a
 * method token Node parses, an exact or an over-limit Content-Length (else
 * the body goes chunked), header values without control characters, no
 * framing headers among the extras.
 */
export function toHttpPlan(plan: DeliveryPlan): DeliveryPlan {
  const method = HTTP_METHODS.has(plan.method) ? plan.method : plan.method.toUpperCase() === "POST" ? "POST" : "PUT";
  const length = plan.contentLength.kind === "exact" || plan.contentLength.kind === "declared-over" ? plan.contentLength : { kind: "none" as const };
  return {
    ...plan,
    peer: "127.0.0.1",
    method,
    contentLength: length,
    auth: wireAuth(plan.auth),
    extraHeaders: plan.extraHeaders
      .filter((e) => typeof e.name === "number" || !FRAMING.has(e.name))
      .map((e) => ({ name: e.name, value: typeof e.value === "string" ? wireValue(e.value) : [wireValue(e.value[0]), wireValue(e.value[1])] as const })),
  };
}

/** The raw request for a built delivery: each header line as given (repeated ones as several lines), chunked when no length is declared. */
export function toRawRequest(d: BuiltDelivery, chunkSize: number): RawRequest {
  const headers: [string, string][] = [["connection", "close"]];
  for (const [name, value] of Object.entries(d.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) headers.push([name, wireValue(v)]);
  }
  const chunked = d.headers["content-length"] === undefined;
  return { method: d.method, target: d.url, headers, body: d.body, ...(chunked ? { chunkSize } : {}) };
}
