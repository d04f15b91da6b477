import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built `cmshooks` binary, as `npx cmshooks` runs it (build it first: cd packages/testkit && npx tsup). */
export const CLI = fileURLToPath(new URL("../../packages/testkit/dist/cli.js", import.meta.url));

/** What one CLI run printed, and its exit status. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI in a real process without colour and without `CMSHOOKS_SECRET`.
 *
 * @example
 * ```ts
 * const run = await runCli(["send", "blox", "editorial.update_asset", "--url", url, "--secret", "s"]);
 * ```
 */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.CMSHOOKS_SECRET;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd: options.cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
