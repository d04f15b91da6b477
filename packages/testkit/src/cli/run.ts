import { paletteFor, type CliIo } from "./cli-io.js";
import { eventsCommand } from "./commands/events.js";
import { listenCommand } from "./commands/listen.js";
import { payloadCommand } from "./commands/payload.js";
import { replayCommand } from "./commands/replay.js";
import { sendCommand } from "./commands/send.js";
import { signCommand } from "./commands/sign.js";
import { verifyCommand } from "./commands/verify.js";
import { commandHelp, isCommand, mainHelp, type CommandName } from "./help.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from "./usage-error.js";

const COMMANDS: Record<CommandName, (args: readonly string[], io: CliIo) => Promise<number>> = {
  send: sendCommand,
  sign: signCommand,
  verify: verifyCommand,
  listen: listenCommand,
  replay: replayCommand,
  events: eventsCommand,
  payload: payloadCommand,
};

/**
 * Runs the `cmshooks` CLI and resolves with its exit status: 0 ok, 1 failure,
 * 2 usage error (with a hint on stderr).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), process);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo, version = "0.0.0"): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? rest[0] : undefined;
    if (topic !== undefined && isCommand(topic)) {
      io.stdout.write(commandHelp(topic));
      return EXIT_OK;
    }
    if (topic !== undefined) return usageFailure(io, `unknown command "${topic}"`, undefined);
    (first === undefined ? io.stderr : io.stdout).write(mainHelp());
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === "--version" || first === "-v") {
    io.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  if (!isCommand(first)) return usageFailure(io, `unknown command "${first}"; commands: ${Object.keys(COMMANDS).join(", ")}`, undefined);
  try {
    return await COMMANDS[first](rest, io);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, error.message, first, rest.includes("--json"));
    const colour = paletteFor(io.stderr, io.env, rest.includes("--no-color"));
    io.stderr.write(`${colour.red(`cmshooks ${first}: ${(error as Error).message ?? String(error)}`)}\n`);
    return EXIT_FAILURE;
  }
}

function usageFailure(io: CliIo, message: string, command: CommandName | undefined, json = false): number {
  if (json) {
    io.stderr.write(`${JSON.stringify({ error: "usage", message })}\n`);
  } else {
    const name = command ? `cmshooks ${command}` : "cmshooks";
    io.stderr.write(`${name}: ${message}\nRun '${name} --help' for usage.\n`);
  }
  return EXIT_USAGE;
}
