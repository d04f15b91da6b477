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
   * pipeline (receiver.ts and its helpers) is the code every delivery runs through, so nearly every test covers
   * its mutants and per-test coverage narrows little: the core unit tests (with pipeline/*.test.ts, which drive
   * the receiver directly: hand-off, dispatch, listeners, responses, tenants, delivery log), and the end-to-end
   * tests that reach the rest quickly without Redis, browsers, other runtimes, packaging or load: the adapters
   * (fetch, Node, every framework), auth, three vendors' pipelines (dedupe, unified events, batches,
   * unknown and invalid events), tenants (DeliveryTenant, peek), logging and telemetry (the observed path),
   * hardening (forbidden-source hints, hand-off of an unserialisable body) and the regressions.
   * Their tests that need Redis are left out by PIPELINE_NEEDS_REDIS below.
   */
  pipeline: [
    "packages/core/src/**/*.test.ts",
    "test/adapters.test.ts",
    "test/receiver-auth.e2e.test.ts",
    "test/blox-pipeline.e2e.test.ts",
    "test/kontent-pipeline.e2e.test.ts",
    "test/contensis-pipeline.e2e.test.ts",
    "test/tenants.e2e.test.ts",
    "test/observability/*.test.ts",
    "test/security/hardening.test.ts",
    "test/reliability/regressions.test.ts",
    "test/dedupe-memory-store-bounds.test.ts",
  ],
};

/** Tests of the pipeline's set that use the real Redis (a BullMQ worker, the Redis dedupe store): slow per mutant, and they cover no pipeline branch the others miss. */
const PIPELINE_NEEDS_REDIS = ["the queue worker continues the trace", "with the Redis store"];

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
      `^(?!.*(?:under a million distinct ids${module === "pipeline" ? PIPELINE_NEEDS_REDIS.map((name) => `|${name}`).join("") : ""}))`,
    ),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
