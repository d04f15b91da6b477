/**
 * Source-address checks: the IP allowlist and the trusted-proxy walk that
 * finds the client address. Pure TypeScript, for every runtime.
 */
export { compileIpAllowlist, type IpAllowlist } from "./allowlist.js";
export {
  compileClientIpResolver,
  type ClientIpResolver,
  type ClientIpResolverOptions,
  type ForwardingHeader,
  type TrustProxyOption,
} from "./trust-proxy.js";
export { parseIp, type ParsedIp } from "./parse-ip.js";
export { formatIp, normalizeIp } from "./format-ip.js";
