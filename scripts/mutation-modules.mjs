/**
 * The modules `npm run mutate` covers, each with the files Stryker mutates
 * (globs, `!` excludes). One incremental file and one report per module.
 */
export const MUTATION_MODULES = {
  auth: ["packages/core/src/auth/**/*.ts", "packages/core/src/coarse-clock.ts", "!packages/core/src/auth/**/*.test.ts", "!packages/core/src/auth/*.test-support.ts"],
  ip: ["packages/core/src/ip/**/*.ts", "!packages/core/src/ip/**/*.test.ts", "!packages/core/src/ip/*.test-support.ts", "!packages/core/src/ip/index.ts"],
  pipeline: [
    "packages/core/src/pipeline/**/*.ts",
    "!packages/core/src/pipeline/**/*.test.ts",
    "!packages/core/src/pipeline/read-request-body.ts",
    "!packages/core/src/pipeline/read-stream-body.ts",
  ],
  dedupe: ["packages/core/src/dedupe/**/*.ts", "!packages/core/src/dedupe/**/*.test.ts"],
  "body-readers": ["packages/core/src/pipeline/read-request-body.ts", "packages/core/src/pipeline/read-stream-body.ts", "packages/node/src/read-body.ts"],
  signatures: ["packages/kontent/src/signature.ts", "packages/kontent/src/sign.ts", "packages/kontent/src/line-breaks.ts", "packages/blox/src/sign.ts"],
};
