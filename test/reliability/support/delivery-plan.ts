import { isIP } from "node:net";
import fc from "fast-check";
import { bodyPlanArbitrary, materialiseBody, type BodyPlan } from "./body-mutations.js";
import type { VendorHarness } from "./vendor-harness.js";

/**
 * One generated delivery, as a plan: which sample it starts from, how its
 * body, method, media type, length and headers are changed, and whether its
 * credentials are tampered with. `buildDelivery` turns a plan into the exact
 * request and the answer the status table requires for it.
 */
export interface DeliveryPlan {
  readonly sample: number;
  readonly body: BodyPlan;
  /** Sign the final bytes with the right secret (signing vendors), so the body stages are reached. */
  readonly resign: boolean;
  readonly method: string;
  readonly contentType: ContentTypeChoice;
  readonly contentLength: LengthChoice;
  readonly auth: AuthTamper | undefined;
  readonly extraHeaders: readonly ExtraHeader[];
  /** The socket's peer address as an adapter passes it (in process only; over HTTP it is 127.0.0.1). */
  readonly peer: string | undefined;
}

/** A media type and whether the core README's status table lets it carry a JSON delivery (absent, JSON, `+json`, text: yes; forms, binary: 415). */
export interface ContentTypeChoice {
  readonly value: string | undefined;
  readonly json: boolean;
}

export type LengthChoice =
  | { readonly kind: "none" }
  | { readonly kind: "exact" }
  | { readonly kind: "declared-over"; readonly value: number }
  | { readonly kind: "smaller"; readonly by: number }
  | { readonly kind: "garbage"; readonly value: string };

/** A credential value that is never the right one. */
export type WrongValue =
  | { readonly kind: "other-secret" }
  | { readonly kind: "edit"; readonly edit: "truncate" | "extend" | "flip" | "case" | "hex" | "prefix" | "unicode" | "quote-one-side" }
  | { readonly kind: "literal"; readonly value: string };

export type AuthTamper =
  | { readonly kind: "drop" }
  | { readonly kind: "replace"; readonly value: WrongValue }
  /** The credential header twice (or the query parameter twice), the wrong value first. */
  | { readonly kind: "duplicate"; readonly value: WrongValue };

export interface ExtraHeader {
  /** A header name, or the index of one of the sample's own (non-credential) headers, to give it a junk value. */
  readonly name: string | number;
  readonly value: string | readonly [string, string];
}

/** A delivery ready for `receiver.handle` (and for a raw HTTP request), with the answer it must get. */
export interface BuiltDelivery {
  readonly method: string;
  readonly headers: Record<string, string | string[]>;
  readonly body: Uint8Array;
  readonly url: string;
  readonly ip: string | undefined;
  /** False when credentials were tampered with or the signed bytes changed: no handler may run. */
  readonly authentic: boolean;
  readonly expected: Expectation;
}

/** The statuses the status table allows for one delivery, and why. */
export interface Expectation {
  readonly statuses: readonly number[];
  readonly reason: string;
}

const JSON_CONTENT_TYPES: readonly string[] = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json;charset=UTF-8;foo=bar",
  " application/json ",
  "application/json;;;",
  "text/plain",
  "text/plain; charset=iso-8859-1",
  "text/json",
  "application/vnd.kontent.webhook+json",
  "application/cloudevents+json; charset=utf-8",
  "",
];

const NON_JSON_CONTENT_TYPES: readonly string[] = [
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----x",
  "application/xml",
  "text/html",
  "application/octet-stream",
  "image/png",
  "application/json-patch",
  "json",
  "application/jsonx",
  "text/json+xml",
  "application/x-json-stream",
  "*/*",
];

const OTHER_METHODS = ["GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "QUERY"] as const;

function wrongValueArbitrary(): fc.Arbitrary<WrongValue> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ kind: "other-secret" as const }) },
    {
      weight: 6,
      arbitrary: fc
        .constantFrom("truncate" as const, "extend" as const, "flip" as const, "case" as const, "hex" as const, "prefix" as const, "unicode" as const, "quote-one-side" as const)
        .map((edit) => ({ kind: "edit" as const, edit })),
    },
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.constantFrom("", " ", "\t", "!!!!", "====", "null", "undefined", "Basic", "Basic ", "Bearer x", "Basic Og==", "Basic YTo="),
          fc.string({ unit: "binary", maxLength: 64 }),
          fc.base64String({ maxLength: 88 }),
          fc.integer({ min: 4_000, max: 12_000 }).map((n) => "A".repeat(n)),
        )
        .map((value) => ({ kind: "literal" as const, value })),
    },
  );
}

/** Forwarding chains, well-formed and not: what the client-address parser reads when proxies are trusted. */
const forwardedHop = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4Extended(),
  fc.ipV6().map((ip) => `[${ip}]:${443}`),
  fc.ipV4().map((ip) => `${ip}:8080`),
  fc.ipV4().map((ip) => `::ffff:${ip}`),
  fc.ipV6().map((ip) => `for="[${ip}]";proto=https`),
  fc.ipV4().map((ip) => `for=${ip};by=10.0.0.1`),
  fc.constantFrom("unknown", "_hidden", "", "for=", "[::1", "1.2.3", "999.1.1.1", "::ffff:999.0.0.1", "1.1.1.1%eth0", "fe80::1%25en0"),
  fc.string({ maxLength: 20 }),
);
const forwardedChain = fc.oneof(
  fc.array(forwardedHop, { maxLength: 8 }).map((hops) => hops.join(", ")),
  fc.integer({ min: 100, max: 3_000 }).map((n) => "10.0.0.1, ".repeat(n)),
);

function headerValueArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 20_000 }).map((n) => "v".repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "1, 2", "é", "\u0000", "203.0.113.9, 10.0.0.1", "for=203.0.113.9") },
    { weight: 2, arbitrary: forwardedChain },
  );
}

const HEADER_NAME = fc.stringMatching(/^[a-z][a-z0-9-]{0,24}$/);
const WELL_KNOWN_NAMES = ["x-forwarded-for", "forwarded", "host", "user-agent", "accept", "x-request-id", "transfer-encoding", "expect", "connection"];

/** Plans for one harness: most deliveries reach the body stages with intact credentials; the rest break one earlier stage. */
export function deliveryPlanArbitrary(h: Pick<VendorHarness, "samples" | "stringPool" | "keyPool">, limit: number): fc.Arbitrary<DeliveryPlan> {
  const method = fc.oneof(
    { weight: 40, arbitrary: fc.constant("POST") },
    { weight: 1, arbitrary: fc.constantFrom("post", "Post", "pOsT") },
    { weight: 4, arbitrary: fc.constantFrom(...OTHER_METHODS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 10 }) },
  );
  const contentType = fc.oneof(
    { weight: 30, arbitrary: fc.constant({ value: "application/json", json: true }) },
    { weight: 3, arbitrary: fc.constant({ value: undefined, json: true }) },
    { weight: 4, arbitrary: fc.constantFrom(...JSON_CONTENT_TYPES).map((value) => ({ value, json: true })) },
    { weight: 3, arbitrary: fc.constantFrom(...NON_JSON_CONTENT_TYPES).map((value) => ({ value, json: false })) },
  );
  const contentLength = fc.oneof(
    { weight: 12, arbitrary: fc.constant({ kind: "none" as const }) },
    { weight: 6, arbitrary: fc.constant({ kind: "exact" as const }) },
    { weight: 1, arbitrary: fc.integer({ min: limit + 1, max: 2 ** 40 }).map((value) => ({ kind: "declared-over" as const, value })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 64 }).map((by) => ({ kind: "smaller" as const, by })) },
    { weight: 1, arbitrary: fc.constantFrom("", "abc", "-1", "1.5", "0x10", "12, 12", " 7 ").map((value) => ({ kind: "garbage" as const, value })) },
  );
  const auth = fc.oneof(
    { weight: 12, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant({ kind: "drop" as const }) },
    { weight: 3, arbitrary: wrongValueArbitrary().map((value) => ({ kind: "replace" as const, value })) },
    { weight: 1, arbitrary: wrongValueArbitrary().map((value) => ({ kind: "duplicate" as const, value })) },
  );
  const extraHeader = fc.record({
    name: fc.oneof(HEADER_NAME, fc.constantFrom(...WELL_KNOWN_NAMES), fc.nat()),
    value: fc.oneof({ weight: 4, arbitrary: headerValueArbitrary() }, { weight: 1, arbitrary: fc.tuple(headerValueArbitrary(), headerValueArbitrary()) }),
  });
  return fc.record({
    sample: fc.nat(h.samples.length - 1),
    body: bodyPlanArbitrary({ stringPool: h.stringPool, keyPool: h.keyPool, limit }),
    resign: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    method,
    contentType,
    contentLength,
    auth,
    extraHeaders: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(extraHeader, { maxLength: 4 }) }),
    peer: fc.oneof(
      { weight: 20, arbitrary: fc.constant("127.0.0.1") },
      { weight: 3, arbitrary: fc.constantFrom("::1", "::ffff:127.0.0.1", "203.0.113.7", "2001:db8::7") },
      { weight: 1, arbitrary: fc.constantFrom(undefined, "", "not-an-ip", "127.0.0.1:5000", "300.1.1.1") },
    ),
  });
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** True when the bytes are one JSON text in UTF-8 (a leading BOM allowed), as RFC 8259 defines it. */
export function isJsonText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  try {
    JSON.parse(strictUtf8.decode(bytes));
    return true;
  } catch {
    return false;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function editValue(value: string, edit: Extract<WrongValue, { kind: "edit" }>["edit"]): string {
  switch (edit) {
    case "truncate":
      return value.slice(0, -1);
    case "extend":
      return `${value}A`;
    case "flip": {
      const i = Math.floor(value.length / 2);
      const c = value[i] ?? "A";
      // Different whatever the case: a hex digest's "a" flipped to "A" would be the same digest.
      return `${value.slice(0, i)}${c.toLowerCase() === "a" ? "B" : "A"}${value.slice(i + 1)}`;
    }
    case "case":
      // Hex digests compare case-insensitively: for them a case change is no change, so flip a character instead.
      if (/^[0-9a-f]+$/i.test(value)) return editValue(value, "flip");
      return value === value.toLowerCase() ? value.toUpperCase() : value.toLowerCase();
    case "hex":
      return Buffer.from(value, "base64").toString("hex");
    case "prefix":
      return `sha256=${value}`;
    case "unicode":
      return `é${value}`;
    case "quote-one-side":
      return `"${value}`;
  }
}

async function wrongValue(h: VendorHarness, wrong: WrongValue, valid: string, name: string, bytes: Uint8Array): Promise<string> {
  let value: string;
  if (wrong.kind === "literal") value = wrong.value;
  else if (wrong.kind === "edit") value = editValue(valid, wrong.edit);
  else {
    const other = await h.entry.kit.sign(bytes, h.form.wrong);
    value = other[name] ?? Object.values(other)[0] ?? `${valid}x`;
  }
  // Whatever the edit, never the right value (a case change of a digit-only value, say).
  return value === valid || value.trim() === valid ? `${value}x` : value;
}

function lowerKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The query parameter that carries the credentials, for the query form. */
function queryName(h: VendorHarness): string | undefined {
  const auth = h.form.credentials.auth;
  return auth && "query" in auth ? auth.query.name : undefined;
}

/** Builds the request a plan describes, and the answer the status table requires for it. */
export async function buildDelivery(h: VendorHarness, plan: DeliveryPlan, limit: number): Promise<BuiltDelivery> {
  const sample = h.samples[plan.sample % h.samples.length]!;
  const body = materialiseBody(plan.body, sample, limit);
  const headers: Record<string, string | string[]> = { ...sample.headers };
  let url = sample.path;
  const signing = h.entry.authenticity === "signature";

  // Credentials: the sample's, or new ones over the final bytes.
  const originalAuth = lowerKeys(await h.entry.kit.sign(sample.body, h.form.credentials));
  let authHeaders = originalAuth;
  let bodyAuthentic = true;
  if (signing) {
    if (plan.resign) {
      authHeaders = lowerKeys(await h.entry.kit.sign(body, h.form.credentials));
      for (const name of Object.keys(originalAuth)) delete headers[name];
      Object.assign(headers, authHeaders);
    } else bodyAuthentic = sameBytes(body, sample.body);
  }

  let tampered = false;
  if (plan.auth) {
    tampered = true;
    const names = Object.keys(authHeaders);
    const query = queryName(h);
    if (names.length) {
      for (const name of names) {
        const valid = authHeaders[name]!;
        if (plan.auth.kind === "drop") delete headers[name];
        else {
          const wrong = await wrongValue(h, plan.auth.value, valid, name, body);
          headers[name] = plan.auth.kind === "duplicate" ? [wrong, valid] : wrong;
        }
      }
    } else if (query) {
      const [pathname] = url.split("?");
      const valid = new URLSearchParams(url.slice(url.indexOf("?") + 1)).get(query) ?? "";
      if (plan.auth.kind === "drop") url = pathname!;
      else {
        const wrong = encodeURIComponent(await wrongValue(h, plan.auth.value, valid, query, body));
        url = plan.auth.kind === "duplicate" ? `${pathname}?${query}=${wrong}&${query}=${encodeURIComponent(valid)}` : `${pathname}?${query}=${wrong}`;
      }
    } else tampered = false;
  }

  if (plan.contentType.value === undefined) delete headers["content-type"];
  else headers["content-type"] = plan.contentType.value;

  const length = plan.contentLength;
  delete headers["content-length"];
  if (length.kind === "exact") headers["content-length"] = String(body.length);
  else if (length.kind === "declared-over") headers["content-length"] = String(length.value);
  else if (length.kind === "smaller") headers["content-length"] = String(Math.max(0, body.length - length.by));
  else if (length.kind === "garbage") headers["content-length"] = length.value;

  const reserved = new Set(["content-type", "content-length", "authorization", ...Object.keys(originalAuth), ...Object.keys(authHeaders)]);
  const ownNames = Object.keys(sample.headers).filter((n) => !reserved.has(n));
  for (const extra of plan.extraHeaders) {
    const name = typeof extra.name === "number" ? ownNames[extra.name % Math.max(1, ownNames.length)] : extra.name;
    if (name === undefined || reserved.has(name)) continue;
    headers[name] = typeof extra.value === "string" ? extra.value : [...extra.value];
  }

  const authentic = !tampered && bodyAuthentic;
  const d = { method: plan.method, headers, body, url, ip: plan.peer, authentic };
  return { ...d, expected: expectedAnswer(h, { ...d, json: plan.contentType.json }, limit) };
}

/**
 * The status table applied in pipeline order: method → source address → declared length →
 * media type → header credentials → body size → signature → JSON → schema. The last stage is
 * 200 or 422: whether a mutated payload still matches its schema is the
 * vendor's business, not this oracle's.
 */
function expectedAnswer(
  h: VendorHarness,
  d: { method: string; headers: Record<string, string | string[]>; body: Uint8Array; ip: string | undefined; authentic: boolean; json: boolean },
  limit: number,
): Expectation {
  if (!h.receiver.provider.methods.includes(d.method.toUpperCase())) return { statuses: [405], reason: `method ${JSON.stringify(d.method)}` };
  // Every address is allowed: an unknown peer is refused, and so is a trusted chain with a hop that is not an
  // address, or X-Forwarded-For and Forwarded naming different clients (exactly which is the resolver's own
  // property test's business, against its reference model): with a forwarding header, 403 is also right.
  if (h.allowlisted && (d.ip === undefined || isIP(d.ip) === 0)) return { statuses: [403], reason: `peer address ${JSON.stringify(d.ip)}` };
  const rest = expectedAfterSource(h, d, limit);
  const forwarded = ["x-forwarded-for", "forwarded"].some((name) => String(d.headers[name] ?? "").trim() !== "");
  return h.allowlisted && forwarded ? { statuses: [403, ...rest.statuses], reason: `${rest.reason}, or a forwarding chain without a known client` } : rest;
}

function expectedAfterSource(
  h: VendorHarness,
  d: { method: string; headers: Record<string, string | string[]>; body: Uint8Array; ip: string | undefined; authentic: boolean; json: boolean },
  limit: number,
): Expectation {
  const declared = d.headers["content-length"];
  const declaredText = Array.isArray(declared) ? declared.join(", ") : declared;
  if (declaredText !== undefined && Number(declaredText) > limit) return { statuses: [413], reason: `declared length ${declaredText}` };
  if (!d.json) return { statuses: [415], reason: `content-type ${JSON.stringify(d.headers["content-type"])}` };
  // Header credentials are checked before the body is read; a signature only once the body is in.
  const signsBody = h.receiver.provider.auth.some((a) => a.needsBody);
  const unauthorized: Expectation = { statuses: [401], reason: "credentials tampered with or signed bytes changed" };
  if (!d.authentic && !signsBody) return unauthorized;
  if (d.body.length > limit) return { statuses: [413], reason: `body of ${d.body.length} bytes` };
  if (!d.authentic) return unauthorized;
  if (!isJsonText(d.body)) return { statuses: [400], reason: "body is not one UTF-8 JSON text" };
  return { statuses: [200, 422], reason: "authentic JSON: handled, or refused by the schema" };
}
