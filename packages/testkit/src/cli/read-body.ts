import { readFile } from "node:fs/promises";
import type { CliIo } from "./cli-io.js";
import { UsageError } from "./usage-error.js";

/**
 * The exact bytes of a body: from `--file`, else from stdin. Nothing is
 * trimmed or re-encoded: a signature covers every byte, newline included.
 *
 * @example
 * ```ts
 * const body = await readBodyArgument(io, values.file, "cmshooks sign blox --secret … < body.json");
 * ```
 */
export async function readBodyArgument(io: CliIo, file: string | undefined, example: string): Promise<Uint8Array> {
  if (file !== undefined) {
    try {
      return new Uint8Array(await readFile(file));
    } catch (error) {
      throw new UsageError(`cannot read --file ${file}: ${(error as Error).message}`);
    }
  }
  if (io.stdin.isTTY) throw new UsageError(`the body is read from stdin or --file, e.g. ${example}`);
  const chunks: Uint8Array[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
