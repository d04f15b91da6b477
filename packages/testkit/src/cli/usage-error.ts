/**
 * A command line the CLI cannot run: unknown command, vendor, event or
 * option, a missing or malformed value. Exits with status 2 and a hint.
 *
 * @example
 * ```ts
 * if (!values.url) throw new UsageError("--url is required, e.g. --url http://127.0.0.1:3000/hooks/blox");
 * ```
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Exit status of a usage error. */
export const EXIT_USAGE = 2;
/** Exit status of a failure: a non-2xx answer, an invalid signature, a network error. */
export const EXIT_FAILURE = 1;
/** Exit status of success. */
export const EXIT_OK = 0;
