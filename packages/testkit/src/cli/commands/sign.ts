import { COMMON_OPTIONS, noExtraPositionals, parseCommandLine, receiverCredentials, secretArgument, vendorArgument } from "../arguments.js";
import type { CliIo } from "../cli-io.js";
import { commandOutput } from "../command-output.js";
import { commandHelp } from "../help.js";
import { readBodyArgument } from "../read-body.js";
import { EXIT_OK, UsageError } from "../usage-error.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  secret: { type: "string" },
  basic: { type: "string" },
  header: { type: "string" },
  file: { type: "string" },
} as const;

/**
 * `cmshooks sign <vendor> --secret … < body.json`: prints the headers that
 * authenticate the exact bytes read, one `name: value` per line (or a JSON object).
 *
 * @example
 * ```ts
 * process.exitCode = await signCommand(["blox", "--secret", "s3cret", "--file", "body.json"], process);
 * ```
 */
export async function signCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("sign"));
    return EXIT_OK;
  }
  const output = commandOutput(io, values);
  const entry = vendorArgument(positionals[0]);
  noExtraPositionals(positionals, 1);
  const credentials = receiverCredentials(
    entry,
    { secret: secretArgument(values.secret, io.env, entry), basic: values.basic, header: values.header },
    { header: "--header", query: "--query" },
  );
  if (credentials.secret === undefined && credentials.auth === undefined) {
    throw new UsageError(`${entry.kit.vendor} signs nothing: give the credentials to print with --basic or --header`);
  }
  const body = await readBodyArgument(io, values.file, `cmshooks sign ${entry.kit.vendor} --secret … < body.json`);
  const headers = await entry.kit.sign(body, credentials);
  if (output.json) output.jsonLine(headers);
  else for (const [name, value] of Object.entries(headers)) output.line(`${name}: ${value}`);
  return EXIT_OK;
}
