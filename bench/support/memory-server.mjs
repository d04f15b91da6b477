// A BLOX receiver on node:http for the memory benchmark. Talks to its parent over IPC:
// reports its port, then answers { rss, bytesRead } queries.
import http from "node:http";
import { createReceiver } from "@cmshooks/core";
import { blox } from "@cmshooks/blox";
import { toNodeHandler } from "@cmshooks/node";

const receiver = createReceiver({ provider: blox({ secret: "memory-bench-secret" }), maxBodyBytes: 1_048_576 });
receiver.on("editorial.update_asset", () => {});
let bytesRead = 0;
const handler = toNodeHandler(receiver, { timeoutMs: Number(process.env.BODY_TIMEOUT_MS ?? 2000) });
const server = http.createServer((req, res) => {
  res.on("finish", () => void (bytesRead += req.socket.bytesRead));
  void handler(req, res);
});
server.maxConnections = 5000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("message", (msg) => {
  if (msg === "stats") {
    global.gc?.();
    process.send({ rss: process.memoryUsage().rss, bytesRead });
  }
  if (msg === "reset") bytesRead = 0;
});
