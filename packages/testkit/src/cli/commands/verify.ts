import { ConfigurationError, toHeaderReader, type Provider } from "@cmshooks/core";
import {
  COMMON_OPTIONS,
  headerArgument,
  noExtraPositionals,
  parseCommandLine,
  receiverCredentials,
  secretArgument,
  vendorArgument,
} from "../arguments.js";
import type { CliIo } from "../cli-io.js";
import { commandOutput } from "../command-output.js";
import { commandHelp } from "../help.js";
import { readBodyArgument } from "../read-body.js";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../usage-error.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  secret: { type: "string" },
  basic: { type: "string" },
  "expect-header": { type: "string" },
  "expect-query": { type: "string" },
  header: { type: "string", multiple: true },
  url: { type: "string" },
  file: { type: "string" },
} as const;

/** The outcome of one of the vendor's authenticity checks. */
interface CheckResult {
  readonly kind: string;
  readonly valid: boolean;
  readonly code?: string;
  readonly message?: string;
}

const WHY: Readonly<Record<string, string>> = {
  signature_mismatch: "the body is not byte-for-byte what was signed (a trailing newline counts), or the secret differs",
  signature_missing: "pass the signature header with --header 'Name: value'",
  credentials_missing: "pass the header the delivery came with (--header) or its request target (--url)",
  credentials_invalid: "the credentials differ from the ones expected",
};

/**
 * `cmshooks verify <vendor> --secret … --header 'X-Hook-Signature: …' < body.json`:
 * runs the vendor provider's own authenticity checks on a body and its
 * headers, and says valid, or invalid and why (exit 1).
 *
 * @example
 * ```ts
 * process.exitCode = await verifyCommand(["blox", "--secret", "s3cret", "--header", `X-Hook-Signature: ${sig}`, "--file", "body.json"], process);
 * ```
 */
export async function verifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("verify"));
    return EXIT_OK;
  }
  const output = commandOutput(io, values);
  const entry = vendorArgument(positionals[0]);
  const vendor = entry.kit.vendor;
  noExtraPositionals(positionals, 1);
  const credentials = receiverCredentials(
    entry,
    { secret: secretArgument(values.secret, io.env, entry), basic: values.basic, header: values["expect-header"], query: values["expect-query"] },
    { header: "--expect-header", query: "--expect-query" },
  );
  let provider: Provider;
  try {
    provider = entry.provider(credentials);
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message);
    throw error;
  }
  if (provider.auth.length === 0) {
    throw new UsageError(`${vendor} signs nothing: give the credentials the receiver expects (--basic, --expect-header or --expect-query)`);
  }
  const received: Record<string, string> = {};
  for (const { name, value } of (values.header ?? []).map((h) => headerArgument(h, "--header"))) {
    received[name] = received[name] === undefined ? value : `${received[name]}, ${value}`;
  }
  const body = await readBodyArgument(io, values.file, `cmshooks verify ${vendor} --secret … --header 'Name: value' < body.json`);
  const headers = toHeaderReader(received);

  const checks: CheckResult[] = [];
  for (const authenticator of provider.auth) {
    const failure = await authenticator.verify({ headers, body, url: values.url });
    checks.push(failure ? { kind: authenticator.kind, valid: false, code: failure.code, message: failure.message } : { kind: authenticator.kind, valid: true });
  }
  const valid = checks.every((c) => c.valid);

  if (output.json) {
    output.jsonLine({ vendor, valid, bytes: body.length, checks });
  } else {
    const { colour } = output;
    for (const check of checks) {
      if (check.valid) {
        output.line(`${colour.green("✓ valid")}  ${colour.dim(`${check.kind} check passed for ${body.length} bytes`)}`);
      } else {
        output.line(`${colour.red("✗ invalid")}  ${check.kind}: ${check.code}: ${check.message}`);
        const why = check.code === undefined ? undefined : WHY[check.code];
        if (why) output.line(colour.dim(`  ${why}`));
      }
    }
  }
  return valid ? EXIT_OK : EXIT_FAILURE;
}
