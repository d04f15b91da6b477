// Memory under abuse: a 100 MB body against a 1 MiB limit, and 1 000 concurrent slow uploads.
// Run: node bench/memory.mjs [--quick] [--json FILE]   (after `npm run build`)
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import net from "node:net";
import { cliFlags, fmt, table } from "./lib.mjs";

const { quick, json } = cliFlags();
const MiB = 1024 * 1024;
const child = fork(new URL("./support/memory-server.mjs", import.meta.url), [], { execArgv: ["--expose-gc"] });
const port = await new Promise((resolve) => child.once("message", (m) => resolve(m.port)));
const stats = () => new Promise((resolve) => { child.once("message", resolve); child.send("stats"); });

/** Sends headers and then up to `total` bytes of body as fast as the socket takes them; resolves with the status line. */
function flood({ total, chunked }) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let sent = 0;
    let status = "";
    socket.on("data", (d) => { status ||= d.toString("latin1").split("\r\n")[0]; });
    socket.on("close", () => resolve({ status, sent }));
    socket.on("error", () => {});
    socket.write(`POST /hooks/blox HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Hook-Signature: AAAA\r\n${chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${total}`}\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (sent < total && !socket.destroyed) {
        const piece = chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk;
        sent += chunk.length;
        if (!socket.write(piece)) return void socket.once("drain", pump);
      }
      if (chunked && !socket.destroyed) socket.write("0\r\n\r\n");
    };
    pump();
  });
}

const rows = [];
const base = await stats();
for (const chunked of [false, true]) {
  child.send("reset");
  const total = quick ? 20 * MiB : 100 * MiB;
  const result = await flood({ total, chunked });
  const after = await stats();
  rows.push([
    `${total / MiB} MB body, ${chunked ? "chunked (no length)" : "Content-Length declared"}`,
    result.status || "connection reset before the client read an answer",
    `${fmt(after.bytesRead / 1024, 1)} KiB`,
    after.bytesRead <= MiB + 64 * 1024 + 8 * 1024 ? "met" : "not met",
    `${fmt((after.rss - base.rss) / MiB, 1)} MiB`,
  ]);
}

// Slow uploads: each connection declares 512 KiB and trickles a few bytes every 200 ms.
const slow = quick ? 200 : 1000;
const before = await stats();
const sockets = [];
const statuses = new Map();
for (let i = 0; i < slow; i++) {
  const socket = net.connect(port, "127.0.0.1");
  socket.on("error", () => {});
  socket.on("data", (d) => statuses.set(i, d.toString("latin1").split("\r\n")[0]));
  socket.write(`POST /hooks/blox HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Hook-Signature: AAAA\r\nContent-Length: 524288\r\n\r\n{"a":"`);
  sockets.push(socket);
}
const trickle = setInterval(() => { for (const s of sockets) if (!s.destroyed) s.write("xxxx"); }, 200);
await new Promise((r) => setTimeout(r, 1500));
const during = await stats();
await new Promise((r) => setTimeout(r, 2000));
clearInterval(trickle);
for (const s of sockets) s.destroy();
const counts = {};
for (const s of statuses.values()) counts[s] = (counts[s] ?? 0) + 1;
rows.push([
  `${slow} concurrent slow uploads (body timeout 2 s)`,
  Object.entries(counts).map(([k, v]) => `${v}× ${k.replace("HTTP/1.1 ", "")}`).join(", ") || "none answered",
  "—",
  "—",
  `${fmt((during.rss - before.rss) / MiB, 1)} MiB ${(during.rss - before.rss) / MiB < 16 ? "met" : "not met"}`,
]);
child.kill();

const out = [
  "### Memory under abuse (server in its own process, limit 1 MiB)",
  "",
  table(["scenario", "answer", "bytes the server read", "reads ≤ limit + 64 KiB", "server RSS growth (< 16 MiB)"], rows),
].join("\n");
console.log(out);
if (json) writeFileSync(json, JSON.stringify(rows, null, 2));
