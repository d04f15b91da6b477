/**
 * Serialises a payload the way Kontent.ai's deliveries appear to be written:
 * 2-space indented JSON with CRLF line ends. Inferred: the vendor's signature
 * test vectors only match such bodies. Use it to build deliveries whose
 * bytes look like the real thing.
 *
 * @example
 * ```ts
 * const body = formatKontentJson({ notifications: [kontentSamples["content_item.published"]] });
 * ```
 */
export function formatKontentJson(payload: unknown): string {
  return JSON.stringify(payload, null, 2).replace(/\n/g, "\r\n");
}
