import { open, rename, stat, type FileHandle } from "node:fs/promises";
import { ConfigurationError, deliveryRecordToJson, type DeliveryLogStore, type DeliveryRecord } from "@cmshooks/core";

/** Options of {@link fileDeliveryLog}. */
export interface FileDeliveryLogOptions {
  /** Size at which the file is rotated (`log.jsonl` → `log.jsonl.1` → `.2` …). Default 16 MiB; `Infinity` never rotates. */
  readonly maxBytes?: number;
  /** Rotated files kept besides the current one. Default 5. */
  readonly keep?: number;
}

/** A JSONL delivery log on disk. */
export interface FileDeliveryLog extends DeliveryLogStore {
  /** The file being written. */
  readonly path: string;
  /** Resolves once every record appended so far is written (or failed). */
  flush(): Promise<void>;
  /** Flushes, then closes the file. Later appends reopen it. */
  close(): Promise<void>;
}

/**
 * A delivery log in a JSONL file, one record per line, rotated by size. Writes
 * are queued and batched into one `write` per turn, so appending costs the
 * request nothing; a failing disk rejects the record's append (the receiver
 * reports it through `onError`). Read it back with `readDeliveryLogFile`, or
 * `cmshooks replay FILE --url …`.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({
 *   provider: blox({ secret }),
 *   deliveryLog: { store: fileDeliveryLog("/var/log/hooks/failed.jsonl", { maxBytes: 64 * 1024 * 1024 }), when: "failed" },
 * });
 * ```
 */
export function fileDeliveryLog(path: string, options: FileDeliveryLogOptions = {}): FileDeliveryLog {
  if (typeof path !== "string" || path === "") throw new ConfigurationError("fileDeliveryLog: a file path is required");
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const keep = options.keep ?? 5;
  if (!(maxBytes > 0)) throw new ConfigurationError(`fileDeliveryLog: maxBytes must be positive, got ${maxBytes}`);
  if (!Number.isSafeInteger(keep) || keep < 0) throw new ConfigurationError(`fileDeliveryLog: keep must be 0 or more, got ${keep}`);

  let file: FileHandle | undefined;
  let size = 0;
  let queue: { record: DeliveryRecord; settle: (error?: unknown) => void }[] = [];
  let writing: Promise<void> = Promise.resolve();

  const rotate = async () => {
    await file?.close();
    file = undefined;
    for (let i = keep - 1; i >= 1; i--) await rename(`${path}.${i}`, `${path}.${i + 1}`).catch(ignoreMissing);
    if (keep > 0) await rename(path, `${path}.1`).catch(ignoreMissing);
    else await (await open(path, "w")).close();
  };

  const writeBatch = async () => {
    const batch = queue;
    queue = [];
    try {
      if (!file) {
        file = await open(path, "a");
        size = (await stat(path)).size;
      }
      // Serialised here, not in append: the request that recorded it has its answer already.
      const lines = batch.map((item) => Buffer.from(`${deliveryRecordToJson(item.record)}\n`));
      // A batch goes to one file: rotate before it when it would not fit (a single larger record still gets written).
      const bytes = lines.reduce((n, line) => n + line.length, 0);
      if (size > 0 && size + bytes > maxBytes) {
        await rotate();
        file = await open(path, "a");
        size = 0;
      }
      await file.write(Buffer.concat(lines));
      size += bytes;
      for (const item of batch) item.settle();
    } catch (error) {
      await file?.close().catch(() => {});
      file = undefined;
      for (const item of batch) item.settle(error);
    }
  };

  return {
    path,
    append(record: DeliveryRecord): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const first = queue.length === 0;
        queue.push({ record, settle: (error) => (error === undefined ? resolve() : reject(error)) });
        if (first) writing = writing.then(writeBatch);
      });
    },
    flush: () => writing,
    async close() {
      await writing;
      await file?.close();
      file = undefined;
    },
  };
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}
