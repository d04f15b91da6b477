import { hmacSignature, type Authenticator, type AuthOutcome } from "@cmshooks/core";
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
  /** The webhook's secret, used as its UTF-8 bytes (not base64-decoded); a list while rotating. */
  secret: string | readonly string[];
  /**
   * Also accept a signature computed after every run of CR/LF characters was
   * replaced by one CRLF, as `@kontent-ai/webhook-helper` v4 hashes. Off by
   * default: the exact bytes are checked first, and only a mismatch tries the
   * normalised body. Turn it on only if something between Kontent.ai and
   * your server rewrites line breaks.
   */
  normalizeLineBreaks?: boolean;
}

/**
 * The Kontent.ai signature check: base64 HMAC-SHA256 of the raw body, read
 * from `X-Kontent-ai-Signature` or, failing that, the legacy `X-KC-Signature`;
 * constant-time, any secret of a rotation list may match.
 *
 * @example
 * ```ts
 * defineProvider({ name: "kontent", auth: kontentSignature({ secret: [current, previous] }), ... });
 * ```
 */
export function kontentSignature(options: KontentSignatureOptions): Authenticator {
  const header = [KONTENT_SIGNATURE_HEADER, KONTENT_LEGACY_SIGNATURE_HEADER];
  const exact = hmacSignature({ header, secret: options?.secret, encoding: "base64" });
  if (!options.normalizeLineBreaks) return exact;
  const normalized = hmacSignature({
    header,
    secret: options.secret,
    encoding: "base64",
    signedPayload: ({ body }) => normalizeKontentLineBreaks(body),
  });
  return {
    kind: "hmac",
    needsBody: true,
    verify(input) {
      const retry = (outcome: AuthOutcome) =>
        outcome?.code === "signature_mismatch" && normalizeKontentLineBreaks(input.body) !== input.body ? normalized.verify(input) : outcome;
      const outcome = exact.verify(input);
      return outcome instanceof Promise ? outcome.then(retry) : retry(outcome);
    },
  };
}
