import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// These helpers run the BUILT binary, as `npx cmshooks` would: build it first (cd packages/testkit && npx tsup).
export const CLI = fileURLToPath(new URL("../../packages/testkit/dist/cli.js", import.meta.url));

const baseEnv: NodeJS.ProcessEnv = { ...process.env };
delete baseEnv.NO_COLOR;
delete baseEnv.FORCE_COLOR;
delete baseEnv.CMSHOOKS_SECRET;

/** Throws when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build it with (cd packages/testkit && npx tsup)`);
}

/** What one CLI run printed, and its exit code. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `cmshooks …` as a child process, with the test's environment minus colour and secret variables. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { env: { ...baseEnv, ...env }, stdio: ["pipe", "pipe", "pipe"] });
}

/** Runs `cmshooks …` to completion. */
export function cli(args: readonly string[], options: { input?: string | Uint8Array; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, options.env);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input);
  });
}

/** A long-running `cmshooks listen`, with its output so far. */
export function listen(args: readonly string[]) {
  const child = startCli(["listen", ...args]);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    output: () => stdout,
    async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = stdout.match(pattern);
        if (match) return match;
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`listen never printed ${pattern}; stdout:\n${stdout}\nstderr:\n${stderr}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop(): Promise<{ code: number | null; stderr: string }> {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await exited;
      return { code, stderr };
    },
  };
}
