import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { appendFile } from "node:fs/promises";
import { ConfigurationError, createReceiver, DeliveryLogError, type DeliveryLogStore, type Provider, type Receiver } from "@cmshooks/core";
import { fileDeliveryLog, toNodeHandler, type FileDeliveryLog } from "@cmshooks/node";
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
import { inspectorEntry } from "../inspector/inspector-entry.js";
import { InspectorFeed } from "../inspector/inspector-feed.js";
import { inspectorRoutes } from "../inspector/inspector-routes.js";
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
  record: { type: "string" },
  "allow-unauthenticated": { type: "boolean" },
} as const;

/** Ctrl-C, or a process manager (and the CLI tests) asking it to stop. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * `cmshooks listen --vendor … --port …`: a local receiver (node:http and
 * `toNodeHandler`) that answers every delivery with the real status and
 * prints what happened to it, shows each one live on an inspector page at
 * `GET /`, and with `--record FILE` appends each one to a JSONL file that
 * `cmshooks replay` reads. Resolves when SIGINT or SIGTERM stops it.
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

  if (values.record === "") throw new UsageError("--record takes a file path");

  // Listeners (and the delivery log) run inside receiver.handle, so the request's report travels with the async context.
  const current = new AsyncLocalStorage<DeliveryReport>();
  const file: FileDeliveryLog | undefined = values.record === undefined ? undefined : fileDeliveryLog(values.record, { maxBytes: Infinity });
  // Every delivery is recorded: the page shows the record (masked headers, exact body), --record appends it to the file.
  const store: DeliveryLogStore = {
    append(record) {
      const report = current.getStore();
      if (report) report.record = record;
      return file?.append(record);
    },
  };
  let provider: Provider;
  let receiver: Receiver<Provider>;
  try {
    provider = entry.provider(credentials);
    receiver = createReceiver({ provider, allowUnauthenticated, deliveryLog: { store, when: "all" } });
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message);
    throw error;
  }
  const checks = provider.auth.map((a) => a.kind);
  receiver.onAny((event) => {
    const report = current.getStore();
    if (report) recordNative(report, event);
  });
  onEveryUnified(receiver, (event) => {
    const report = current.getStore();
    if (report) recordUnified(report, event);
  });
  receiver.onError((error) => {
    if (error instanceof DeliveryLogError) {
      output.note(output.errorColour.red(`✗ --record ${values.record}: ${error.message}`));
      return;
    }
    const report = current.getStore();
    if (report) recordError(report, error);
  });

  const handler = toNodeHandler(receiver);
  const print = (report: DeliveryReport) => {
    if (output.json) output.jsonLine(reportJson(report, checks));
    else io.stdout.write(formatReport(report, checks, output.colour, { verbose: values.verbose === true }));
  };
  let received = 0;
  let origin = "";
  let feed: InspectorFeed | undefined;
  let inspector: ReturnType<typeof inspectorRoutes> = () => false;
  const publish = (id: number, report: DeliveryReport) => {
    print(report);
    feed?.add(inspectorEntry(id, report, report.record, checks, origin));
  };
  const server = http.createServer((req, res) => {
    if (inspector(req, res)) return;
    const report = newDeliveryReport(req.method ?? "?", req.url ?? "/", req.socket.remoteAddress);
    const id = ++received;
    current.run(report, () => handler(req, res)).then(
      () => {
        report.status = res.statusCode;
        publish(id, report);
      },
      (error: unknown) => {
        report.status = 500;
        report.errors.push({ status: 500, code: "internal_error", level: "error", message: (error as Error).message });
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end('{"error":"internal_error"}');
        publish(id, report);
      },
    );
  });

  if (file) {
    try {
      await appendFile(file.path, "");
    } catch (error) {
      output.note(output.errorColour.red(`✗ cannot record to ${file.path}: ${(error as Error).message}`));
      return EXIT_FAILURE;
    }
  }
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
  origin = url;
  feed = new InspectorFeed({ session: randomUUID(), vendor, title: entry.title, checks, url });
  inspector = inspectorRoutes(feed);
  if (output.json) {
    output.jsonLine({ listening: url, vendor, checks, inspector: `${url}/`, ...(file ? { record: file.path } : {}) });
  } else {
    const { colour } = output;
    output.line(`${colour.bold("cmshooks listening")} on ${colour.cyan(url)} for ${entry.title} deliveries (checks: ${checks.join(", ") || "none"})`);
    output.line(`inspector: ${colour.cyan(`${url}/`)}   (open it in a browser: every delivery appears live)`);
    if (file) output.line(`recording every delivery to ${file.path}   (replay with: cmshooks replay ${file.path} --url …)`);
    const event = entry.kit.events[0] ?? "<event>";
    const creds = entry.authenticity === "signature" ? "--secret …" : "--basic user:pass";
    output.line(colour.dim(`try: cmshooks send ${vendor} ${event} --url ${url}/hooks/${vendor} ${creds}   (Ctrl-C stops)`));
  }

  return new Promise<number>((resolve) => {
    const stop = () => {
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      feed?.close();
      server.closeAllConnections();
      server.close(() => {
        void (file?.close() ?? Promise.resolve()).then(
          () => undefined,
          (error: unknown) => output.note(output.errorColour.red(`✗ --record ${file?.path}: ${(error as Error).message}`)),
        ).then(() => {
          if (!output.json) output.note(`stopped after ${received} ${received === 1 ? "delivery" : "deliveries"}`);
          resolve(EXIT_OK);
        });
      });
    };
    for (const signal of STOP_SIGNALS) process.once(signal, stop);
  });
}
