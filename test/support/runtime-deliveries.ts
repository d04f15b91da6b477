import { findVendor, type DeliveryOptions, type TestDelivery } from "@cmshooks/testkit";
import type { RuntimeCase } from "./runtime-app.js";
import { RUNTIME_MAX_BODY_BYTES, type RuntimeCredentials, type RuntimeVendor } from "./runtime-vendors.js";

const encoder = new TextEncoder();

function options(credentials: RuntimeCredentials): DeliveryOptions<unknown> {
  return "secret" in credentials ? { secret: credentials.secret } : { auth: credentials.auth };
}

/** `{ a: { b: value } }` for the path `["a", "b"]`: an override the kit deep-merges into its payload. */
function overrideAt(path: readonly string[], value: unknown): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value as Record<string, unknown>);
}

function toCase(vendor: string, name: string, expected: RuntimeCase["expected"], d: Pick<TestDelivery, "method" | "path" | "headers" | "body">): RuntimeCase {
  return { vendor, name, expected, method: d.method, path: d.path, headers: { ...d.headers }, bodyBase64: Buffer.from(d.body).toString("base64") };
}

/**
 * The table every runtime receives, for each vendor: a genuine delivery (200),
 * one with the wrong signature or credentials (401), one over the body limit
 * (413), JSON that breaks the event's schema (422) and a body that is not JSON
 * (400) — the last three signed or authenticated as genuine ones. The kit
 * serialises and signs every JSON body, so each vendor's wire format (e.g. a
 * batch envelope) is respected.
 */
export async function runtimeDeliveryTable(vendors: readonly RuntimeVendor[]): Promise<RuntimeCase[]> {
  const table: RuntimeCase[] = [];
  for (const vendor of vendors) {
    const entry = findVendor(vendor.id);
    if (!entry) throw new Error(`the testkit has no kit for "${vendor.id}"`);
    const { kit } = entry;
    const credentials = options(vendor.credentials);
    const genuine = await kit.delivery(vendor.event, credentials);
    if (!genuine.path.startsWith(`/hooks/${vendor.id}`)) throw new Error(`the ${vendor.id} kit mounts at ${genuine.path}, not /hooks/${vendor.id}`);
    // Built by the kit (serialised and signed as the vendor sends it), with part of the payload replaced.
    const withOverrides = (overrides: Record<string, unknown>) => kit.delivery(vendor.event, { ...credentials, overrides });
    const notJson = encoder.encode('{"event": "publish", ');
    const unparsable = {
      method: genuine.method,
      path: genuine.path,
      headers: { "content-type": "application/json", ...(await kit.sign(notJson, credentials)) },
      body: notJson,
    };
    const { path, value, issuePath } = vendor.schemaViolation;
    const wrongSignatureCode = "secret" in vendor.credentials ? "signature_mismatch" : "credentials_invalid";

    table.push(
      toCase(vendor.id, "genuine delivery", { status: 200 }, genuine),
      toCase(vendor.id, "wrong signature or credentials", { status: 401, error: wrongSignatureCode }, await kit.delivery(vendor.event, options(vendor.wrongCredentials))),
      toCase(vendor.id, "body over the limit", { status: 413, error: "body_too_large" }, await withOverrides({ padding: "x".repeat(RUNTIME_MAX_BODY_BYTES) })),
      toCase(vendor.id, "JSON that breaks the schema", { status: 422, error: "invalid_payload", issuePath: issuePath ?? path }, await withOverrides(overrideAt(path, value))),
      toCase(vendor.id, "body that is not JSON", { status: 400, error: "invalid_json" }, unparsable),
    );
  }
  return table;
}
