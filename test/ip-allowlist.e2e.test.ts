import http, { type RequestListener } from "node:http";
import net, { type AddressInfo } from "node:net";
import { createReceiver, type TrustProxyOption } from "@cmshooks/core";
import { blox, signBlox, bloxSamples } from "@cmshooks/blox";
import { expressReceiver } from "@cmshooks/express";
import { toNodeHandler } from "@cmshooks/node";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { request } from "./support/http.js";

const SECRET = "ip-allowlist-secret";
const body = JSON.stringify(bloxSamples["editorial.update_asset"]);

function receiverWith(allowIps: readonly string[], trustProxy?: TrustProxyOption, forwardedHeader?: "forwarded") {
  const seen: string[] = [];
  const receiver = createReceiver({
    provider: blox({ secret: SECRET }),
    allowIps,
    log: false,
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...(forwardedHeader ? { forwardedHeader } : {}),
  });
  receiver.on("editorial.update_asset", () => void seen.push("handled"));
  return { receiver, seen };
}

const mounts: Record<string, (receiver: ReturnType<typeof receiverWith>["receiver"]) => RequestListener> = {
  "node:http": (receiver) => {
    const handler = toNodeHandler(receiver);
    return (req, res) => void handler(req, res);
  },
  express: (receiver) => {
    const app = express();
    app.post("/hooks/blox", expressReceiver(receiver));
    return app;
  },
};

let servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
  servers = [];
});

/** Listens on `host` (`::` makes IPv4 peers appear as ::ffff:127.0.0.1). */
async function listen(listener: RequestListener, host = "127.0.0.1"): Promise<number> {
  const server = http.createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

async function post(port: number, headers: Record<string, string> = {}) {
  return request(`http://127.0.0.1:${port}/hooks/blox`, {
    headers: { "content-type": "application/json", "x-hook-signature": await signBlox(body, SECRET), ...headers },
    body,
  });
}

for (const [name, mount] of Object.entries(mounts)) {
  describe(`IP allowlist through ${name}`, () => {
    it("accepts an allowed source address (200)", async () => {
      const { receiver, seen } = receiverWith(["127.0.0.1"]);
      const result = await post(await listen(mount(receiver)));
      expect([result.status, seen]).toEqual([200, ["handled"]]);
    });

    it("refuses another address with 403 before reading any of the body, even one that never ends", async () => {
      const { receiver, seen } = receiverWith(["10.0.0.0/8", "2001:db8::/32"]);
      const port = await listen(mount(receiver));
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1");
        let text = "";
        socket.on("data", (d) => {
          text += d.toString("latin1");
          if (text.includes("\r\n\r\n")) {
            socket.destroy();
            resolve(text);
          }
        });
        socket.on("error", reject);
        // Declares a body and sends only its first bytes, never the rest.
        socket.write("POST /hooks/blox HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"applic");
      });
      expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 403 Forbidden");
      expect(seen).toEqual([]);
    });

    it("ignores X-Forwarded-For from an untrusted peer (spoofing gets 403)", async () => {
      const { receiver } = receiverWith(["10.0.0.0/8"]);
      const result = await post(await listen(mount(receiver)), { "x-forwarded-for": "10.1.2.3" });
      expect(result.status).toBe(403);
    });

    it("honours X-Forwarded-For from a trusted proxy", async () => {
      const { receiver } = receiverWith(["10.0.0.0/8"], ["127.0.0.1/32"]);
      const result = await post(await listen(mount(receiver)), { "x-forwarded-for": "10.1.2.3" });
      expect(result.status).toBe(200);
    });

    it("resolves a chain with an untrusted hop in the middle to that hop", async () => {
      // 10.9.9.9 (allowed) -> 203.0.113.5 (untrusted, not allowed) -> 127.0.0.1 (trusted proxy) -> us
      const { receiver } = receiverWith(["10.0.0.0/8"], ["127.0.0.1/32", "192.168.0.0/16"]);
      const port = await listen(mount(receiver));
      expect((await post(port, { "x-forwarded-for": "10.9.9.9, 203.0.113.5" })).status).toBe(403);
      expect((await post(port, { "x-forwarded-for": "10.9.9.9, 192.168.1.1" })).status).toBe(200);
    });

    it("honours the RFC 7239 Forwarded header from a trusted proxy when told its proxies write it", async () => {
      const { receiver } = receiverWith(["2001:db8::/32"], ["127.0.0.1/32"], "forwarded");
      const result = await post(await listen(mount(receiver)), { forwarded: 'for="[2001:db8::17]:4711";proto=https' });
      expect(result.status).toBe(200);
    });

    it("does not read Forwarded by default (Express's X-Forwarded-For), so a client cannot use it to pass", async () => {
      const { receiver } = receiverWith(["2001:db8::/32"], ["127.0.0.1/32"]);
      const result = await post(await listen(mount(receiver)), { forwarded: 'for="[2001:db8::17]:4711";proto=https' });
      expect(result.status).toBe(403);
    });

    it("matches an IPv4-mapped IPv6 peer against an IPv4 rule", async () => {
      const { receiver } = receiverWith(["127.0.0.0/8"]);
      const port = await listen(mount(receiver), "::");
      expect((await post(port)).status).toBe(200);
    });
  });
}

describe("allowIps configuration", () => {
  it("rejects a malformed entry at construction, naming it", () => {
    expect(() => receiverWith(["10.0.0.0/33"])).toThrow(/10\.0\.0\.0\/33/);
    expect(() => receiverWith(["fe80::1%eth0"])).toThrow(/fe80::1%eth0/);
  });

  it("publishes each vendor's outbound addresses (Kontent.ai's eight, none for the others)", async () => {
    const { kontent } = await import("@cmshooks/kontent");
    expect(kontent.outboundIps).toHaveLength(8);
    expect(blox.outboundIps).toEqual([]);
    const receiver = createReceiver({ provider: kontent({ secret: "s" }), allowIps: kontent.outboundIps });
    // Every published address gets past the allowlist (to the signature check: 401); a neighbour does not (403).
    const answer = async (ip: string) => (await receiver.handle({ method: "POST", headers: { "content-type": "application/json" }, body: "{}", ip })).status;
    expect(await Promise.all(kontent.outboundIps.map(answer))).toEqual(kontent.outboundIps.map(() => 401));
    expect(await answer("13.69.68.2")).toBe(403);
  });
});
