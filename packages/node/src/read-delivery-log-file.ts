import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseDeliveryRecordJson, type DeliveryRecord } from "@cmshooks/core";

/** One line of a delivery log file: its record, or why it cannot be used. */
export type DeliveryLogLine =
  | { readonly line: number; readonly record: DeliveryRecord; readonly reason?: undefined }
  | { readonly line: number; readonly record?: undefined; readonly reason: string };

/**
 * Reads a file written by `fileDeliveryLog` (or `cmshooks listen --record`),
 * one entry per non-empty line, streaming. A corrupt or truncated line is
 * yielded with its reason instead of stopping the read; a file that cannot be
 * opened rejects.
 *
 * @example
 * ```ts
 * for await (const entry of readDeliveryLogFile("failed.jsonl")) {
 *   if (entry.record) console.log(entry.record.status, entry.record.path);
 *   else console.warn(`line ${entry.line}: ${entry.reason}`);
 * }
 * ```
 */
export async function* readDeliveryLogFile(path: string): AsyncGenerator<DeliveryLogLine> {
  const stream = createReadStream(path, { encoding: "utf8" });
  // Open errors (missing file, a directory) surface here rather than as an unhandled stream error.
  await new Promise<void>((resolve, reject) => {
    stream.once("ready", () => resolve());
    stream.once("error", reject);
  });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of lines) {
      number++;
      if (text.trim() === "") continue;
      const parsed = parseDeliveryRecordJson(text);
      yield parsed.ok ? { line: number, record: parsed.record } : { line: number, reason: parsed.reason };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
