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
  /**
   * pipeline (receiver.ts and its helpers) is the code every delivery runs through, so nearly every end-to-end
   * test covers each of its mutants and per-test coverage narrows little: a first run against the adapters,
   * receiver-auth and tenants suites as well estimated two hours on the shared 2 cores (every receiver mutant
   * reran ~300 end-to-end tests, the 1 000-tenant one among them). So: the core unit tests, among them
   * pipeline/*.test.ts, which drive the receiver directly (configuration, answers, listeners, forbidden-source
   * hints, auth order, delivery ids, dedupe, hand-off, dispatch, tenants, fetch, the delivery log), and the
   * few end-to-end suites that add what those miss, quickly and without Redis: three vendors' pipelines
   * (unified mappings, batches, unknown and invalid events, vendor ids, meta), logging and telemetry (the
   * reporter and the observed path), hardening and the regressions. The adapters, auth and tenants suites
   * test their own modules through the same receiver paths.
   */
  pipeline: [
    "packages/core/src/**/*.test.ts",
    "test/blox-pipeline.e2e.test.ts",
    "test/kontent-pipeline.e2e.test.ts",
    "test/contensis-pipeline.e2e.test.ts",
    "test/observability/*.test.ts",
    "test/security/hardening.test.ts",
    "test/reliability/regressions.test.ts",
    "test/dedupe-memory-store-bounds.test.ts",
  ],
};

/**
 * Tests of the pipeline's set left out of its runs: those that use the real Redis (a BullMQ worker, the Redis
 * dedupe store), and logging's flood control, which waits a second for the Reporter (not pipeline code).
 */
const PIPELINE_LEFT_OUT = ["the queue worker continues the trace", "with the Redis store", "flood control"];

/** The module Stryker is mutating (set by scripts/mutate.mjs and inherited by its test runners), if one. */
const module = process.env.MUTATION_MODULE ?? "all";

export default defineConfig({
  resolve: {
    alias: packages.map((name) => ({ find: new RegExp(`^@cmshooks/${name}$`), replacement: entry(name) })),
  },
  test: {
    include: [...(TESTS_OF[module] ?? ALL_TESTS)],
    // A million-entry heap check is a load test: far too slow instrumented, and it tests no mutable branch the others miss.
    testNamePattern: new RegExp(
      `^(?!.*(?:under a million distinct ids${module === "pipeline" ? PIPELINE_LEFT_OUT.map((name) => `|${name}`).join("") : ""}))`,
    ),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
