import type { HandoffEvent } from "@cmshooks/core";
import type { JobsOptions } from "bullmq";

/**
 * The queue name `createWorker` reads when none is given.
 *
 * @example
 * ```ts
 * const queue = new Queue(DEFAULT_QUEUE_NAME, { connection });
 * ```
 */
export const DEFAULT_QUEUE_NAME = "cmshooks";

/**
 * Job options of every hand-off job unless overridden: 8 attempts with
 * exponential backoff from 1 s (about 4 minutes in all); completed jobs are
 * kept a day, so a delivery re-sent within that day finds its job and is not
 * queued again; failed jobs are kept a week for inspection.
 *
 * @example
 * ```ts
 * queueHandoff({ queue, jobOptions: { ...DEFAULT_HANDOFF_JOB_OPTIONS, attempts: 20 } });
 * ```
 */
export const DEFAULT_HANDOFF_JOB_OPTIONS: Readonly<JobsOptions> = Object.freeze({
  attempts: 8,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 86_400, count: 100_000 },
  removeOnFail: { age: 7 * 86_400 },
});

/**
 * Whether a job's data is a hand-off event this package queued.
 *
 * @example
 * ```ts
 * new Worker("cmshooks", async (job) => { if (isHandoffEvent(job.data)) await receiver.dispatch(job.data); }, { connection });
 * ```
 */
export function isHandoffEvent(data: unknown): data is HandoffEvent {
  if (typeof data !== "object" || data === null) return false;
  const event = data as Record<string, unknown>;
  return typeof event.name === "string" && typeof event.deliveryId === "string" && typeof event.source === "string" && typeof event.index === "number";
}
