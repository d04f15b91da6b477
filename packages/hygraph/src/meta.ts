import type { HeaderReader } from "@cmshooks/core";
import { HYGRAPH_SIGNATURE_HEADER, parseHygraphSignatureHeader } from "./signature-header.js";

/** Header metadata of a Hygraph delivery, on every event as `event.meta`: what the signed `gcms-signature` header says. */
export interface HygraphMeta {
  /** `env=` of `gcms-signature`: the environment whose webhook fired, e.g. `master`. */
  readonly environment: string | undefined;
  /** `t=` of `gcms-signature`: when Hygraph signed the delivery (Unix ms). */
  readonly signedAt: number | undefined;
}

/**
 * Reads the environment and signing time from `gcms-signature` into
 * {@link HygraphMeta}; both `undefined` for an unsigned delivery.
 *
 * @example
 * ```ts
 * readHygraphMeta(toHeaderReader(req.headers)).environment; // "master"
 * ```
 */
export function readHygraphMeta(headers: HeaderReader): HygraphMeta {
  const value = headers.get(HYGRAPH_SIGNATURE_HEADER);
  const parsed = value === undefined ? undefined : parseHygraphSignatureHeader(value);
  return { environment: parsed?.environment, signedAt: parsed?.timestamp };
}
