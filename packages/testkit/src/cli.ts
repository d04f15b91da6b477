/**
 * The `cmshooks` binary: signed test deliveries from the command line
 * (`send`, `sign`, `verify`, `listen`, `events`, `payload`).
 */
import { runCli } from "./cli/run.js";

declare const __CMSHOOKS_VERSION__: string | undefined;

// `cmshooks events | head`: a reader that goes away is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const version = typeof __CMSHOOKS_VERSION__ === "string" ? __CMSHOOKS_VERSION__ : "0.0.0";
process.exitCode = await runCli(process.argv.slice(2), process, version);
