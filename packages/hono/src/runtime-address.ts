import type { Context } from "hono";

interface RuntimeEnv {
  /** @hono/node-server: the Node request. */
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
  /** Bun: `Bun.serve` passes its server (or `{ server }`). */
  readonly requestIP?: (request: Request) => { readonly address: string } | null;
  readonly server?: { readonly requestIP?: (request: Request) => { readonly address: string } | null };
  /** Deno: `Deno.serve` passes `{ remoteAddr }`. */
  readonly remoteAddr?: { readonly hostname?: string };
}

/**
 * The peer address where the runtime hands it to Hono through `c.env`, with
 * no runtime import: @hono/node-server, Bun, Deno. Headers are never read
 * (on Workers pass `ip: (c) => c.req.header("cf-connecting-ip")` yourself).
 *
 * @example
 * ```ts
 * app.post("/whoami", (c) => c.text(runtimeAddress(c) ?? "unknown"));
 * ```
 */
export function runtimeAddress(c: Context): string | undefined {
  const env = c.env as RuntimeEnv | undefined;
  if (!env || typeof env !== "object") return undefined;
  if (env.incoming?.socket) return env.incoming.socket.remoteAddress;
  const bun = typeof env.requestIP === "function" ? env : env.server;
  if (typeof bun?.requestIP === "function") return bun.requestIP(c.req.raw)?.address;
  return env.remoteAddr?.hostname;
}
