import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { runtimeAddress } from "./runtime-address.js";

/** Runs one request through Hono with `env` as the runtime would pass it, and returns what runtimeAddress saw. */
async function addressWith(env?: unknown): Promise<string> {
  const app = new Hono();
  app.post("/", (c) => c.text(runtimeAddress(c) ?? "(none)"));
  const response = await app.fetch(new Request("http://localhost/", { method: "POST" }), env);
  return response.text();
}

describe("runtimeAddress", () => {
  it("reads the Node socket under @hono/node-server (env.incoming)", async () => {
    expect(await addressWith({ incoming: { socket: { remoteAddress: "203.0.113.7" } }, outgoing: {} })).toBe("203.0.113.7");
  });

  it("asks Bun's server (env is the server, or { server })", async () => {
    const server = { requestIP: (request: Request) => (request instanceof Request ? { address: "198.51.100.2", family: "IPv4", port: 1 } : null) };
    expect(await addressWith(server)).toBe("198.51.100.2");
    expect(await addressWith({ server })).toBe("198.51.100.2");
  });

  it("reads Deno.serve's remoteAddr", async () => {
    expect(await addressWith({ remoteAddr: { transport: "tcp", hostname: "2001:db8::1", port: 1 } })).toBe("2001:db8::1");
  });

  it("gives nothing on Workers-style env (bindings only) and never trusts a forwarded header", async () => {
    const app = new Hono();
    app.post("/", (c) => c.text(runtimeAddress(c) ?? "(none)"));
    const request = new Request("http://localhost/", { method: "POST", headers: { "cf-connecting-ip": "192.0.2.1", "x-forwarded-for": "192.0.2.2" } });
    expect(await (await app.fetch(request, { BLOX_SECRET: "s" })).text()).toBe("(none)");
    expect(await addressWith()).toBe("(none)");
  });
});
