/**
 * The vitest configuration StrykerJS runs (`npm run mutate`, see stryker.config.mjs).
 * Every `@cmshooks/*` import resolves to the package's TypeScript source inside
 * Stryker's sandbox, so the tests in test/ exercise the mutated code rather than
 * the built dist/ files. Only the tests that cover the mutated modules and run
 * in seconds are included: no packaging, runtime, load or Redis-cluster suites.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const packages = readdirSync(`${root}packages`);
const entry = (name: string) => `${root}packages/${name}/src/${name === "core" ? "node" : "index"}.ts`;

/** The tests of every module: all that cover the mutated modules and run in seconds. */
const ALL_TESTS = [
  "packages/core/src/**/*.test.ts",
  "packages/kontent/src/**/*.test.ts",
  "packages/blox/src/sign*.test.ts",
  "packages/node/src/read-body.test.ts",
  "test/dedupe-memory-store-bounds.test.ts",
  "test/receiver-auth.e2e.test.ts",
  "test/receiver-auth-path-secret.e2e.test.ts",
  "test/ip-allowlist.e2e.test.ts",
  "test/adapters.test.ts",
  "test/*-pipeline.e2e.test.ts",
  "test/bounded-reads.test.ts",
  "test/constant-time.test.ts",
  "test/reliability/regressions.test.ts",
];

/**
 * Modules whose code every end-to-end test runs through (each request resolves
 * its client address and checks its credentials) get their own unit and
 * end-to-end tests only: with all of ALL_TESTS, each of their mutants (ip has
 * ~1 300) would rerun hundreds of vendor pipeline tests on a shared 2-core machine.
 */
const TESTS_OF: Record<string, readonly string[]> = {
  ip: ["packages/core/src/ip/**/*.test.ts", "test/ip-allowlist.e2e.test.ts", "test/adapters.test.ts"],
  auth: [
    "packages/core/src/**/*.test.ts",
    "packages/kontent/src/signature*.test.ts",
    "test/receiver-auth.e2e.test.ts",
    "test/receiver-auth-path-secret.e2e.test.ts",
    "test/constant-time.test.ts",
  ],
};

/** The module Stryker is mutating (set by scripts/mutate.mjs and inherited by its test runners), if one. */
const module = process.env.MUTATION_MODULE ?? "all";

export default defineConfig({
  resolve: {
    alias: packages.map((name) => ({ find: new RegExp(`^@cmshooks/${name}$`), replacement: entry(name) })),
  },
  test: {
    include: [...(TESTS_OF[module] ?? ALL_TESTS)],
    // A million-entry heap check is a load test: far too slow instrumented, and it tests no mutable branch the others miss.
    testNamePattern: /^(?!.*under a million distinct ids)/,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
