/**
 * Credentials that depend on the delivery: one endpoint for many customers'
 * CMS projects, each with its own secret. A function of the delivery names
 * the secrets before verification, from what the vendor puts outside the
 * signature (a route parameter, an environment id in the headers or body);
 * its answers are cached per tenant, with a TTL and a bounded size.
 */
import { CoarseClock } from "../coarse-clock.js";
import { ConfigurationError, WebhookError } from "../errors.js";
import type { HeaderReader } from "../headers.js";

/**
 * What a credential function is told about a delivery, before it is
 * verified. Nothing here is authenticated yet: use it only to choose whose
 * secret to check the delivery with.
 *
 * @example
 * ```ts
 * const secretOf = ({ tenant }: TenantContext) => secrets.get(tenant ?? "");
 * ```
 */
export interface TenantContext {
  /** The tenant the receiver's `tenant` option named (default: the `tenant` route parameter). */
  readonly tenant: string | undefined;
  /** Route parameters the adapter passed (Express `req.params`, Koa `ctx.params`, Hono `c.req.param()`, Fastify `request.params`). */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: HeaderReader;
  /** The body parsed as JSON, unverified (`undefined` before the body is read or when it is not JSON). */
  peek(): unknown;
}

/** One secret or a rotation list. */
export type SecretValue = string | Uint8Array | readonly (string | Uint8Array)[];

/**
 * A secret, a rotation list, or a function of the delivery that returns
 * either (or a promise of it); `undefined` for an unknown tenant (answered
 * 401, like a wrong signature).
 *
 * @example
 * ```ts
 * const fixed: SecretOption = process.env.KONTENT_SECRET!;
 * const perTenant: SecretOption = ({ tenant }) => secrets.get(tenant ?? "");
 * ```
 */
export type SecretOption = SecretValue | SecretResolver;

/** The function form of {@link SecretOption}. */
export type SecretResolver = (context: TenantContext) => SecretValue | undefined | Promise<SecretValue | undefined>;

/**
 * How credential lookups are cached, per tenant.
 *
 * @example
 * ```ts
 * const cache: TenantCacheOptions = { ttlMs: 300_000, maxEntries: 50_000 };
 * ```
 */
export interface TenantCacheOptions {
  /**
   * How long a lookup's answer (a secret or "unknown") is kept. Default 60 000 ms. From 6 400 ms up, under Node
   * and Bun, expiry is checked against a clock read at most every 1/64 of it (at most once a second), so an answer
   * may be used up to that much longer: 0.9 s for the default. Below that, and elsewhere, every delivery reads the clock.
   */
  readonly ttlMs?: number;
  /** Most tenants kept; the oldest entry goes first. Default 10 000. */
  readonly maxEntries?: number;
}

/**
 * 503 for a credential lookup that failed: the sender retries.
 *
 * @example
 * ```ts
 * receiver.onError((error) => {
 *   if (error instanceof CredentialsUnavailableError) console.error("secret store down", error.cause);
 * });
 * ```
 */
export class CredentialsUnavailableError extends WebhookError {
  constructor(cause: unknown) {
    super(503, "credentials_unavailable", "The credentials for this delivery could not be looked up; retry later", {
      cause,
      headers: { "retry-after": "5" },
      hint: "The secret lookup function threw or rejected: check the store it reads.",
    });
  }
}

interface Entry<K> {
  readonly keys: readonly K[] | null;
  readonly expiresAt: number;
}

/**
 * Resolves and caches the prepared keys (e.g. HMAC signers) of each tenant.
 * Concurrent lookups of one tenant share one call. A delivery with no tenant
 * name is looked up every time.
 *
 * @example
 * ```ts
 * const cache = new TenantSecretCache(({ tenant }) => secrets.get(tenant ?? ""), (s) => s, "hmacSignature");
 * const keys = await cache.get(context); // undefined for an unknown tenant
 * ```
 */
export class TenantSecretCache<K> {
  readonly #resolve: SecretResolver;
  readonly #prepare: (secrets: readonly (string | Uint8Array)[]) => readonly K[];
  readonly #what: string;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, Entry<K>>();
  readonly #pending = new Map<string, Promise<readonly K[] | undefined>>();
  /** The time a held answer is checked against: see {@link TenantCacheOptions.ttlMs}. */
  readonly #clock: CoarseClock;

  constructor(
    resolve: SecretResolver,
    prepare: (secrets: readonly (string | Uint8Array)[]) => readonly K[],
    what: string,
    options: TenantCacheOptions = {},
  ) {
    this.#resolve = resolve;
    this.#prepare = prepare;
    this.#what = what;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
    if (!(this.#ttlMs >= 0)) throw new ConfigurationError(`${what}: cache.ttlMs must be ≥ 0`);
    if (!Number.isInteger(this.#maxEntries) || this.#maxEntries < 1) throw new ConfigurationError(`${what}: cache.maxEntries must be a positive integer`);
    this.#clock = new CoarseClock(expiryClockResolution(this.#ttlMs));
  }

  /** Entries held now (for tests and metrics). */
  get size(): number {
    return this.#entries.size;
  }

  /** The tenant's prepared keys, `undefined` when unknown; throws {@link CredentialsUnavailableError} when the lookup fails. */
  get(context: TenantContext): readonly K[] | undefined | Promise<readonly K[] | undefined> {
    const tenant = context.tenant;
    if (tenant !== undefined) {
      const entry = this.#entries.get(tenant);
      if (entry !== undefined && entry.expiresAt > this.#clock.now()) return entry.keys ?? undefined;
      const pending = this.#pending.get(tenant);
      if (pending) return pending;
    }
    let answer: SecretValue | undefined | Promise<SecretValue | undefined>;
    try {
      answer = this.#resolve(context);
    } catch (cause) {
      throw new CredentialsUnavailableError(cause);
    }
    if (!isPromise(answer)) return this.#store(tenant, answer);
    const lookup = answer.then(
      (value) => this.#store(tenant, value),
      (cause: unknown) => {
        throw new CredentialsUnavailableError(cause);
      },
    );
    if (tenant !== undefined) {
      this.#pending.set(tenant, lookup);
      const clear = () => void this.#pending.delete(tenant);
      lookup.then(clear, clear);
    }
    return lookup;
  }

  #store(tenant: string | undefined, value: SecretValue | undefined): readonly K[] | undefined {
    const secrets = toList(value);
    let keys: readonly K[] | null = null;
    if (secrets.length > 0) {
      if (secrets.some((s) => (typeof s !== "string" && !(s instanceof Uint8Array)) || s.length === 0)) {
        throw new CredentialsUnavailableError(new ConfigurationError(`${this.#what}: the secret function returned an empty or non-string secret`));
      }
      keys = this.#prepare(secrets);
    }
    if (tenant !== undefined && this.#ttlMs > 0) {
      if (this.#entries.size >= this.#maxEntries && !this.#entries.has(tenant)) {
        this.#entries.delete(this.#entries.keys().next().value as string);
      }
      this.#entries.delete(tenant);
      this.#entries.set(tenant, { keys, expiresAt: Date.now() + this.#ttlMs });
    }
    return keys ?? undefined;
  }
}

/** How stale the clock an answer's expiry is checked against may be: 1/64 of the TTL, at most 1 s, and none below 6 400 ms. */
export function expiryClockResolution(ttlMs: number): number {
  return ttlMs >= 6_400 ? Math.min(1_000, Math.floor(ttlMs / 64)) : 0;
}

function toList(value: SecretValue | undefined): readonly (string | Uint8Array)[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as readonly (string | Uint8Array)[]) : [value as string | Uint8Array];
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === "function";
}

/** The context of a call made without a delivery (a matcher called with no tenant): no tenant, no parameters. */
export const NO_TENANT: TenantContext = Object.freeze({ tenant: undefined, params: Object.freeze({}), headers: { get: () => undefined }, peek: () => undefined });
