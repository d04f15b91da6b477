import { existsSync } from "node:fs";
import { join } from "node:path";
import { IN_CI, skipOutsideCi } from "./ci.js";
import { repoRoot } from "./pack-workspaces.js";

export { IN_CI };

/** Thrown when a runtime cannot be installed or started on this machine (as opposed to answering wrongly). */
export class RuntimeUnavailableError extends Error {
  override readonly name = "RuntimeUnavailableError";
}

/**
 * The Bun or Deno executable the root devDependencies (`bun`, `deno`) install.
 * Throws {@link RuntimeUnavailableError} when it is not there.
 */
export function runtimeBinary(name: "bun" | "deno"): string {
  const binary = join(repoRoot, "node_modules/.bin", name);
  if (!existsSync(binary)) throw new RuntimeUnavailableError(`${name} is not installed: ${binary} is missing (npm ci installs it with the "${name}" package)`);
  return binary;
}

/** Whether an error from spawning a binary means it could not run at all (missing, not executable, wrong platform). */
export function isSpawnFailure(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "ENOENT" || code === "EACCES" || code === "ENOEXEC";
}

/**
 * What a test does when a runtime is unavailable: under CI it fails with the
 * reason; elsewhere it says so on stderr and skips.
 *
 * @example
 * ```ts
 * try { binary = runtimeBinary("bun"); } catch (error) { return unavailable(error, ctx.skip); }
 * ```
 */
export function unavailable(error: unknown, skip: (note: string) => never): never {
  if (!(error instanceof RuntimeUnavailableError)) throw error;
  skipOutsideCi(error.message);
  return skip(error.message);
}
