import { describeEvents, type EventDescription } from "../../describe-events.js";
import { vendors } from "../../vendors/index.js";
import type { VendorEntry } from "../../vendor-entry.js";
import { COMMON_OPTIONS, noExtraPositionals, parseCommandLine, vendorArgument } from "../arguments.js";
import type { CliIo } from "../cli-io.js";
import { commandOutput } from "../command-output.js";
import { commandHelp } from "../help.js";
import { EXIT_OK } from "../usage-error.js";

/**
 * `cmshooks events [vendor]`: each vendor's native events and the unified
 * kinds they map to, derived by running the vendor's own mapping on the kit's
 * sample deliveries.
 *
 * @example
 * ```ts
 * process.exitCode = await eventsCommand(["blox", "--json"], process);
 * ```
 */
export async function eventsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, COMMON_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("events"));
    return EXIT_OK;
  }
  const output = commandOutput(io, values);
  noExtraPositionals(positionals, 1);
  const entries: VendorEntry[] =
    positionals[0] === undefined ? Object.values(vendors) : [vendorArgument(positionals[0])];

  const described: { entry: VendorEntry; events: EventDescription[] }[] = [];
  for (const entry of entries) described.push({ entry, events: await describeEvents(entry) });

  if (output.json) {
    output.jsonLine(described.flatMap(({ events }) => events));
    return EXIT_OK;
  }
  const { colour } = output;
  described.forEach(({ entry, events }, i) => {
    if (i > 0) output.line();
    const how = entry.authenticity === "signature" ? "signed with a shared secret" : "unsigned: the receiver adds credentials";
    output.line(`${colour.bold(entry.kit.vendor)}  ${entry.title}, ${colour.dim(how)}`);
    const width = Math.max(...events.map((e) => e.event.length));
    for (const { event, unified } of events) {
      output.line(`  ${event.padEnd(width)}  ${unified.length ? colour.cyan(unified.join(", ")) : colour.dim("(no unified event)")}`);
    }
  });
  return EXIT_OK;
}
