/**
 * The addresses Kontent.ai says it may send webhook notifications from, as
 * listed in its webhooks reference. Kontent.ai notes that the list is subject
 * to change: check it when you deploy, and prefer the signature.
 *
 * @example
 * ```ts
 * createReceiver({ provider: kontent({ secret }), allowIps: kontentOutboundIps });
 * ```
 */
export const kontentOutboundIps: readonly string[] = Object.freeze([
  "13.69.68.1",
  "40.115.59.104",
  "104.47.142.248",
  "104.47.143.150",
  "104.47.144.212",
  "104.47.161.32",
  "104.47.161.68",
  "104.47.161.137",
]);
