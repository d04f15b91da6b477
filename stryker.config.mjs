// @ts-check
import { MUTATION_MODULES } from "./scripts/mutation-modules.mjs";

/** The module this run mutates (MUTATION_MODULE, set by scripts/mutate.mjs), or all of them as "all". */
const module = process.env.MUTATION_MODULE ?? "all";
const files = module === "all" ? Object.values(MUTATION_MODULES).flat() : MUTATION_MODULES[/** @type {keyof MUTATION_MODULES} */ (module)];
if (!files) throw new Error(`MUTATION_MODULE=${module} is not one of: ${Object.keys(MUTATION_MODULES).join(", ")}`);

/**
 * Mutation testing of the security- and correctness-critical modules. Run it
 * through `npm run mutate [module…]` (scripts/mutate.mjs), which runs one module
 * at a time with its own incremental file (reports/stryker-incremental-<module>.json,
 * committed), so a re-run after a small change only tests the mutants in changed
 * code or covered by changed tests, and writes test/MUTATION.md. The modules and
 * their files are in scripts/mutation-modules.mjs. Not part of `npm test`.
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  mutate: files,
  ignorePatterns: ["dist", "docs", "coverage", ".turbo", "bench/.out", "examples", "*.tgz"],
  concurrency: 2,
  timeoutMS: 20_000,
  // pipeline: receivers built when a test file loads make ~130 of its mutants static, each a rerun of every test
  // (70 % of the run's time, and the vitest runner misreports static mutants anyway: see test/MUTATION.md's Notes).
  // Mutants also covered inside tests still run against those tests; only the purely static ones (module-level
  // constants) are Ignored, and they are listed in the Notes.
  ignoreStatic: module === "pipeline",
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${module}.json`,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: `reports/mutation/${module}.json` },
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: "always",
};

export default config;
