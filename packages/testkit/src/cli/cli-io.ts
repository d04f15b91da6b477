/** A writable text stream, as `process.stdout` is. */
export interface TextOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** Where the CLI reads and writes; `process` in the binary. */
export interface CliIo {
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  readonly stdin: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** ANSI styles, or identity functions when colour is off. */
export interface Palette {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain = (text: string) => text;

/**
 * Colour only on a terminal: never when `NO_COLOR` is set (https://no-color.org)
 * or `--no-color` is given; `FORCE_COLOR` (not `0`) turns it on for pipes.
 *
 * @example
 * ```ts
 * const colour = paletteFor(process.stdout, process.env, false);
 * console.log(colour.green("200 OK"));
 * ```
 */
export function paletteFor(stream: TextOutput, env: CliIo["env"], noColorFlag: boolean): Palette {
  const noColor = noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== "");
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  const enabled = !noColor && (forced || stream.isTTY === true);
  if (!enabled) return { enabled, bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  return {
    enabled,
    bold: style(1, 22),
    dim: style(2, 22),
    red: style(31, 39),
    green: style(32, 39),
    yellow: style(33, 39),
    cyan: style(36, 39),
  };
}
