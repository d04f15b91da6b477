// TEMPORARY placeholder written by the lead so the pipeline builds; the IP helper replaces this file.
import type { HeaderReader } from "../headers.js";
export type TrustProxyOption = boolean | number | readonly string[] | ((ip: string, hopIndex: number) => boolean);
export function compileClientIpResolver(_trustProxy: TrustProxyOption | undefined): (peerIp: string | undefined, headers: HeaderReader) => string | undefined {
  return (peer) => (peer?.startsWith("::ffff:") ? peer.slice(7) : peer);
}
