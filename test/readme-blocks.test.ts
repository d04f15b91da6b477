import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import * as core from "@cmshooks/core";
import { findVendor, vendorIds } from "@cmshooks/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeBlocks, readmeFiles, REPO_ROOT, type CodeBlock } from "./support/readme-blocks.js";
import { shellCommands, type ShellCommand } from "./support/readme-commands.js";
import { codeBlocksOf, typeCheck, writeBlockFiles, type BlockDiagnostic, type BlockFile } from "./support/readme-typecheck.js";
import { runCli } from "../packages/testkit/src/cli/run.js";

// Every README's code blocks, checked against the built packages (build them first: npm run build).
//
// ts/js blocks are type-checked as one strict program (the repository's tsconfig). A block is a
// complete module unless the README marks it, in an HTML comment right before the fence:
// - `<!-- fragment -->`: a snippet; the names it uses and does not declare come from
//   test/support/readme-prelude.ts (a secret, a Redis client, a queue, createReceiver, blox).
// - `<!-- continued -->`: goes on from the README's previous code block (checked as one module).
// - `<!-- run -->`: a complete program that is also run: its server gets a signed delivery and a
//   forged one (test/support/readme-run-block.ts).
// Functions of "your code" that handlers call (purgeCdn, reindex, …) come from
// test/support/readme-your-code.ts in any block. A block whose first line is `// name.ts …` is
// written under that name, so the README's other blocks can import it.
//
// sh blocks: `npm run` / `npm start -w` scripts exist, `npm install` names packages that exist,
// `cmshooks …` lines name a real command, vendor and event and parse (the built CLI with `--help`
// appended), `npx` binaries and `node` scripts exist.

const READMES = readmeFiles();
const SHELL_LANGS = new Set(["sh", "bash", "shell", "console"]);

/** The event a `<!-- run -->` block is sent, per vendor: one its handlers listen to. */
const RUN_EVENTS: Record<string, string> = { blox: "editorial.update_asset", kontent: "content_item.published" };
/** A secret every vendor accepts (Contentful's are 64 characters). */
const RUN_SECRET = "readme-run-secret-".padEnd(64, "x");

const format = (d: BlockDiagnostic) => `${d.at}: ${d.message}`;

describe("README ts blocks type-check against the built packages (strict)", () => {
  let dir: string;
  let files: BlockFile[];
  let diagnostics: BlockDiagnostic[];

  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, ".tmp"), { recursive: true });
    dir = mkdtempSync(join(REPO_ROOT, ".tmp", "readme-blocks-"));
    files = writeBlockFiles(READMES, dir);
    // A block that must fail, so that a checker that checks nothing cannot pass.
    const canary = join(dir, "canary.ts");
    writeFileSync(
      canary,
      [
        'import { createReceiver } from "@cmshooks/core";',
        'import { blox } from "@cmshooks/blox";',
        'createReceiver({ provider: blox({ secret: "s" }) }).on("editorial.update_assett", ({ payload }) => payload.data.title);',
      ].join("\n"),
    );
    const canaryBlock: CodeBlock = { lang: "ts", code: "", section: "", line: 0, marker: undefined };
    diagnostics = typeCheck([...files, { readme: "(canary)", block: canaryBlock, path: canary, offset: 0, segments: [{ fileLine: 1, readmeLine: 1 }] }]);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the checker reports a misspelt event name (canary)", () => {
    expect(diagnostics.filter((d) => d.readme === "(canary)").map(format).join("\n")).toMatch(/editorial\.update_assett/);
  });

  it("nothing outside the blocks fails", () => {
    expect(diagnostics.filter((d) => d.readme === "(program)").map(format)).toEqual([]);
  });

  it.each(READMES.filter((r) => codeBlocksOf(r).length > 0))("%s", (readme) => {
    expect(files.filter((f) => f.readme === readme).length).toBe(codeBlocksOf(readme).length);
    expect(diagnostics.filter((d) => d.readme === readme).map(format)).toEqual([]);
  });
});

/** The `<!-- run -->` blocks, with the registry vendor each one receives. */
const runBlocks = READMES.flatMap((readme) =>
  codeBlocksOf(readme)
    .filter((b) => b.marker === "run")
    .map((block) => ({ name: `${readme}:${block.line}`, readme, block, vendor: vendorOf(block.code) })),
);

function vendorOf(code: string): string {
  const imported = [...code.matchAll(/from "@cmshooks\/([\w-]+)"/g)].map((m) => m[1]!);
  return imported.find((name) => (vendorIds as readonly string[]).includes(name)) ?? "";
}

describe.concurrent("README blocks marked run, run as written", () => {
  let dir: string;
  let files: BlockFile[];
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, ".tmp"), { recursive: true });
    dir = mkdtempSync(join(REPO_ROOT, ".tmp", "readme-run-"));
    files = writeBlockFiles([...new Set(runBlocks.map((b) => b.readme))], dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("there are blocks to run", () => {
    expect(runBlocks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(runBlocks)("$name", async ({ readme, block, vendor }) => {
    const file = files.find((f) => f.readme === readme && f.block.line === block.line)!;
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", README_BLOCK_VENDOR: vendor, README_BLOCK_SECRET: RUN_SECRET };
    env.README_BLOCK_EVENT = RUN_EVENTS[vendor] ?? "";
    for (const [, name] of block.code.matchAll(/process\.env\.(\w+)/g)) if (/SECRET|TOKEN|PASSWORD/.test(name!)) env[name!] = RUN_SECRET;
    const run = await runBlock(file.path, env);
    const result = /README_BLOCK_RESULT (.*)/.exec(run.stdout)?.[1];
    expect(result, `${run.stdout}\n${run.stderr}`).toBeDefined();
    const { kind, statuses } = JSON.parse(result!) as { kind: string; statuses: number[] };
    if (kind === "ran") {
      // The block takes no delivery: it ran to completion, its own assertions included.
      expect(run.code).toBe(0);
      return;
    }
    expect(RUN_EVENTS[vendor], `add the event to send ${vendor} blocks to RUN_EVENTS`).toBeDefined();
    expect(statuses, run.stderr).toEqual([200, 401]);
    const handlers = /README_BLOCK_SENDING\n([\s\S]*)README_BLOCK_SENT/.exec(run.stdout)?.[1] ?? "";
    expect(handlers.trim(), "the block's handlers printed nothing for the genuine delivery").not.toBe("");
  });
});

function runBlock(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const runner = join(REPO_ROOT, "test/support/readme-run-block.ts");
    const child = spawn(process.execPath, ["--import", "tsx", runner, file], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("close", (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

/** Every command of every README sh block, with where it is. */
const commands = READMES.flatMap((readme) =>
  codeBlocks(readme)
    .filter((b) => SHELL_LANGS.has(b.lang))
    .flatMap((block) => shellCommands(block).map((command) => ({ readme, command, at: `${readme}:${command.line}` }))),
);

const rootPackage = readJson("package.json") as { scripts: Record<string, string>; workspaces: string[] };

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(REPO_ROOT, path), "utf8"));
}

/** Workspace packages by name, with their directory. */
const workspaces = new Map(
  rootPackage.workspaces
    .flatMap((w) => (w.endsWith("/*") ? readdirSync(join(REPO_ROOT, w.slice(0, -2))).map((d) => `${w.slice(0, -2)}/${d}`) : [w]))
    .filter((dir) => existsSync(join(REPO_ROOT, dir, "package.json")))
    .map((dir) => [(readJson(join(dir, "package.json")) as { name: string }).name, dir] as const),
);

/** What is wrong with one command, or `undefined`. */
function npmProblem({ words }: ShellCommand): string | undefined {
  const [, verb, ...rest] = words;
  if (verb === "install" || verb === "i") {
    const missing = rest.filter((w) => !w.startsWith("-")).filter((name) => !workspaces.has(name) && !existsSync(join(REPO_ROOT, "node_modules", name, "package.json")));
    return missing.length > 0 ? `no such package: ${missing.join(", ")}` : undefined;
  }
  if (verb !== "run" && verb !== "start" && verb !== "test") return undefined;
  const w = rest.findIndex((x) => x === "-w" || x === "--workspace");
  const workspace = w >= 0 ? rest[w + 1]! : undefined;
  const dir = workspace === undefined ? "" : workspaces.get(workspace);
  if (dir === undefined) return `no workspace ${workspace}`;
  const args = rest.filter((_, i) => w < 0 || (i !== w && i !== w + 1));
  const script = verb === "run" ? args[0] : verb;
  const scripts = (readJson(join(dir, "package.json")) as { scripts?: Record<string, string> }).scripts ?? {};
  if (script === undefined || !scripts[script]) return `no script "${script}" in ${join(dir, "package.json")}`;
  // Arguments after `--` go to the script's node program: each flag must appear in it.
  const passed = args.includes("--") ? args.slice(args.indexOf("--") + 1).filter((a) => a.startsWith("--")) : [];
  const program = /\bnode ([\w./-]+\.m?js)/.exec(scripts[script]!)?.[1];
  const source = program ? readFileSync(join(REPO_ROOT, dir, program), "utf8") : "";
  const unknown = passed.filter((flag) => !source.includes(flag));
  return unknown.length > 0 ? `${program ?? script} does not take ${unknown.join(", ")}` : undefined;
}

/** The `cmshooks …` arguments of a command, or `undefined` when it is not one. */
function cliArgs({ words }: ShellCommand): string[] | undefined {
  if (words[0] === "cmshooks") return words.slice(1);
  if (words[0] === "npx" && words[1] === "cmshooks") return words.slice(2);
  return undefined;
}

/** What is wrong with a `cmshooks` command's vendor or event, or `undefined`. */
function cliArgumentProblem(args: readonly string[]): string | undefined {
  const [command, first, second] = args;
  const vendorId = command === "listen" ? args[args.indexOf("--vendor") + 1] : command === "replay" || command === "--help" ? undefined : first;
  if (vendorId === undefined || (command === "events" && first === undefined)) return undefined;
  const entry = findVendor(vendorId);
  if (!entry) return `unknown vendor ${vendorId}`;
  if ((command === "send" || command === "payload") && !entry.kit.events.includes(second ?? "")) return `${vendorId} has no event ${second}`;
  return undefined;
}

describe("README shell commands refer to real scripts, packages, commands and flags", () => {
  it("the READMEs have commands to check", () => {
    expect(commands.filter((c) => cliArgs(c.command)).length).toBeGreaterThanOrEqual(15);
    expect(commands.filter((c) => c.command.words[0] === "npm").length).toBeGreaterThanOrEqual(30);
  });

  it("npm scripts, workspaces and packages exist", () => {
    const problems = commands.filter((c) => c.command.words[0] === "npm").map((c) => [c.at, npmProblem(c.command)]);
    expect(problems.filter(([, p]) => p !== undefined)).toEqual([]);
  });

  it("npx binaries and node scripts exist", () => {
    const problems = commands.flatMap(({ command: { words }, at }) => {
      if (words[0] === "npx" && words[1] !== "cmshooks" && !existsSync(join(REPO_ROOT, "node_modules/.bin", words[1]!))) return [`${at}: no binary ${words[1]}`];
      const script = words[0] === "node" ? words.find((w, i) => i > 0 && !w.startsWith("-")) : undefined;
      if (script !== undefined && !script.includes("<") && !existsSync(join(REPO_ROOT, script))) return [`${at}: no file ${script}`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it("cmshooks commands name a real vendor and event, and the CLI parses their flags", async () => {
    const lines = commands.flatMap((c) => {
      const args = cliArgs(c.command);
      return args ? [{ ...c, args }] : [];
    });
    expect(lines.map(({ at, args }) => [at, cliArgumentProblem(args)]).filter(([, p]) => p !== undefined)).toEqual([]);
    const runs = await Promise.all(lines.map(async ({ at, args }) => ({ at, run: await cli([...args, "--help"]) })));
    expect(runs.map(({ run }) => run.stdout).join("")).toMatch(/Usage/i);
    expect(runs.filter(({ run }) => run.code !== 0).map(({ at, run }) => `${at}: ${run.stderr.trim()}`)).toEqual([]);
  });

  it("the testkit README's transcripts of payload, sign, verify and events are what the CLI prints", async () => {
    const files = new Map<string, string>();
    const transcripts = commands.filter((c) => c.readme === "packages/testkit/README.md" && ["payload", "sign", "verify", "events"].includes(cliArgs(c.command)?.[0] ?? ""));
    expect(transcripts.length).toBeGreaterThanOrEqual(5);
    for (const { command, at } of transcripts) {
      const { stdin, stdout } = command.redirects;
      expect(stdin === undefined || files.has(stdin), `${at}: no command before it writes ${stdin}`).toBe(true);
      const run = await cli(cliArgs(command)!, stdin === undefined ? "" : files.get(stdin));
      if (stdout !== undefined) files.set(stdout, run.stdout);
      else if (command.shownOutput !== undefined) expect(`${run.stdout}${run.stderr}`.trimEnd(), at).toBe(command.shownOutput.trimEnd());
    }
  });

  it("each package README installs what its first example imports", () => {
    const problems = READMES.filter((r) => r.startsWith("packages/")).flatMap((readme) => {
      const installed = commands
        .filter((c) => c.readme === readme && c.command.words[0] === "npm" && ["install", "i"].includes(c.command.words[1]!))
        .flatMap((c) => c.command.words.slice(2));
      const [first] = codeBlocksOf(readme);
      const imported = [...(first?.code ?? "").matchAll(/^import .* from "([^"]+)"/gm)].map((m) => packageName(m[1]!));
      const missing = imported.filter((name) => !name.startsWith(".") && !isBuiltin(name) && !installed.includes(name));
      return missing.length > 0 ? [`${readme}: npm install lacks ${[...new Set(missing)].join(", ")}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("the testkit README names every vendor of the registry", () => {
    const text = readFileSync(join(REPO_ROOT, "packages/testkit/README.md"), "utf8");
    expect(vendorIds.filter((id) => !text.includes(`(\`${id}\`)`))).toEqual([]);
  });
});

describe("the core README's tables name every error", () => {
  const readme = readFileSync(join(REPO_ROOT, "packages/core/README.md"), "utf8");
  /** From a heading to the next heading of its level or higher. */
  const section = (heading: string) => {
    const level = heading.indexOf(" ");
    return readme.slice(readme.indexOf(heading)).split(new RegExp(`\\n#{1,${level}} `))[0]!;
  };

  it("every exported error class has a row (class, status, code, when) under Error classes", () => {
    const classes = Object.entries(core).filter(([, v]) => typeof v === "function" && (v === core.WebhookError || v.prototype instanceof core.WebhookError));
    expect(classes.length).toBeGreaterThanOrEqual(13);
    const table = section("### Error classes");
    expect(classes.map(([name]) => name).filter((name) => !new RegExp(`^\\| \`${name}\` \\|[^|]+\\|[^|]+\\|[^|]+\\|$`, "m").test(table))).toEqual([]);
  });

  it("every error code of the pipeline is in the status table or the error classes table", () => {
    const source = readFileSync(join(REPO_ROOT, "packages/core/src/errors.ts"), "utf8");
    const codes = [.../type WebhookErrorCode =([^;]+);/.exec(source)![1]!.matchAll(/"(\w+)"/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThanOrEqual(20);
    const tables = section("## The pipeline and its statuses");
    expect(codes.filter((code) => !tables.includes(`\`${code}\``))).toEqual([]);
  });
});

/** `@scope/name/sub` → `@scope/name`, `hono/bun` → `hono`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function isBuiltin(name: string): boolean {
  return name.startsWith("node:") || builtinModules.includes(name);
}

/** The CLI (its source: the same parser as the built binary), in this process, without colour. */
async function cli(args: readonly string[], input = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: (async function* () {
      if (input !== "") yield input;
    })(),
    env: { NO_COLOR: "1" },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
