/**
 * Runs one README block as written, in its own process (`node --import tsx readme-run-block.ts <file>`),
 * and sends it a signed delivery and a forged one (test/readme-blocks.test.ts).
 *
 * What it changes: every server the block starts listens on an ephemeral port (on 127.0.0.1 when the
 * block names no host) instead of the port it names. How it delivers, by what the block does:
 * - it starts a server: real HTTP to it (the delivery's suggested path, e.g. /hooks/blox);
 * - it exports `default.fetch` (Workers, Bun, Deno): a fetch `Request`;
 * - it exports `handler` (AWS Lambda): a function URL event;
 * - none of these: nothing is sent; the block ran to completion (its own assertions held).
 *
 * Env: README_BLOCK_VENDOR, README_BLOCK_EVENT, README_BLOCK_SECRET. Prints `README_BLOCK_SENDING` and
 * `README_BLOCK_SENT` around the genuine delivery (what the handlers print is between them), then
 * `README_BLOCK_RESULT {"kind", "statuses": [genuine, forged]}`, and exits.
 */
import net from "node:net";
import { pathToFileURL } from "node:url";
import { findVendor, send, toRequest, type TestDelivery } from "@cmshooks/testkit";

const servers: net.Server[] = [];
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  servers.push(this);
  const [first, second] = args;
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    args.splice(0, 1, 0, ...(typeof second === "string" ? [] : ["127.0.0.1"]));
  } else if (first !== null && typeof first === "object" && "port" in first) {
    args[0] = { host: "127.0.0.1", ...first, port: 0 };
  }
  return listen.apply(this, args as Parameters<typeof listen>);
} as typeof listen;

/** Sends one delivery the way the block can take it; `undefined` when it takes none. */
type Deliver = (delivery: TestDelivery) => Promise<number>;

async function deliverer(module: Record<string, unknown>): Promise<{ kind: string; deliver: Deliver } | undefined> {
  if (servers.length > 0) {
    const server = servers[0]!;
    if (!server.listening) await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as net.AddressInfo;
    return { kind: "server", deliver: async (d) => (await send(d, `http://127.0.0.1:${port}`)).status };
  }
  const fetchable = module.default as { fetch?: (request: Request) => Promise<Response> } | undefined;
  if (typeof fetchable?.fetch === "function") return { kind: "fetch", deliver: async (d) => (await fetchable.fetch!(toRequest(d))).status };
  if (typeof module.handler === "function") {
    const handler = module.handler as (event: unknown) => Promise<{ statusCode: number }>;
    return { kind: "lambda", deliver: async (d) => (await handler(functionUrlEvent(d))).statusCode };
  }
  return undefined;
}

/** A Lambda function URL event (payload 2.0) carrying the delivery. */
function functionUrlEvent(delivery: TestDelivery) {
  const url = new URL(delivery.path, "https://lambda-url.example");
  return {
    version: "2.0",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: delivery.headers,
    body: delivery.text,
    isBase64Encoded: false,
    requestContext: { http: { method: delivery.method, path: url.pathname, sourceIp: "127.0.0.1" } },
  };
}

const [file] = process.argv.slice(2);
const { README_BLOCK_VENDOR: vendor = "", README_BLOCK_EVENT: event = "", README_BLOCK_SECRET: secret = "" } = process.env;
const module = (await import(pathToFileURL(file!).href)) as Record<string, unknown>;
const target = await deliverer(module);
const statuses: number[] = [];
if (target) {
  const kit = findVendor(vendor)?.kit;
  if (!kit) throw new Error(`unknown vendor ${vendor}`);
  const genuine = await kit.delivery(event, { secret });
  const forged = await kit.delivery(event, { secret: `${secret}-not-it` });
  console.log("README_BLOCK_SENDING");
  statuses.push(await target.deliver(genuine));
  console.log("README_BLOCK_SENT");
  statuses.push(await target.deliver(forged));
}
console.log(`README_BLOCK_RESULT ${JSON.stringify({ kind: target?.kind ?? "ran", statuses })}`);
process.exit(0);
