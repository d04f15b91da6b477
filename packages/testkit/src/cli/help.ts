import { vendorIds } from "../vendors/index.js";

/** The CLI's commands. */
export type CommandName = "send" | "sign" | "verify" | "listen" | "replay" | "events" | "payload";

const vendorsLine = () => `Vendors: ${vendorIds.join(", ")}`;

const CREDENTIALS = `Credentials (the same flags on send and listen):
  --secret <secret>         shared secret of a vendor that signs (or env CMSHOOKS_SECRET)
  --basic <user:pass>       basic auth, for a vendor that signs nothing
  --header <name:value>     a secret header (send: an extra header; repeatable)
  --query <name=value>      a secret query parameter (send: repeatable)
  (send: without any of these, a vendor that signs nothing gets a delivery without credentials)`;

const COMMON = `  --json                    machine-readable output
  --no-color                no colour (also NO_COLOR=1; colour is only used on a terminal)
  -h, --help                this help`;

/**
 * Usage text of the whole CLI.
 *
 * @example
 * ```ts
 * process.stdout.write(mainHelp());
 * ```
 */
export function mainHelp(): string {
  return `cmshooks: fire realistic, signed CMS webhook deliveries at your server, and inspect them

Usage: cmshooks <command> [options]

Commands:
  send <vendor> <event>       send one signed delivery and print the answer
  sign <vendor>               print the headers that authenticate a body (stdin)
  verify <vendor>             check a body (stdin) against its signature or credentials
  listen                      run a local receiver that prints every delivery it gets, with a live inspector page
  replay <source>             send recorded deliveries again (a JSONL file or redis://host:port/stream)
  events [vendor]             list native events and the unified events they map to
  payload <vendor> <event>    print a sample delivery body

Examples:
  cmshooks send blox editorial.update_asset --url http://127.0.0.1:3000/hooks/blox --secret s3cret
  cmshooks payload blox editorial.update_asset > body.json
  cmshooks sign blox --secret s3cret < body.json
  cmshooks verify blox --secret s3cret --header 'X-Hook-Signature: 3q2+7w==' < body.json
  cmshooks listen --port 3000 --vendor blox --secret s3cret --record deliveries.jsonl
  cmshooks replay deliveries.jsonl --url http://127.0.0.1:3000 --only failed
  cmshooks events blox

Run 'cmshooks <command> --help' for a command's options.
${vendorsLine()}
Exit status: 0 ok, 1 failure (a non-2xx answer, an invalid signature, no connection), 2 usage error.
`;
}

const HELP: Record<CommandName, () => string> = {
  send: () => `Usage: cmshooks send <vendor> <event> --url <url> [options]

Builds a complete, realistic delivery of one native event (body, headers, the
vendor's signature or your credentials), sends it over HTTP and prints the
status and response body. Exits 1 unless the answer is 2xx.

Options:
  --url <url>               where to send it; a URL without a path gets the suggested one (/hooks/<vendor>)
  --seed <n>                sample data seed (same seed, same delivery; default 1)
  --override <json>         JSON deep-merged into the payload, e.g. '{"data":{"title":"Hello"}}'; its keys are
                            checked against the event's schema. For Kontent.ai it may also be written against the
                            body 'cmshooks payload' prints: '{"notifications":[{…}]}'
  --subscription <file>     contensis: render with your subscription's templates and headers (a .json file, or a
                            .js/.mjs module exporting \`subscription\` or a default)
  --timeout <ms>            give up after this long (default 10000)
  --verbose                 also print the request headers and body
${CREDENTIALS}
${COMMON}

Examples:
  cmshooks send blox editorial.update_asset --url http://127.0.0.1:3000/hooks/blox --secret s3cret
  cmshooks send blox user.create_user --url http://127.0.0.1:3000 --secret s3cret --override '{"data":{"email":"a@b.example"}}'
  CMSHOOKS_SECRET=s3cret cmshooks send blox editorial.delete_asset --url http://127.0.0.1:3000/hooks/blox --json
${vendorsLine()}
`,
  sign: () => `Usage: cmshooks sign <vendor> --secret <secret> [--file body.json] < body.json

Prints the headers a delivery of this body needs: the vendor's signature over
the exact bytes read (a trailing newline is signed too), or the credential
header for a vendor that signs nothing.

Options:
  --file <path>             read the body from a file instead of stdin
  --secret <secret>         the signing secret (or env CMSHOOKS_SECRET)
  --basic <user:pass>       for a vendor that signs nothing: print the Authorization header
  --header <name:value>     for a vendor that signs nothing: print this secret header
${COMMON}

Examples:
  cmshooks payload blox editorial.update_asset > body.json
  cmshooks sign blox --secret s3cret < body.json
  cmshooks sign blox --secret s3cret --file body.json --json
${vendorsLine()}
`,
  verify: () => `Usage: cmshooks verify <vendor> --secret <secret> --header '<Name: value>' < body.json

Checks a body against the headers it came with, using the vendor's own
authenticity checks: says valid, or invalid and why. Exits 1 when invalid.

Options:
  --header <Name: value>    a header the delivery came with (repeatable)
  --url <path?query>        the request target, for a query secret
  --file <path>             read the body from a file instead of stdin
  --secret <secret>         the signing secret you configured (or env CMSHOOKS_SECRET)
  --basic <user:pass>       expected basic auth, for a vendor that signs nothing
  --expect-header <n:v>     expected secret header, for a vendor that signs nothing
  --expect-query <n=v>      expected query secret, for a vendor that signs nothing
${COMMON}

Examples:
  cmshooks verify blox --secret s3cret --header 'X-Hook-Signature: 3q2+7w==' < body.json
  sig=$(cmshooks sign blox --secret s3cret --file body.json)
  cmshooks verify blox --secret s3cret --header "$sig" --file body.json
${vendorsLine()}
`,
  listen: () => `Usage: cmshooks listen --vendor <vendor> [--port 3000] [credentials]

Runs a local receiver (node:http) that verifies and validates every delivery
like your app would, answers with the real status, and prints each one: the
authenticity result, the native event, the unified events it maps to, and
validation errors with their paths. A local inspector instead of a request bin:
open its address in a browser (GET /) to watch deliveries arrive live and open
each one (headers with credentials masked, raw body, typed event, copy as curl).
Deliveries arrive by POST on any path. Stop it with Ctrl-C.

Options:
  --vendor <vendor>         which sender to expect (required)
  --port <n>                port (default 3000; 0 picks a free one)
  --host <host>             address to bind (default 127.0.0.1)
  --verbose                 also print each event's payload
  --record <file>           append every delivery to a JSONL file (exact body, credentials masked) for replay
  --allow-unauthenticated   accept deliveries without any check (vendors that sign nothing)
${CREDENTIALS.replace("(the same flags on send and listen)", "(what the receiver requires)")}
${COMMON}

Examples:
  cmshooks listen --port 3000 --vendor blox --secret s3cret
  cmshooks listen --port 0 --vendor blox --secret s3cret --json     # one JSON line per delivery
  cmshooks listen --port 3000 --vendor kapost --basic cms:pa55 --record kapost.jsonl
  cmshooks send blox editorial.update_asset --url http://127.0.0.1:3000 --secret s3cret   # in another terminal
${vendorsLine()}
`,
  events: () => `Usage: cmshooks events [vendor]

Lists each vendor's native events and the unified events (onContentPublish, …)
they map to. The mapping is not a second table: each event's sample delivery
runs through the vendor's provider and its mapping is recorded.

Options:
${COMMON}

Examples:
  cmshooks events
  cmshooks events blox --json
${vendorsLine()}
`,
  replay: () => `Usage: cmshooks replay <source>... --url <url> [options]

Sends recorded deliveries again, oldest first, with their exact body bytes and
headers (a signature still verifies), and prints each answer's status. A target
with dedupe on answers "duplicate" for a delivery it already handled: its
handlers do not run twice. Credentials were masked when recorded; put them back
with the same flags send takes. An entry that cannot be used (a corrupt or
truncated line, a masked credential you did not give) is reported and skipped.
Exits 1 unless every entry was sent and answered 2xx.

Sources:
  <file.jsonl>...           files from listen --record or fileDeliveryLog (rotated ones too: log.jsonl.1 log.jsonl)
  redis://host:port/<stream>  a stream from redisDeliveryLog (needs the ioredis package)

Options:
  --url <url>               where to send them; a URL without a path keeps each recorded path
  --only <failed|rejected>  only deliveries that were answered 5xx (failed) or 4xx (rejected)
  --since <time|age>        only deliveries received since then: 2026-12-01T08:00:00Z, 30m, 24h, 7d
  --dry-run                 print what would be sent, send nothing
  --timeout <ms>            give up on one answer after this long (default 10000)
  --basic <user:pass>       put back masked basic auth
  --header <name:value>     put back a masked secret header (repeatable)
  --query <name=value>      put back a masked query secret (repeatable)
${COMMON}

Examples:
  cmshooks replay failed.jsonl --url http://127.0.0.1:3000 --only failed --since 24h
  cmshooks replay redis://127.0.0.1:6379/hooks:failed --url https://app.example --dry-run
  cmshooks replay kapost.jsonl.1 kapost.jsonl --url http://127.0.0.1:3000 --basic cms:pa55 --json
`,
  payload: () => `Usage: cmshooks payload <vendor> <event> [--seed n] [--override json]

Prints the body of a sample delivery exactly as it would be sent (and signed).

Options:
  --seed <n>                sample data seed (default 1)
  --override <json>         JSON deep-merged into the payload
${COMMON}

Examples:
  cmshooks payload blox editorial.update_asset > body.json
  cmshooks payload blox user.update_user --seed 7 --override '{"data":{"region":"WI"}}'
${vendorsLine()}
`,
};

/**
 * Usage text of one command.
 *
 * @example
 * ```ts
 * process.stdout.write(commandHelp("send"));
 * ```
 */
export function commandHelp(command: CommandName): string {
  return HELP[command]();
}

/**
 * Whether a word names a command.
 *
 * @example
 * ```ts
 * if (!isCommand(argv[0])) throw new UsageError(`unknown command "${argv[0]}"`);
 * ```
 */
export function isCommand(word: string | undefined): word is CommandName {
  return word !== undefined && Object.hasOwn(HELP, word);
}
