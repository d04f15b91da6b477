import { ConfigurationError, type HandoffEvent, type WebhookReceiver } from "@cmshooks/core";
import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions, type Job, type WorkerOptions } from "bullmq";
import { DEFAULT_QUEUE_NAME, isHandoffEvent } from "./handoff-job.js";

/** Options of {@link createWorker}: BullMQ's `WorkerOptions` plus where to read from. */
export interface CreateWorkerOptions extends Omit<WorkerOptions, "connection"> {
  /** Redis connection (options or an ioredis client), as for any BullMQ worker. */
  connection: ConnectionOptions;
  /** The queue `queueHandoff` adds to. Default `"cmshooks"`. */
  queueName?: string;
}

/**
 * A BullMQ worker that runs the receiver's handlers for handed-off events,
 * with the receiver's dedupe: give that receiver a shared store
 * (`redisDedupeStore`) and a job BullMQ delivers twice runs its handlers
 * once. A handler that throws fails the job, and BullMQ retries it with the
 * job's backoff. A delivery being handled by another worker right now is
 * put back (delayed by the receiver's Retry-After) without using up an attempt.
 *
 * @example
 * ```ts
 * const worker = createWorker(receiver, { connection: { host: "127.0.0.1", port: 6379 }, concurrency: 8 });
 * process.on("SIGTERM", () => void worker.close());
 * ```
 */
export function createWorker(
  receiver: Pick<WebhookReceiver, "dispatch">,
  options: CreateWorkerOptions,
): Worker<HandoffEvent, void> {
  if (typeof receiver?.dispatch !== "function") throw new ConfigurationError("createWorker: pass the receiver whose handlers should run");
  if (!options?.connection) throw new ConfigurationError("createWorker: `connection` is required (Redis options or an ioredis client)");
  const { queueName = DEFAULT_QUEUE_NAME, ...workerOptions } = options;

  const processor = async (job: Job<HandoffEvent, void>, token?: string): Promise<void> => {
    if (!isHandoffEvent(job.data)) throw new UnrecoverableError(`job ${job.id} is not a cmshooks hand-off event`);
    try {
      await receiver.dispatch(job.data);
    } catch (error) {
      const wait = heldElsewhereFor(error);
      if (wait === undefined || token === undefined) throw error;
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
  };
  return new Worker<HandoffEvent, void>(queueName, processor, workerOptions);
}

/** Milliseconds to wait when the dedupe claim is held by another worker (core's 503 `duplicate_in_progress`), else undefined. */
function heldElsewhereFor(error: unknown): number | undefined {
  const e = error as { code?: unknown; headers?: Record<string, string> } | null;
  if (e?.code !== "duplicate_in_progress") return undefined;
  const seconds = Number(e.headers?.["retry-after"]);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 5) * 1_000;
}
