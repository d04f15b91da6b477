import { COMMON_OPTIONS, eventArgument, integerArgument, noExtraPositionals, overrideArgument, parseCommandLine, vendorArgument } from "../arguments.js";
import type { CliIo } from "../cli-io.js";
import { commandOutput } from "../command-output.js";
import { commandHelp } from "../help.js";
import { sampleCredentials } from "../../vendor-entry.js";
import { EXIT_OK } from "../usage-error.js";

const OPTIONS = { ...COMMON_OPTIONS, seed: { type: "string" }, override: { type: "string" } } as const;

/**
 * `cmshooks payload <vendor> <event>`: prints a sample delivery body exactly
 * as the kit sends and signs it (`--json`: the whole delivery without credentials).
 *
 * @example
 * ```ts
 * process.exitCode = await payloadCommand(["blox", "editorial.update_asset", "--seed", "7"], process);
 * ```
 */
export async function payloadCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("payload"));
    return EXIT_OK;
  }
  const output = commandOutput(io, values);
  const entry = vendorArgument(positionals[0]);
  const event = eventArgument(entry, positionals[1]);
  noExtraPositionals(positionals, 2);
  const seed = integerArgument(values.seed, "--seed", { min: 0, max: 2 ** 32 - 1, fallback: 1 });
  const overrides = overrideArgument(values.override);
  const delivery = await entry.kit.delivery(event, { ...sampleCredentials(entry), seed, ...(overrides ? { overrides } : {}) });
  if (output.json) output.jsonLine({ vendor: delivery.vendor, event: delivery.event, method: delivery.method, path: delivery.path, payload: delivery.payload });
  // Exact bytes into a pipe or file (what the kit signs); a newline only on a terminal.
  else io.stdout.write(io.stdout.isTTY ? `${delivery.text}\n` : delivery.text);
  return EXIT_OK;
}
