import type { TenantContext } from "../auth/tenant-secrets.js";
import type { HeaderReader } from "../headers.js";

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
const utf8 = new TextDecoder();

/**
 * The tenant context of one delivery: its route parameters and headers, the
 * body once read (parsed on first `peek`, unverified), and the tenant name,
 * computed on first read by the receiver's `tenant` option.
 */
export class DeliveryTenant implements TenantContext {
  readonly params: Readonly<Record<string, string>>;
  readonly headers: HeaderReader;
  body: Uint8Array | undefined;
  readonly #tenantOf: (context: Omit<TenantContext, "tenant">) => string | undefined;
  #tenant: string | undefined | null = null;
  #peeked: { value: unknown } | undefined;

  constructor(tenantOf: (context: Omit<TenantContext, "tenant">) => string | undefined, params: Readonly<Record<string, string>> | undefined, headers: HeaderReader) {
    this.#tenantOf = tenantOf;
    this.params = params ?? NO_PARAMS;
    this.headers = headers;
  }

  get tenant(): string | undefined {
    if (this.#tenant === null) {
      const name = this.#tenantOf(this);
      this.#tenant = typeof name === "string" && name !== "" ? name : undefined;
    }
    return this.#tenant;
  }

  /** A function made on read, not a method, so that `({ peek }) => peek()` works; most deliveries never read it. */
  get peek(): () => unknown {
    return () => this.#peek();
  }

  #peek(): unknown {
    if (this.body === undefined) return undefined;
    if (!this.#peeked) {
      let value: unknown;
      try {
        value = JSON.parse(utf8.decode(this.body));
      } catch {
        value = undefined;
      }
      this.#peeked = { value };
    }
    return this.#peeked.value;
  }
}
