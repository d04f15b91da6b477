import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

/** One subpath export per vendor (`@cmshooks/testkit/kontent`): its kit without the other vendors' types. */
const VENDORS = ["blox", "kontent", "contensis", "inbenta", "kapost", "storyblok", "strapi", "sanity", "contentful", "hygraph"];

export default defineConfig([
  {
    entry: { index: "src/index.ts", ...Object.fromEntries(VENDORS.map((vendor) => [vendor, `src/entries/${vendor}.ts`])) },
    format: ["esm", "cjs"],
    dts: true,
    // Keep the CLI build below: both configs write to dist/ at the same time.
    clean: ["!cli.js", "!cli.js.map"],
    sourcemap: true,
    target: "node20",
    treeshake: true,
  },
  {
    // The `cmshooks` bin: ESM only, executable, with the shebang on this entry alone.
    entry: ["src/cli.ts"],
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    define: { __CMSHOOKS_VERSION__: JSON.stringify(version) },
  },
]);
