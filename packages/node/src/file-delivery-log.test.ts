import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DeliveryRecord } from "@cmshooks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileDeliveryLog } from "./file-delivery-log.js";
import { readDeliveryLogFile } from "./read-delivery-log-file.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cmshooks-file-log-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const record = (n: number): DeliveryRecord => ({
  receivedAt: new Date(Date.UTC(2026, 11, 1, 10, 0, n)).toISOString(),
  method: "POST",
  path: `/hooks/blox?n=${n}`,
  headers: { "content-type": "application/json" },
  body: new TextEncoder().encode(JSON.stringify({ n, padding: "x".repeat(200) })),
  status: 500,
  error: "handler_failed",
});

async function readAll(path: string) {
  const out: { line: number; n?: number; reason?: string }[] = [];
  for await (const entry of readDeliveryLogFile(path)) {
    out.push(entry.record ? { line: entry.line, n: JSON.parse(new TextDecoder().decode(entry.record.body)).n } : { line: entry.line, reason: entry.reason });
  }
  return out;
}

describe("fileDeliveryLog", () => {
  it("appends one JSON line per record, in order, even when appends arrive together", async () => {
    const log = fileDeliveryLog(join(dir, "order.jsonl"));
    await Promise.all(Array.from({ length: 20 }, (_, n) => log.append(record(n))));
    await log.close();
    expect((await readAll(log.path)).map((e) => e.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it("rotates by size: log → log.1 → log.2, keeping `keep` old files and never exceeding maxBytes but for one record", async () => {
    const path = join(dir, "rotated.jsonl");
    const log = fileDeliveryLog(path, { maxBytes: 1_000, keep: 2 });
    for (let n = 0; n < 12; n++) await log.append(record(n));
    await log.close();
    expect((await readdir(dir)).filter((f) => f.startsWith("rotated")).sort()).toEqual(["rotated.jsonl", "rotated.jsonl.1", "rotated.jsonl.2"]);
    for (const file of [path, `${path}.1`, `${path}.2`]) expect((await stat(file)).size).toBeLessThanOrEqual(1_000);
    const kept = [...(await readAll(`${path}.2`)), ...(await readAll(`${path}.1`)), ...(await readAll(path))].map((e) => e.n);
    // Oldest files beyond `keep` are gone; what is kept is the newest records, in order.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 12 - kept.length + i));
    expect(kept.at(-1)).toBe(11);
  });

  it("rejects the append when the file cannot be written, and writes again once it can", async () => {
    const log = fileDeliveryLog(join(dir, "missing-dir", "log.jsonl"));
    await expect(log.append(record(1))).rejects.toThrow(/ENOENT/);
    const ok = fileDeliveryLog(join(dir, "after.jsonl"));
    await ok.append(record(2));
    await ok.close();
    expect(await readFile(ok.path, "utf8")).toMatch(/^\{"receivedAt":"2026-12-01T10:00:02\.000Z".*\}\n$/);
  });
});
