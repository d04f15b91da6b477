import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ConfigurationError, createReceiver, type Provider, type Receiver } from "@cmshooks/core";
import { toNodeHandler } from "@cmshooks/node";
import { onEveryUnified } from "../../on-every-unified.js";
import {
  COMMON_OPTIONS,
  integerArgument,
  noExtraPositionals,
  parseCommandLine,
  receiverCredentials,
  secretArgument,
  vendorArgument,
} from "../arguments.js";
import type { CliIo } from "../cli-io.js";
import { commandOutput } from "../command-output.js";
import { formatReport, newDeliveryReport, recordError, recordNative, recordUnified, reportJson, type DeliveryReport } from "../delivery-report.js";
import { commandHelp } from "../help.js";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../usage-error.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  vendor: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  secret: { type: "string" },
  basic: { type: "string" },
  header: { type: "string" },
  query: { type: "string" },
  verbose: { type: "boolean" },
  "allow-unauthenticated": { type: "boolean" },
} as const;

/** Ctrl-C, or a process manager (and the CLI tests) asking it to stop. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * `cmshooks listen --vendor … --port …`: a local receiver (node:http and
 * `toNodeHandler`) that answers every delivery with the real status and
 * prints what happened to it. Resolves when SIGINT or SIGTERM stops it.
 *
 * @example
 * ```ts
 * process.exitCode = await listenCommand(["--vendor", "blox", "--port", "3000", "--secret", "s3cret"], process);
 * ```
 */
export async function listenCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("listen"));
    return EXIT_OK;
  }
  const output = commandOutput(io, values);
  noExtraPositionals(positionals, 0);
  if (values.vendor === undefined) throw new UsageError("--vendor is required, e.g. cmshooks listen --vendor blox --secret s3cret");
  const entry = vendorArgument(values.vendor);
  const vendor = entry.kit.vendor;
  const port = integerArgument(values.port, "--port", { min: 0, max: 65_535, fallback: 3000 });
  const host = values.host ?? "127.0.0.1";
  const allowUnauthenticated = values["allow-unauthenticated"] === true;
  const credentials = receiverCredentials(
    entry,
    { secret: secretArgument(values.secret, io.env, entry), basic: values.basic, header: values.header, query: values.query },
    { header: "--header", query: "--query" },
  );
  if (entry.authenticity === "credentials" && credentials.auth === undefined && !allowUnauthenticated) {
    throw new UsageError(`${vendor} signs nothing: require --basic, --header or --query (or accept anything with --allow-unauthenticated)`);
  }

  let provider: Provider;
  let receiver: Receiver<Provider>;
  try {
    provider = entry.provider(credentials);
    receiver = createReceiver({ provider, allowUnauthenticated });
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message);
    throw error;
  }
  const checks = provider.auth.map((a) => a.kind);

  // Listeners run inside receiver.handle, so the request's report travels with the async context.
  const current = new AsyncLocalStorage<DeliveryReport>();
  receiver.onAny((event) => {
    const report = current.getStore();
    if (report) recordNative(report, event);
  });
  onEveryUnified(receiver, (event) => {
    const report = current.getStore();
    if (report) recordUnified(report, event);
  });
  receiver.onError((error) => {
    const report = current.getStore();
    if (report) recordError(report, error);
  });

  const handler = toNodeHandler(receiver);
  const print = (report: DeliveryReport) => {
    if (output.json) output.jsonLine(reportJson(report, checks));
    else io.stdout.write(formatReport(report, checks, output.colour, { verbose: values.verbose === true }));
  };
  let received = 0;
  const server = http.createServer((req, res) => {
    const report = newDeliveryReport(req.method ?? "?", req.url ?? "/", req.socket.remoteAddress);
    received++;
    current.run(report, () => handler(req, res)).then(
      () => {
        report.status = res.statusCode;
        print(report);
      },
      (error: unknown) => {
        report.status = 500;
        report.errors.push({ status: 500, code: "internal_error", level: "error", message: (error as Error).message });
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end('{"error":"internal_error"}');
        print(report);
      },
    );
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    output.note(output.errorColour.red(`✗ cannot listen on ${host}:${port}: ${(error as Error).message}`));
    return EXIT_FAILURE;
  }

  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;
  if (output.json) {
    output.jsonLine({ listening: url, vendor, checks });
  } else {
    const { colour } = output;
    output.line(`${colour.bold("cmshooks listening")} on ${colour.cyan(url)} for ${entry.title} deliveries (checks: ${checks.join(", ") || "none"})`);
    const event = entry.kit.events[0] ?? "<event>";
    const creds = entry.authenticity === "signature" ? "--secret …" : "--basic user:pass";
    output.line(colour.dim(`try: cmshooks send ${vendor} ${event} --url ${url}/hooks/${vendor} ${creds}   (Ctrl-C stops)`));
  }

  return new Promise<number>((resolve) => {
    const stop = () => {
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      server.closeAllConnections();
      server.close(() => {
        if (!output.json) output.note(`stopped after ${received} ${received === 1 ? "delivery" : "deliveries"}`);
        resolve(EXIT_OK);
      });
    };
    for (const signal of STOP_SIGNALS) process.once(signal, stop);
  });
}
