import { paletteFor, type CliIo, type Palette } from "./cli-io.js";

/** How a command writes: text lines or JSON, with colour where the stream allows it. */
export interface CommandOutput {
  readonly json: boolean;
  /** Styles for stdout. */
  readonly colour: Palette;
  /** Styles for stderr. */
  readonly errorColour: Palette;
  /** One line of text to stdout. */
  line(text?: string): void;
  /** One value as a JSON line to stdout. */
  jsonLine(value: unknown): void;
  /** One line of text to stderr. */
  note(text: string): void;
}

/**
 * The output of one command run, from its `--json` and `--no-color` flags.
 *
 * @example
 * ```ts
 * const output = commandOutput(io, values);
 * output.json ? output.jsonLine({ ok: true }) : output.line(output.colour.green("ok"));
 * ```
 */
export function commandOutput(io: CliIo, flags: { json?: boolean | undefined; "no-color"?: boolean | undefined }): CommandOutput {
  const noColor = flags["no-color"] === true;
  return {
    json: flags.json === true,
    colour: paletteFor(io.stdout, io.env, noColor),
    errorColour: paletteFor(io.stderr, io.env, noColor),
    line: (text = "") => void io.stdout.write(`${text}\n`),
    jsonLine: (value) => void io.stdout.write(`${JSON.stringify(value)}\n`),
    note: (text) => void io.stderr.write(`${text}\n`),
  };
}
