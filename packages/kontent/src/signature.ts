import { hmacSignature, type Authenticator, type SecretOption, type TenantCacheOptions } from "@cmshooks/core";
import { normalizeKontentLineBreaks } from "./line-breaks.js";

/**
 * The header current-format deliveries are signed in (lower case).
 *
 * @example
 * ```ts
 * headers[KONTENT_SIGNATURE_HEADER] = await signKontent(body, secret);
 * ```
 */
export const KONTENT_SIGNATURE_HEADER = "x-kontent-ai-signature";
/**
 * The header legacy deliveries are signed in (lower case).
 *
 * @example
 * ```ts
 * headers[KONTENT_LEGACY_SIGNATURE_HEADER] = await signKontent(legacyBody, secret);
 * ```
 */
export const KONTENT_LEGACY_SIGNATURE_HEADER = "x-kc-signature";

/** Options of {@link kontentSignature}. */
export interface KontentSignatureOptions {
  /** The webhook's secret, used as its UTF-8 bytes (not base64-decoded); a list while rotating, or, for one endpoint serving many projects, a function of the delivery that returns the tenant's (`({ tenant }) => secrets.get(tenant)`). */
  secret: SecretOption;
  /** With a function `secret`: how its answers are cached per tenant (default 60 s, 10 000 tenants). */
  cache?: TenantCacheOptions;
  /**
   * Also accept a signature computed after every run of CR/LF characters was
   * replaced by one CRLF, as `@kontent-ai/webhook-helper` v4 hashes. On by
   * default, because Kontent.ai's docs (the raw body as-is) and its helper
   * (the normalised body) disagree: the exact bytes are always checked
   * first, and only a mismatch on a body that normalising would change costs
   * one more HMAC per secret. `false` accepts the exact bytes only.
   */
  normalizeLineBreaks?: boolean;
}

const normalized = ({ body }: { body: Uint8Array }) => normalizeKontentLineBreaks(body);

/**
 * The Kontent.ai signature check: base64 HMAC-SHA256 of the raw body, read
 * from `X-Kontent-ai-Signature` or, failing that, the legacy `X-KC-Signature`;
 * constant-time, any secret of a rotation list may match. When the exact
 * bytes do not match, the body with its line breaks normalised to CRLF is
 * tried (see {@link KontentSignatureOptions.normalizeLineBreaks}).
 *
 * @example
 * ```ts
 * defineProvider({ name: "kontent", auth: kontentSignature({ secret: [current, previous] }), ... });
 * ```
 */
export function kontentSignature(options: KontentSignatureOptions): Authenticator {
  return hmacSignature({
    header: [KONTENT_SIGNATURE_HEADER, KONTENT_LEGACY_SIGNATURE_HEADER],
    secret: options?.secret,
    ...(options?.cache ? { cache: options.cache } : {}),
    encoding: "base64",
    setting: "kontent: `secret`",
    ...(options?.normalizeLineBreaks === false ? {} : { fallbackPayload: normalized }),
  });
}
