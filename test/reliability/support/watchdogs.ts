/**
 * Guards for the reliability tests: a deadline on every pipeline call (a
 * hang fails the test instead of timing it out), and a record of unhandled
 * rejections and uncaught exceptions while a test runs.
 */

/** Rejects when `promise` has not settled within `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** What reached the process's last-resort handlers while the tracker was installed. */
export interface ProcessFaults {
  readonly unhandledRejections: unknown[];
  readonly uncaughtExceptions: unknown[];
  /** Stops recording. */
  stop(): void;
}

/** Records unhandled rejections and uncaught exceptions from now on. */
export function trackProcessFaults(): ProcessFaults {
  const unhandledRejections: unknown[] = [];
  const uncaughtExceptions: unknown[] = [];
  const onRejection = (reason: unknown) => void unhandledRejections.push(reason);
  const onException = (error: unknown) => void uncaughtExceptions.push(error);
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return {
    unhandledRejections,
    uncaughtExceptions,
    stop() {
      process.off("unhandledRejection", onRejection);
      process.off("uncaughtException", onException);
    },
  };
}

/** Lets pending callbacks, timers of 0 ms and rejections run. */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
