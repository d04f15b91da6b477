import type { DeliveryRecord } from "@cmshooks/core";
import { restoreRequest, type ReplayCredentials } from "../../replay/replay-request.js";
import { readReplaySource, redisSource } from "../../replay/replay-source.js";
import { sendRequest, type SendResult } from "../../send.js";
import { basicArgument, COMMON_OPTIONS, headerArgument, integerArgument, parseCommandLine, queryArgument, urlArgument } from "../arguments.js";
import type { CliIo } from "../cli-io.js";
import { commandOutput, type CommandOutput } from "../command-output.js";
import { commandHelp } from "../help.js";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../usage-error.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  url: { type: "string" },
  only: { type: "string" },
  since: { type: "string" },
  "dry-run": { type: "boolean" },
  basic: { type: "string" },
  header: { type: "string", multiple: true },
  query: { type: "string", multiple: true },
  timeout: { type: "string" },
} as const;

const RELATIVE = /^(\d+)(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `--since 24h` / `--since 2026-12-01T08:00:00Z` → a time. */
function sinceArgument(value: string | undefined, now: number): Date | undefined {
  if (value === undefined) return undefined;
  const relative = RELATIVE.exec(value);
  if (relative) return new Date(now - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new UsageError(`--since takes a time (2026-12-01T08:00:00Z) or an age (30m, 24h, 7d), got "${value}"`);
  return new Date(time);
}

function onlyArgument(value: string | undefined): ((record: DeliveryRecord) => boolean) | undefined {
  if (value === undefined) return undefined;
  if (value === "failed") return (r) => r.status >= 500;
  if (value === "rejected") return (r) => r.status >= 400 && r.status < 500;
  throw new UsageError(`--only takes failed (5xx) or rejected (4xx), got "${value}"`);
}

/** What happened to one record, for the summary. */
type Outcome = "handled" | "duplicate" | "refused" | "unreachable" | "skipped" | "would send";

interface Tally {
  readonly counts: Record<Outcome, number>;
  older: number;
  filtered: number;
}

/**
 * `cmshooks replay SOURCE… --url URL`: sends recorded deliveries again, with
 * their exact bytes and headers, and prints each answer. SOURCE is a JSONL file
 * (`fileDeliveryLog`, `listen --record`; rotated files may follow) or
 * `redis://host:port/<stream>` (`redisDeliveryLog`). Masked credentials are put
 * back from `--basic`, `--header` and `--query`; an entry that cannot be used
 * is reported and skipped. Exits 1 unless every entry was sent and answered 2xx.
 *
 * @example
 * ```ts
 * process.exitCode = await replayCommand(["failed.jsonl", "--url", "http://127.0.0.1:3000", "--only", "failed"], process);
 * ```
 */
export async function replayCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("replay"));
    return EXIT_OK;
  }
  const output = commandOutput(io, values);
  if (positionals.length === 0) throw new UsageError("a SOURCE is required: a JSONL file, or redis://host:port/<stream>");
  if (positionals.length > 1 && positionals.some((p) => redisSource(p) !== undefined)) {
    throw new UsageError("a redis:// source is replayed on its own");
  }
  const target = urlArgument(values.url, "http://127.0.0.1:3000");
  const only = onlyArgument(values.only);
  const since = sinceArgument(values.since, Date.now());
  const dryRun = values["dry-run"] === true;
  const timeoutMs = integerArgument(values.timeout, "--timeout", { min: 1, max: 600_000, fallback: 10_000 });
  const credentials: ReplayCredentials = {
    basic: values.basic === undefined ? undefined : (basicArgument(values.basic) as { basic: { username: string; password: string } }).basic,
    headers: (values.header ?? []).map((h) => headerArgument(h, "--header")),
    query: (values.query ?? []).map((q) => queryArgument(q, "--query")),
  };

  const tally: Tally = { counts: { handled: 0, duplicate: 0, refused: 0, unreachable: 0, skipped: 0, "would send": 0 }, older: 0, filtered: 0 };
  for (const source of positionals) {
    try {
      for await (const entry of readReplaySource(source, { since })) {
        if (!entry.record) {
          skip(output, tally, entry.where, entry.reason ?? "unusable");
          continue;
        }
        const record = entry.record;
        if (since && Date.parse(record.receivedAt) < since.getTime()) {
          tally.older++;
          continue;
        }
        if (only && !only(record)) {
          tally.filtered++;
          continue;
        }
        const request = restoreRequest(record, target, credentials);
        if (!request.ok) {
          skip(output, tally, entry.where, request.reason);
          continue;
        }
        const shown = `${request.method} ${target.origin}${record.path}`;
        const recorded = { receivedAt: record.receivedAt, status: record.status, ...(record.error ? { error: record.error } : {}) };
        if (dryRun) {
          tally.counts["would send"]++;
          if (output.json) output.jsonLine({ source: entry.where, request: shown, recorded, dryRun: true, bytes: request.body.length });
          else output.line(`${output.colour.dim("would send")} ${shown}  ${output.colour.dim(`${request.body.length} bytes, recorded ${record.receivedAt} → ${describeRecorded(record)}`)}`);
          continue;
        }
        let result: SendResult;
        try {
          result = await sendRequest(request, { timeoutMs });
        } catch (error) {
          tally.counts.unreachable++;
          const reason = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
          if (output.json) output.jsonLine({ source: entry.where, request: shown, recorded, error: reason });
          else output.line(`${output.colour.red("✗ no answer")} ${shown}: ${reason}`);
          continue;
        }
        const duplicate = result.ok && (result.json as { duplicate?: unknown } | undefined)?.duplicate === true;
        const outcome: Outcome = !result.ok ? "refused" : duplicate ? "duplicate" : "handled";
        tally.counts[outcome]++;
        if (output.json) {
          output.jsonLine({ source: entry.where, request: shown, recorded, status: result.status, duplicate, answer: result.json ?? result.text });
        } else {
          const { colour } = output;
          const paint = result.ok ? colour.green : colour.red;
          const label = `${result.status}${duplicate ? " duplicate" : result.ok ? "" : ` ${errorCode(result) ?? result.statusText}`}`;
          output.line(`${paint(result.ok ? "✓" : "✗")} ${paint(label)}  ${shown}  ${colour.dim(`recorded ${record.receivedAt} → ${describeRecorded(record)}`)}`);
        }
      }
    } catch (error) {
      output.note(output.errorColour.red(`✗ cannot read ${source}: ${(error as Error).message}`));
      return EXIT_FAILURE;
    }
  }

  const { counts } = tally;
  if (output.json) output.jsonLine({ summary: { ...counts, older: tally.older, filtered: tally.filtered } });
  else output.line(summaryLine(tally, dryRun));
  const failed = counts.refused + counts.unreachable + counts.skipped;
  return failed === 0 ? EXIT_OK : EXIT_FAILURE;
}

function describeRecorded(record: DeliveryRecord): string {
  return `${record.status}${record.error ? ` ${record.error}` : ""}`;
}

function errorCode(result: SendResult): string | undefined {
  const error = (result.json as { error?: unknown } | undefined)?.error;
  return typeof error === "string" ? error : undefined;
}

function skip(output: CommandOutput, tally: Tally, where: string, reason: string): void {
  tally.counts.skipped++;
  if (output.json) output.jsonLine({ source: where, skipped: reason });
  else output.note(output.errorColour.yellow(`⚠ skipped ${where}: ${reason}`));
}

function summaryLine(tally: Tally, dryRun: boolean): string {
  const { counts } = tally;
  const parts = dryRun
    ? [`${counts["would send"]} would be sent (dry run)`]
    : [`${counts.handled} handled`, `${counts.duplicate} duplicate`, `${counts.refused} refused`, ...(counts.unreachable ? [`${counts.unreachable} unanswered`] : [])];
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (tally.filtered) parts.push(`${tally.filtered} not matching --only`);
  if (tally.older) parts.push(`${tally.older} older than --since`);
  return `replay: ${parts.join(", ")}`;
}
