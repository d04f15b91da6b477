export { queueHandoff, type QueueHandoffOptions, type HandoffQueue } from "./queue-handoff.js";
export { createWorker, type CreateWorkerOptions } from "./create-worker.js";
export { deliveryJobId } from "./delivery-job-id.js";
export { DEFAULT_HANDOFF_JOB_OPTIONS, DEFAULT_QUEUE_NAME, isHandoffEvent } from "./handoff-job.js";
