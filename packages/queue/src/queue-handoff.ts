import { ConfigurationError, type Handoff, type HandoffEvent } from "@cmshooks/core";
import type { JobsOptions } from "bullmq";
import { deliveryJobId } from "./delivery-job-id.js";
import { DEFAULT_HANDOFF_JOB_OPTIONS } from "./handoff-job.js";

/** What the hand-off needs of a BullMQ `Queue`: a `new Queue(name, { connection })` fits. */
export interface HandoffQueue {
  add(name: string, data: HandoffEvent, opts?: JobsOptions): Promise<unknown>;
  addBulk(jobs: { name: string; data: HandoffEvent; opts?: JobsOptions }[]): Promise<unknown>;
}

/** Options of {@link queueHandoff}. */
export interface QueueHandoffOptions {
  /** The BullMQ queue deliveries go to; a worker made with `createWorker` consumes it. */
  queue: HandoffQueue;
  /** Answer 202 `{"ok":true,"queued":true}` as soon as the delivery is queued, instead of 200. Default 200. */
  status?: 200 | 202;
  /** Job options (merged over {@link DEFAULT_HANDOFF_JOB_OPTIONS}); the job id is always the delivery's. */
  jobOptions?: Omit<JobsOptions, "jobId">;
  /** Longest wait for Redis to take the job before the sender gets 503 (it retries; the job id keeps that safe). Default 5 000 ms. */
  timeoutMs?: number;
}

/**
 * Durable hand-off to BullMQ, for core's `handoff` option: a verified,
 * validated delivery is acknowledged only after each of its events was added
 * to the queue (job id = delivery id, so a re-sent delivery is not queued
 * twice). If Redis does not take it, the sender gets 503 and retries.
 * Handlers run in a worker (`createWorker`), unchanged.
 *
 * @example
 * ```ts
 * import { Queue } from "bullmq";
 * const queue = new Queue("cmshooks", { connection: { host: "127.0.0.1", port: 6379, enableOfflineQueue: false } });
 * const receiver = createReceiver({ provider: blox({ secret }), handoff: queueHandoff({ queue, status: 202 }) });
 * ```
 */
export function queueHandoff(options: QueueHandoffOptions): Handoff {
  const queue = options?.queue;
  if (!queue || typeof queue.add !== "function" || typeof queue.addBulk !== "function") {
    throw new ConfigurationError("queueHandoff: `queue` must be a BullMQ Queue, e.g. new Queue(\"cmshooks\", { connection })");
  }
  const status = options.status ?? 200;
  if (status !== 200 && status !== 202) throw new ConfigurationError("queueHandoff: status must be 200 or 202");
  const timeoutMs = options.timeoutMs ?? 5_000;
  const jobOptions = { ...DEFAULT_HANDOFF_JOB_OPTIONS, ...options.jobOptions };
  const job = (event: HandoffEvent) => ({ name: event.name, data: event, opts: { ...jobOptions, jobId: deliveryJobId(event.deliveryId) } });

  return {
    status,
    async enqueue(events) {
      if (events.length === 0) return;
      // One event: one command. Several: one MULTI, so a delivery is queued whole or not at all.
      const single = events.length === 1 ? job(events[0]!) : undefined;
      const added = single ? queue.add(single.name, single.data, single.opts) : queue.addBulk(events.map(job));
      await settleWithin(added, timeoutMs);
    },
  };
}

/** Resolves with `promise` or rejects after `ms`; a late add is harmless (same job id on the sender's retry). */
function settleWithin(promise: Promise<unknown>, ms: number): Promise<unknown> {
  if (ms <= 0) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the queue did not take the delivery within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
