import { deliveryUrl } from "../../delivery-url.js";
import { authHeaders } from "../../make-delivery.js";
import { send, type SendResult } from "../../send.js";
import type { TestAuth } from "../../test-delivery.js";
import {
  basicArgument,
  COMMON_OPTIONS,
  eventArgument,
  headerArgument,
  integerArgument,
  noExtraPositionals,
  overrideArgument,
  parseCommandLine,
  queryArgument,
  secretArgument,
  urlArgument,
  vendorArgument,
} from "../arguments.js";
import type { CliIo, Palette } from "../cli-io.js";
import { commandOutput } from "../command-output.js";
import { commandHelp } from "../help.js";
import { checkedOverride, notFoundHint, withoutDefaultCredentials } from "../send-checks.js";
import { subscriptionArgument } from "../subscription-argument.js";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../usage-error.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  url: { type: "string" },
  secret: { type: "string" },
  basic: { type: "string" },
  header: { type: "string", multiple: true },
  query: { type: "string", multiple: true },
  seed: { type: "string" },
  override: { type: "string" },
  subscription: { type: "string" },
  timeout: { type: "string" },
  verbose: { type: "boolean" },
} as const;

function statusColour(colour: Palette, status: number): (text: string) => string {
  return status < 300 ? colour.green : status < 400 ? colour.yellow : colour.red;
}

function prettyBody(result: SendResult): string {
  return result.json === undefined ? result.text : JSON.stringify(result.json, null, 2);
}

/** The reason a request got no answer, without a stack. */
function networkFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { message?: unknown } }).cause;
  return typeof cause?.message === "string" ? cause.message : (error as Error).message;
}

/**
 * `cmshooks send <vendor> <event> --url …`: sends one realistic, signed
 * delivery and prints the answer; exit 1 unless it is 2xx.
 *
 * @example
 * ```ts
 * process.exitCode = await sendCommand(["blox", "editorial.update_asset", "--url", url, "--secret", "s3cret"], process);
 * ```
 */
export async function sendCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("send"));
    return EXIT_OK;
  }
  const output = commandOutput(io, values);
  const registered = vendorArgument(positionals[0]);
  const vendor = registered.kit.vendor;
  if (values.subscription !== undefined && vendor !== "contensis") throw new UsageError(`--subscription is for contensis, not ${vendor}`);
  const subscription = values.subscription === undefined ? undefined : await subscriptionArgument(values.subscription, process.cwd());
  const entry = subscription ? { ...registered, kit: subscription.kit } : registered;
  const event = eventArgument(entry, positionals[1]);
  if (subscription && !subscription.events.includes(event)) {
    throw new UsageError(`the subscription in ${values.subscription} never sends ${event}; its events: ${subscription.events.join(", ")}`);
  }
  noExtraPositionals(positionals, 2);
  // As given, not normalised: a URL without a path gets the delivery's suggested one (deliveryUrl).
  const target = String(urlArgument(values.url, `http://127.0.0.1:3000/hooks/${vendor}`) && values.url);
  const secret = secretArgument(values.secret, io.env, entry);
  if (entry.authenticity === "signature" && secret === undefined) {
    throw new UsageError(`${vendor} signs its deliveries: --secret (or CMSHOOKS_SECRET) is required`);
  }
  if (entry.authenticity === "credentials" && secret !== undefined) {
    throw new UsageError(`${vendor} signs nothing: send credentials with --basic, --header or --query instead of --secret`);
  }
  const basic = values.basic === undefined ? undefined : basicArgument(values.basic);
  const headers = (values.header ?? []).map((h) => headerArgument(h, "--header"));
  const queries = (values.query ?? []).map((q) => queryArgument(q, "--query"));
  const timeoutMs = integerArgument(values.timeout, "--timeout", { min: 1, max: 600_000, fallback: 10_000 });
  const seed = integerArgument(values.seed, "--seed", { min: 0, max: 2 ** 32 - 1, fallback: 1 });
  const override = overrideArgument(values.override);
  const overrides = override && checkedOverride(entry, event, await entry.kit.delivery(event, { seed }), override, subscription);
  // The kit gets the first credential (kits of unsigned vendors apply it); every flag is applied below as well.
  const auth: TestAuth | undefined = basic ?? (headers[0] ? { header: headers[0] } : queries[0] ? { query: queries[0] } : undefined);

  // A URL with a path is where the delivery goes: vendors that sign the request target (Contentful) sign that path.
  const targetUrl = new URL(target);
  const targetPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+$/i.test(target) ? undefined : `${targetUrl.pathname}${targetUrl.search}`;
  const built = await entry.kit.delivery(event, {
    ...(targetPath === undefined ? {} : { path: targetPath }),
    ...(secret === undefined ? {} : { secret }),
    ...(auth ? { auth } : {}),
    ...(overrides ? { overrides } : {}),
    seed,
    headers: { ...authHeaders(basic), ...Object.fromEntries(headers.map((h) => [h.name, h.value])) },
  });
  // No silent default: without credentials the delivery carries none (a subscription's own secret headers are the user's).
  const credentialsGiven = secret !== undefined || auth !== undefined || subscription !== undefined;
  const { delivery, dropped } = credentialsGiven ? { delivery: built, dropped: [] } : await withoutDefaultCredentials(entry.kit, built, new Set(headers.map((h) => h.name)));
  if (entry.authenticity === "credentials" && !credentialsGiven && !output.json) {
    output.note(
      `note: sending without credentials${dropped.length ? ` (no ${dropped.join(", ")} header)` : ""}; if your receiver checks some, add --basic user:pass, --header "Name: value" or --query name=value`,
    );
  }
  const url = deliveryUrl(delivery, target);
  for (const q of queries) url.searchParams.set(q.name, q.value);

  const { colour } = output;
  if (!output.json) {
    output.line(`${colour.bold("→")} ${delivery.method} ${url.href}  ${colour.dim(`${vendor} ${event}, ${delivery.body.length} bytes`)}`);
    if (values.verbose) {
      for (const [name, value] of Object.entries(delivery.headers)) output.line(colour.dim(`  ${name}: ${value}`));
      output.line(colour.dim(`  ${delivery.text.split("\n").join("\n  ")}`));
    }
  }
  let result: SendResult;
  try {
    result = await send(delivery, url, { timeoutMs });
  } catch (error) {
    const reason = networkFailure(error, timeoutMs);
    if (output.json) output.jsonLine({ vendor, event, request: { method: delivery.method, url: url.href }, error: reason });
    else output.note(output.errorColour.red(`✗ could not reach ${url.href}: ${reason}`));
    return EXIT_FAILURE;
  }
  if (output.json) {
    output.jsonLine({
      vendor,
      event,
      request: { method: delivery.method, url: result.url, headers: delivery.headers, body: delivery.text },
      response: {
        status: result.status,
        statusText: result.statusText,
        ok: result.ok,
        headers: result.headers,
        body: result.text,
        json: result.json,
        durationMs: result.durationMs,
      },
    });
  } else {
    const paint = statusColour(colour, result.status);
    output.line(`${colour.bold("←")} ${paint(`${result.status} ${result.statusText}`.trim())}  ${colour.dim(`${result.durationMs} ms`)}`);
    if (result.text !== "") output.line(prettyBody(result));
  }
  if (result.status === 404 && !output.json) output.note(notFoundHint(url, delivery.path));
  return result.ok ? EXIT_OK : EXIT_FAILURE;
}
