import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "./support/http.js";
import { codeBlocks, REPO_ROOT } from "./support/readme-blocks.js";
import { runCli } from "./support/run-cli.js";

// The root README's "Use" server and "Try it against your own server" commands, run as written
// (the built CLI stands in for `npx cmshooks`; the port is a free one instead of 3000).
const blocks = codeBlocks("README.md");
const serverCode = blocks.find((b) => b.section === "Use" && b.lang === "ts")!.code;
const tryIt = blocks.find((b) => b.section === "Try it against your own server" && b.lang === "sh")!.code;
const sendLine = tryIt.split("\n").find((l) => l.startsWith("npx cmshooks send"))!;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The README's server as a real process, with its output. */
async function startReadmeServer(dir: string, env: Record<string, string>) {
  const port = await freePort();
  const file = join(dir, `server-${port}.ts`);
  await writeFile(file, serverCode);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", file], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "development", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString("utf8")));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString("utf8")));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await request(url, { method: "GET" });
      break;
    } catch (error) {
      if (i > 150 || child.exitCode !== null) throw new Error(`the README server did not start: ${output}`, { cause: error });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { port, output: () => output, stop: () => new Promise<void>((r) => (child.kill(), child.once("exit", () => r()))) };
}

/** Runs one README command line with the built CLI, pointed at `port`. */
async function run(line: string, port: number, extra: readonly string[] = []): Promise<{ code: number | null; out: string }> {
  const args = line.replace(/#.*$/, "").trim().split(/\s+/).slice(2).map((a) => a.replace("127.0.0.1:3000", `127.0.0.1:${port}`));
  const result = await runCli([...args, ...extra]);
  return { code: result.code, out: result.stdout + result.stderr };
}

describe("the root README's 'try it against your own server', as written", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(REPO_ROOT, "node_modules", ".readme-try-it-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("the README's send command gets 200 from the README's server, whose handlers run", async () => {
    const server = await startReadmeServer(dir, { KONTENT_SECRET: "s3cret" });
    try {
      const result = await run(sendLine, server.port);
      expect(result.out).toMatch(/← 200/);
      expect(result.code).toBe(0);
      expect(server.output()).toMatch(/purge \[/);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("in production the allowlist refuses the local send with 403, and a proxied one is logged with the trustProxy hint", async () => {
    const server = await startReadmeServer(dir, { KONTENT_SECRET: "s3cret", NODE_ENV: "production" });
    try {
      const direct = await run(sendLine, server.port);
      expect(direct.out).toMatch(/← 403/);
      expect(direct.out).toContain("ip_not_allowed");
      expect(direct.code).toBe(1);
      const proxied = await run(sendLine, server.port, ["--header", "X-Forwarded-For: 203.0.113.9"]);
      expect(proxied.out).toMatch(/← 403/);
      await expect.poll(() => server.output()).toMatch(/trustProxy/);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
