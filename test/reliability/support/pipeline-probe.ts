import type { ReceiverResponse, WebhookReceiver } from "@cmshooks/core";

/** A receiver seen from the adapters' side: how many pipelines are running, and what they answered. */
export interface PipelineProbe {
  /** What to mount: `handle` and `fetch` of the receiver, counted. */
  readonly receiver: Pick<WebhookReceiver, "handle" | "fetch">;
  /** Pipelines started and not yet settled: 0 once every client is gone, or a pipeline hangs. */
  inFlight(): number;
  /** Statuses of the pipelines that settled, in order. */
  readonly answered: number[];
}

/**
 * Wraps a receiver so the tests can see every pipeline the adapters start
 * settle: a hung `handle`/`fetch` (a body read that never ends) shows as a
 * pipeline still in flight after the client left.
 */
export function probePipeline(receiver: Pick<WebhookReceiver, "handle" | "fetch">): PipelineProbe {
  let running = 0;
  const answered: number[] = [];
  const count = async <T extends ReceiverResponse | Response>(work: () => Promise<T>): Promise<T> => {
    running++;
    try {
      const result = await work();
      answered.push(result.status);
      return result;
    } finally {
      running--;
    }
  };
  return {
    receiver: {
      handle: (input) => count(() => receiver.handle(input)),
      fetch: (request, options) => count(() => receiver.fetch(request, options)),
    },
    inFlight: () => running,
    answered,
  };
}
