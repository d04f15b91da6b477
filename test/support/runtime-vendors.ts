import type { TestAuth } from "@cmshooks/testkit";

/** What a receiver is configured with: an HMAC secret, or receiver-side credentials for vendors that sign nothing. */
export type RuntimeCredentials = { readonly secret: string } | { readonly auth: TestAuth };

/**
 * One vendor in the runtime tests. Deliveries are built with the testkit kit
 * registered under `id`; inside each runtime, the receiver is created from
 * `module`'s `factory` export, exactly as an app would import it.
 */
export interface RuntimeVendor {
  /** Testkit registry id, and the receiver's mount path `/hooks/<id>`. */
  readonly id: string;
  /** The vendor package, e.g. `@cmshooks/blox`. */
  readonly module: string;
  /** Its provider factory export, e.g. `blox`. */
  readonly factory: string;
  /** The native event of the table's deliveries. */
  readonly event: string;
  readonly credentials: RuntimeCredentials;
  /** Credentials the receiver does not accept (another secret, another password). */
  readonly wrongCredentials: RuntimeCredentials;
  /**
   * The 422 delivery: a field of the event's payload (object keys from the
   * payload root) set to a value of the wrong type. `issuePath` is where the
   * receiver reports it, when the wire format wraps the payload (default: `path`).
   */
  readonly schemaViolation: { readonly path: readonly string[]; readonly value: unknown; readonly issuePath?: readonly (string | number)[] };
}

/**
 * The vendors every runtime receives deliveries for. Adding a vendor is one
 * entry here, once its package is built and its kit is in the testkit
 * registry. Kontent.ai (checked in every runtime while its package was being
 * finished):
 *
 * ```ts
 * {
 *   id: "kontent", module: "@cmshooks/kontent", factory: "kontent", event: "content_item.published",
 *   credentials: { secret: "kontent-runtime-secret" }, wrongCredentials: { secret: "a-secret-kontent-never-had" },
 *   schemaViolation: { path: ["data", "system", "id"], value: 42, issuePath: ["notifications", 0, "data", "system", "id"] },
 * },
 * ```
 *
 * Contensis the same way, with `credentials: { auth: { header: { name: "x-webhook-secret", value: "…" } } }`.
 */
export const runtimeVendors: readonly RuntimeVendor[] = [
  {
    id: "blox",
    module: "@cmshooks/blox",
    factory: "blox",
    event: "editorial.update_asset",
    credentials: { secret: "blox-runtime-secret" },
    wrongCredentials: { secret: "a-secret-blox-never-had" },
    schemaViolation: { path: ["data", "uuid"], value: 42 },
  },
  {
    id: "kontent",
    module: "@cmshooks/kontent",
    factory: "kontent",
    event: "content_item.published",
    credentials: { secret: "kontent-runtime-secret" },
    wrongCredentials: { secret: "a-secret-kontent-never-had" },
    schemaViolation: { path: ["data", "system", "id"], value: 42, issuePath: ["notifications", 0, "data", "system", "id"] },
  },
  {
    id: "contensis",
    module: "@cmshooks/contensis",
    factory: "contensis",
    event: "entry.published",
    credentials: { auth: { header: { name: "x-webhook-secret", value: "contensis-runtime-secret" } } },
    wrongCredentials: { auth: { header: { name: "x-webhook-secret", value: "guessed" } } },
    schemaViolation: { path: ["resource", "id"], value: 42 },
  },
  {
    id: "kapost",
    module: "@cmshooks/kapost",
    factory: "kapost",
    event: "content.publish",
    credentials: { auth: { basic: { username: "kapost", password: "pa55:word" } } },
    wrongCredentials: { auth: { basic: { username: "kapost", password: "guessed" } } },
    schemaViolation: { path: ["payload", "full_post"], value: "not an object" },
  },
  {
    id: "inbenta",
    module: "@cmshooks/inbenta",
    factory: "inbenta",
    event: "edit_content",
    credentials: { auth: { query: { name: "token", value: "inbenta-t0k3n" } } },
    wrongCredentials: { auth: { query: { name: "token", value: "guessed" } } },
    schemaViolation: { path: ["contentId"], value: "not a number" },
  },
  {
    id: "storyblok",
    module: "@cmshooks/storyblok",
    factory: "storyblok",
    event: "story.published",
    credentials: { secret: "storyblok-runtime-secret" },
    wrongCredentials: { secret: "a-secret-storyblok-never-had" },
    schemaViolation: { path: ["story_id"], value: "not a number" },
  },
  {
    id: "strapi",
    module: "@cmshooks/strapi",
    factory: "strapi",
    event: "entry.publish",
    credentials: { auth: { header: { name: "authorization", value: "Bearer strapi-runtime-t0ken" } } },
    wrongCredentials: { auth: { header: { name: "authorization", value: "Bearer guessed" } } },
    schemaViolation: { path: ["model"], value: 42 },
  },
  {
    id: "sanity",
    module: "@cmshooks/sanity",
    factory: "sanity",
    event: "update",
    credentials: { secret: "sanity-runtime-secret" },
    wrongCredentials: { secret: "a-secret-sanity-never-had" },
    schemaViolation: { path: ["_id"], value: 42 },
  },
  {
    id: "contentful",
    module: "@cmshooks/contentful",
    factory: "contentful",
    event: "ContentManagement.Entry.publish",
    credentials: { secret: "contentful-runtime-secret-0123456789abcdefghijklmnopqrstuvwxyzAB" },
    wrongCredentials: { secret: "a-secret-contentful-never-had-0123456789abcdefghijklmnopqrstuvwx" },
    schemaViolation: { path: ["sys", "id"], value: 42 },
  },
  {
    id: "hygraph",
    module: "@cmshooks/hygraph",
    factory: "hygraph",
    event: "publish",
    credentials: { secret: "hygraph-runtime-secret" },
    wrongCredentials: { secret: "a-secret-hygraph-never-had" },
    schemaViolation: { path: ["data", "id"], value: 42 },
  },
];

/** The body limit of every runtime receiver: small, so the 413 delivery stays small too. */
export const RUNTIME_MAX_BODY_BYTES = 16_384;
