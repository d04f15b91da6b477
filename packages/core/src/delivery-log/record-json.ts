import { z } from "zod";
import type { DeliveryRecord } from "../pipeline/delivery-log.js";

/** A Node `Buffer`, where the runtime has one: base64 of a large body is ~10x faster with it. */
interface BufferLike {
  from(data: ArrayBufferLike, offset: number, length: number): { toString(encoding: "base64"): string };
  from(data: string, encoding: "base64"): Uint8Array;
}
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
const CHUNK = 0x8000;

function encodeBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function decodeBase64(text: string): Uint8Array {
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(text, "base64"));
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const recordJsonSchema = z.object({
  receivedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date"),
  method: z.string().min(1),
  path: z.string().startsWith("/"),
  headers: z.record(z.string(), z.string()),
  body: z.string().regex(BASE64, "not base64").nullable(),
  status: z.number().int().min(100).max(599),
  error: z.string().optional(),
  ip: z.string().optional(),
});

/**
 * One record as one line of JSON (no newline): what `fileDeliveryLog` writes
 * and `redisDeliveryLog` stores, the body as base64 (`null` when it was not read).
 *
 * @example
 * ```ts
 * const store: DeliveryLogStore = { append: (record) => void lines.push(deliveryRecordToJson(record)) };
 * ```
 */
export function deliveryRecordToJson(record: DeliveryRecord): string {
  return JSON.stringify({
    receivedAt: record.receivedAt,
    method: record.method,
    path: record.path,
    headers: record.headers,
    body: record.body === undefined ? null : encodeBase64(record.body),
    status: record.status,
    ...(record.error === undefined ? {} : { error: record.error }),
    ...(record.ip === undefined ? {} : { ip: record.ip }),
  });
}

/** A line read back: the record, or why it cannot be used. */
export type ParsedDeliveryRecord = { readonly ok: true; readonly record: DeliveryRecord } | { readonly ok: false; readonly reason: string };

/**
 * Reads one line written by {@link deliveryRecordToJson}. Never throws: a
 * truncated or corrupt line, or one of another shape, comes back with the reason.
 *
 * @example
 * ```ts
 * const parsed = parseDeliveryRecordJson(line);
 * if (parsed.ok) await replay(parsed.record); else console.warn(parsed.reason);
 * ```
 */
export function parseDeliveryRecordJson(line: string): ParsedDeliveryRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `not JSON (truncated or corrupt): ${(error as Error).message}` };
  }
  const result = recordJsonSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, reason: `not a delivery record: ${issue.path.join(".") || "(root)"}: ${issue.message}` };
  }
  const { body, error, ip, ...rest } = result.data;
  return {
    ok: true,
    record: { ...rest, body: body === null ? undefined : decodeBase64(body), ...(error === undefined ? {} : { error }), ...(ip === undefined ? {} : { ip }) },
  };
}
