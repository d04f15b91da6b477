/**
 * `@cmshooks/testkit/<vendor>`: every vendor of the registry has a subpath export, for ESM and CommonJS,
 * whose kit makes deliveries a receiver of that vendor accepts, and whose types load that vendor's
 * package alone (the point of the subpath: a smaller type-check than the root export's ten vendors).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createReceiver } from "@cmshooks/core";
import { sampleCredentials, vendorIds, vendors, type VendorEntry } from "@cmshooks/testkit";
import { kontentTestkit, toHandleInput, type VendorTestkit } from "@cmshooks/testkit/kontent";
import { describe, expect, expectTypeOf, it } from "vitest";
import { repoRoot } from "./support/pack-workspaces.js";

const run = promisify(execFile);
const manifest = JSON.parse(readFileSync(join(repoRoot, "packages/testkit/package.json"), "utf8")) as { exports: Record<string, unknown> };
const subpaths = Object.keys(manifest.exports).filter((key) => key !== "." && key !== "./package.json");
const require = createRequire(import.meta.url);

/** The kit a subpath module exports for a vendor: `<vendor>Testkit`. */
function kitOf(module: Record<string, unknown>, id: string): VendorTestkit<Record<string, unknown>> {
  return module[`${id}Testkit`] as VendorTestkit<Record<string, unknown>>;
}

/** Status of one delivery of the kit's first event, through a receiver of the vendor's provider. */
async function statusOf(entry: VendorEntry, kit: VendorTestkit<Record<string, unknown>>, handleInput: typeof toHandleInput): Promise<number> {
  const credentials = sampleCredentials(entry);
  const receiver = createReceiver({ provider: entry.provider(credentials) });
  const delivery = await kit.delivery(kit.events[0]!, credentials);
  return (await receiver.handle(handleInput(delivery, { ip: "127.0.0.1" }))).status;
}

describe("@cmshooks/testkit/<vendor>", () => {
  it("exists for every vendor of the registry, and only for them", () => {
    expect([...subpaths].sort()).toEqual(vendorIds.map((id) => `./${id}`).sort());
  });

  it.for(vendorIds)("%s: imports (ESM) with a kit whose deliveries its receiver accepts (200)", async (id) => {
    const module = (await import(/* @vite-ignore */ `@cmshooks/testkit/${id}`)) as Record<string, unknown>;
    const kit = kitOf(module, id);
    expect(kit.vendor).toBe(id);
    expect(kit.events).toEqual(vendors[id].kit.events);
    expect(await statusOf(vendors[id] as VendorEntry, kit, module.toHandleInput as typeof toHandleInput)).toBe(200);
  });

  it.for(vendorIds)("%s: requires (CommonJS) with the same kit and helpers", async (id) => {
    const module = require(`@cmshooks/testkit/${id}`) as Record<string, unknown>;
    expect(kitOf(module, id).vendor).toBe(id);
    expect(typeof module.toRequest).toBe("function");
    expect(await statusOf(vendors[id] as VendorEntry, kitOf(module, id), module.toHandleInput as typeof toHandleInput)).toBe(200);
  });

  it("types the kit like the root export does", () => {
    expectTypeOf(kontentTestkit).toEqualTypeOf(vendors.kontent.kit);
    // @ts-expect-error a misspelt event does not compile
    void kontentTestkit.payload("content_item.publishd");
  });

  it("loads no other vendor's declarations into a type-check", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "cmshooks-subpath-types-"));
    try {
      await writeFile(
        join(dir, "app.ts"),
        'import { kontentTestkit, toRequest } from "@cmshooks/testkit/kontent";\nexport const request = kontentTestkit.delivery("content_item.published").then((d) => toRequest(d));\n',
      );
      const tsconfig = {
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, noEmit: true, types: [], typeRoots: [] },
        files: ["app.ts"],
      };
      await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
      // Resolve @cmshooks/* from the monorepo's node_modules, as an app that installed them would.
      await writeFile(join(dir, "package.json"), JSON.stringify({ name: "subpath-app", type: "module" }));
      await run("ln", ["-s", join(repoRoot, "node_modules"), join(dir, "node_modules")]);
      const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
      const { stdout } = await run(process.execPath, [tsc, "-p", dir, "--listFilesOnly"], { timeout: 100_000 });
      const cmshooks = stdout.split("\n").filter((file) => /[\\/]packages[\\/]|@cmshooks/.test(file));
      expect(cmshooks.some((file) => /kontent/.test(file))).toBe(true);
      const others = ["blox", "contensis", "inbenta", "kapost", "storyblok", "strapi", "sanity", "contentful", "hygraph"];
      expect(cmshooks.filter((file) => others.some((vendor) => file.includes(`/${vendor}/`)))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
