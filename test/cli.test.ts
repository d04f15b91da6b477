import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReceiver } from "@cmshooks/core";
import { blox } from "@cmshooks/blox";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, listen, requireBuiltCli } from "./support/cli-process.js";
import { startServer, type RunningServer } from "./support/http.js";

const SECRET = "cli-secret-0123";
const ANSI = /\x1b\[[0-9;]*m/;

beforeAll(requireBuiltCli);

// Independent one-shot runs go in parallel: each is a Node process start-up, most of their time.
describe.concurrent("cmshooks --help", () => {
  it("shows every command with an example and exits 0", async ({ expect }) => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    for (const command of ["send", "sign", "verify", "listen", "replay", "events", "payload"]) {
      expect(stdout).toMatch(new RegExp(`^  cmshooks ${command} `, "m"));
    }
    expect(stdout).toContain("Vendors: blox");
  });

  it("prints the package version with --version, and a command's help with `help <command>`", async ({ expect }) => {
    const [version, help] = await Promise.all([cli(["--version"]), cli(["help", "verify"])]);
    const { version: expected } = JSON.parse(readFileSync(new URL("../packages/testkit/package.json", import.meta.url), "utf8"));
    expect(version).toMatchObject({ code: 0, stdout: `${expected}\n` });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: cmshooks verify");
  });

  it.for(["send", "sign", "verify", "listen", "replay", "events", "payload"])("gives `%s --help` with its options and an example", async (command, { expect }) => {
    const { code, stdout } = await cli([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: cmshooks ${command}`);
    expect(stdout).toMatch(/Examples:\n {2}.*cmshooks /);
  });
});

describe("cmshooks send", () => {
  let server: RunningServer;
  const seen: string[] = [];

  beforeAll(async () => {
    const receiver = createReceiver({ provider: blox({ secret: SECRET }) });
    receiver.on("editorial.update_asset", ({ payload }) => void seen.push(payload.data.title ?? ""));
    receiver.onUserChange((event) => void seen.push(`user:${event.user.action}`));
    server = await startServer(toNodeHandler(receiver));
  });
  afterAll(() => server.close());

  it("sends a signed delivery that a real receiver accepts, prints 200 and the body, exits 0", async () => {
    const run = await cli(["send", "blox", "editorial.update_asset", "--url", `${server.url}/hooks/blox`, "--secret", SECRET, "--override", '{"data":{"title":"From the CLI"}}']);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`POST ${server.url}/hooks/blox`);
    expect(run.stdout).toMatch(/← 200 OK/);
    expect(run.stdout).toContain('"ok": true');
    expect(run.stdout).not.toMatch(ANSI);
    expect(seen).toContain("From the CLI");
  });

  it("prints the 401 and exits 1 when the secret is wrong", async () => {
    const run = await cli(["send", "blox", "editorial.update_asset", "--url", server.url, "--secret", "wrong-secret"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/← 401 Unauthorized/);
    expect(run.stdout).toContain("signature_mismatch");
  });

  it("takes the secret from CMSHOOKS_SECRET and prints one JSON object with --json", async () => {
    const run = await cli(["send", "blox", "user.create_user", "--url", server.url, "--json"], { env: { CMSHOOKS_SECRET: SECRET } });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ vendor: "blox", event: "user.create_user", response: { status: 200, json: { ok: true } } });
    expect(result.request.url).toBe(`${server.url}/hooks/blox`);
    expect(result.request.headers["x-hook-signature"]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(seen).toContain("user:create");
  });

  it("exits 1 with the reason when nothing listens", async () => {
    const closed = await startServer(() => {});
    await closed.close();
    const run = await cli(["send", "blox", "user.create_user", "--url", closed.url, "--secret", SECRET]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/could not reach .*ECONNREFUSED/);
  });
});

describe("cmshooks sign | verify", () => {
  let dir: string;
  let bodyFile: string;
  let body: string;
  let header: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cmshooks-cli-"));
    const payload = await cli(["payload", "blox", "editorial.update_asset", "--seed", "5"]);
    expect(payload.code).toBe(0);
    body = payload.stdout;
    bodyFile = join(dir, "body.json");
    await writeFile(bodyFile, body);
    header = (await cli(["sign", "blox", "--secret", SECRET], { input: body })).stdout.trim();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("prints the exact body the kit sends, the same for the same seed", async () => {
    expect(JSON.parse(body)).toMatchObject({ application: "editorial", event: "update_asset" });
    expect((await cli(["payload", "blox", "editorial.update_asset", "--seed", "5"])).stdout).toBe(body);
    expect((await cli(["payload", "blox", "editorial.update_asset", "--seed", "6"])).stdout).not.toBe(body);
  });

  it("round-trips: the header that sign prints from stdin, verify accepts (exit 0)", async () => {
    expect(header).toMatch(/^x-hook-signature: [A-Za-z0-9+/]+=*$/);
    const verified = await cli(["verify", "blox", "--secret", SECRET, "--header", header], { input: body });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/✓ valid/);
  });

  it("signs the same bytes from --file as from stdin, and prints JSON with --json", async () => {
    const fromFile = await cli(["sign", "blox", "--secret", SECRET, "--file", bodyFile, "--json"]);
    const fromStdin = await cli(["sign", "blox", "--secret", SECRET, "--json"], { input: body });
    expect(JSON.parse(fromFile.stdout)).toEqual(JSON.parse(fromStdin.stdout));
    expect(Object.keys(JSON.parse(fromFile.stdout))).toEqual(["x-hook-signature"]);
  });

  it("says invalid, why, and exits 1 for a body changed after signing", async () => {
    const tampered = body.replace('"revision":', '"revision":1');
    const run = await cli(["verify", "blox", "--secret", SECRET, "--header", header], { input: tampered });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ invalid {2}hmac: signature_mismatch/);
    expect(run.stdout).toContain("not byte-for-byte what was signed");
  });

  it("counts a trailing newline as part of the body", async () => {
    expect((await cli(["verify", "blox", "--secret", SECRET, "--header", header], { input: `${body}\n` })).code).toBe(1);
  });

  it("reports a missing signature header as invalid, in JSON with --json", async () => {
    const run = await cli(["verify", "blox", "--secret", SECRET, "--file", bodyFile, "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      vendor: "blox",
      valid: false,
      bytes: Buffer.byteLength(body),
      checks: [{ kind: "hmac", valid: false, code: "signature_missing", message: "Missing x-hook-signature header" }],
    });
  });
});

describe("cmshooks listen", () => {
  it("receives a `send`, prints authenticity, native and unified events, and stops on SIGTERM (exit 0)", async () => {
    const listener = listen(["--port", "0", "--vendor", "blox", "--secret", SECRET]);
    try {
      const [, url] = await listener.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await listener.waitFor(new RegExp(`inspector: ${url}/ `));
      const sent = await cli(["send", "blox", "editorial.update_asset", "--url", url!, "--secret", SECRET, "--override", '{"data":{"title":"Seen by listen"}}']);
      expect(sent.code).toBe(0);
      await listener.waitFor(/unified +content\.publish/);
      const out = listener.output();
      expect(out).toMatch(/POST \/hooks\/blox from 127\.0\.0\.1 → 200/);
      expect(out).toMatch(/auth +✓ authentic \(hmac\)/);
      expect(out).toMatch(/native +editorial\.update_asset/);
      expect(out).toMatch(/unified +content\.update .*"Seen by listen"/);

      const forged = await cli(["send", "blox", "user.create_user", "--url", `${url}/hooks/other`, "--secret", "forged"]);
      expect(forged.code).toBe(1);
      await listener.waitFor(/POST \/hooks\/other from 127\.0\.0\.1 → 401 signature_mismatch\n {2}auth +✗ not authentic/);
    } finally {
      const { code, stderr } = await listener.stop();
      expect(code).toBe(0);
      expect(stderr).toContain("stopped after 2 deliveries");
    }
  });

  it("prints one JSON line per delivery with --json, including validation errors with their paths", async () => {
    const listener = listen(["--port", "0", "--vendor", "blox", "--secret", SECRET, "--json"]);
    try {
      const [ready] = await listener.waitFor(/^\{"listening".*\}$/m);
      const { listening } = JSON.parse(ready!);
      expect(JSON.parse(ready!)).toEqual({ listening, vendor: "blox", checks: ["hmac"], inspector: `${listening}/` });
      const sent = await cli(["send", "blox", "editorial.create_asset", "--url", listening, "--secret", SECRET, "--override", '{"data":{"uuid":42}}']);
      expect(sent.code).toBe(1);
      const [line] = await listener.waitFor(/^\{"time".*\}$/m);
      const report = JSON.parse(line!);
      expect(report).toMatchObject({ method: "POST", url: "/hooks/blox", status: 422, authentication: "passed", events: [], unified: [] });
      expect(report.errors[0]).toMatchObject({ code: "invalid_payload", issues: [{ path: ["data", "uuid"] }] });
    } finally {
      expect((await listener.stop()).code).toBe(0);
    }
  });

  it("exits 1 when the port is taken", async () => {
    const taken = await startServer(() => {});
    try {
      const run = await cli(["listen", "--vendor", "blox", "--secret", SECRET, "--port", taken.url.split(":").pop()!]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    } finally {
      await taken.close();
    }
  });
});

describe("cmshooks listen --record, then cmshooks replay", () => {
  it("records every delivery as a JSON line with its exact bytes, which replay sends again", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "cmshooks-record-"));
    const file = join(dir, "deliveries.jsonl");
    const listener = listen(["--port", "0", "--vendor", "blox", "--secret", SECRET, "--record", file]);
    try {
      const [, url] = await listener.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await listener.waitFor(/recording every delivery to \S+deliveries\.jsonl /);
      expect((await cli(["send", "blox", "editorial.update_asset", "--url", url!, "--secret", SECRET])).code).toBe(0);
      expect((await cli(["send", "blox", "user.create_user", "--url", url!, "--secret", "forged"])).code).toBe(1);
      await listener.waitFor(/→ 401 signature_mismatch/);
    } finally {
      expect((await listener.stop()).code).toBe(0);
    }
    const records = readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(records.map((r) => [r.method, r.path, r.status, r.error])).toEqual([
      ["POST", "/hooks/blox", 200, undefined],
      ["POST", "/hooks/blox", 401, "signature_mismatch"],
    ]);
    expect(Buffer.from(records[0].body, "base64").toString("utf8")).toMatch(/^\{"application":"editorial","event":"update_asset"/);

    const seen: string[] = [];
    const receiver = createReceiver({ provider: blox({ secret: SECRET }) });
    receiver.on("editorial.update_asset", ({ payload }) => void seen.push(payload.data.title ?? ""));
    const target = await startServer(toNodeHandler(receiver));
    try {
      const replay = await cli(["replay", file, "--url", target.url]);
      expect(replay.code).toBe(1);
      expect(replay.stdout).toMatch(/^✓ 200  POST http:\/\/127\.0\.0\.1:\d+\/hooks\/blox  recorded \S+ → 200$/m);
      expect(replay.stdout).toMatch(/^✗ 401 signature_mismatch  POST /m);
      expect(replay.stdout).toContain("replay: 1 handled, 0 duplicate, 1 refused");
      expect(seen).toHaveLength(1);
    } finally {
      await target.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("exits 1 at once when the file cannot be written", async () => {
    const run = await cli(["listen", "--port", "0", "--vendor", "blox", "--secret", SECRET, "--record", "/nonexistent-dir/deliveries.jsonl"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot record to \/nonexistent-dir\/deliveries\.jsonl: ENOENT/);
  });
});

describe.concurrent("cmshooks events", () => {
  it("lists every native event with the unified events its mapping produces", async ({ expect }) => {
    const run = await cli(["events", "blox"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^blox {2}BLOX CMS/m);
    expect(run.stdout).toMatch(/^ {2}editorial\.update_asset +content\.update, content\.publish$/m);
    expect(run.stdout).toMatch(/^ {2}user\.delete_user +user\.change$/m);
  });

  it("prints the same table as JSON with --json", async ({ expect }) => {
    const run = await cli(["events", "--json"]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { vendor: string; event: string; unified: string[] }[];
    expect(rows).toContainEqual({ vendor: "blox", event: "editorial.create_asset", unified: ["content.create"] });
    expect(rows.filter((r) => r.vendor === "blox")).toHaveLength(6);
  });

  it("lists the events the vendors' own artifacts added (issue 16), with their unified mapping", async ({ expect }) => {
    const run = await cli(["events", "--json"]);
    const rows = JSON.parse(run.stdout) as { vendor: string; event: string; unified: string[] }[];
    expect(rows).toEqual(
      expect.arrayContaining([
        { vendor: "kontent", event: "content_item.changed", unified: ["content.update"] },
        { vendor: "kontent", event: "asset.changed", unified: ["content.update"] },
        { vendor: "kontent", event: "content_item_variant.create", unified: ["content.create"] },
        { vendor: "kontent", event: "content_item_variant.upsert", unified: ["content.update"] },
        { vendor: "contensis", event: "contentType.published", unified: [] },
        { vendor: "contensis", event: "node.moved", unified: ["content.update"] },
        { vendor: "contensis", event: "node.childOrderChanged", unified: ["content.update"] },
        { vendor: "inbenta", event: "upon_saving.add", unified: ["content.create"] },
        { vendor: "inbenta", event: "upon_saving.edit", unified: ["content.update"] },
      ]),
    );
  });
});

describe.concurrent("usage errors (exit 2, a message and a hint on stderr)", () => {
  it.for([
    { args: [], message: /Usage: cmshooks <command>/ },
    { args: ["frobnicate"], message: /unknown command "frobnicate"/ },
    { args: ["send", "nope", "x", "--url", "http://127.0.0.1:1"], message: /unknown vendor "nope"\. Known vendors: blox/ },
    { args: ["send", "blox", "editorial.nope", "--url", "http://127.0.0.1:1", "--secret", "s"], message: /blox has no event "editorial\.nope"\..* Its events: editorial\.create_asset/ },
    { args: ["send", "blox", "user.create_user", "--secret", "s"], message: /--url is required/ },
    { args: ["send", "blox", "user.create_user", "--url", "http://127.0.0.1:1"], message: /blox signs its deliveries: --secret/ },
    { args: ["send", "blox", "user.create_user", "--bogus"], message: /Unknown option '--bogus'/ },
    { args: ["sign", "blox"], message: /--secret \(or CMSHOOKS_SECRET\) is required/ },
    { args: ["verify", "blox", "--secret", "s", "--header", "no-colon-here"], message: /--header takes "Name: value"/ },
    { args: ["listen", "--secret", "s"], message: /--vendor is required/ },
    { args: ["listen", "--vendor", "blox", "--secret", "s", "--port", "http"], message: /--port takes a whole number/ },
    { args: ["events", "nope"], message: /unknown vendor "nope"/ },
    { args: ["replay", "--url", "http://127.0.0.1:1"], message: /a SOURCE is required/ },
    { args: ["replay", "log.jsonl"], message: /--url is required/ },
    { args: ["replay", "log.jsonl", "--url", "http://127.0.0.1:1", "--only", "slow"], message: /--only takes failed \(5xx\) or rejected \(4xx\)/ },
    { args: ["replay", "log.jsonl", "--url", "http://127.0.0.1:1", "--since", "yesterday"], message: /--since takes a time/ },
  ])("cmshooks $args", async ({ args, message }, { expect }) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    if (args.length) expect(run.stderr).toMatch(/Run 'cmshooks( \w+)? --help' for usage\./);
    expect(run.stdout).toBe("");
  });

  it("reports a usage error as JSON on stderr with --json", async ({ expect }) => {
    const run = await cli(["send", "blox", "user.create_user", "--json", "--secret", "s"]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stderr)).toEqual({ error: "usage", message: expect.stringMatching(/--url is required/) });
  });
});

describe.concurrent("colour", () => {
  const args = ["verify", "blox", "--secret", SECRET, "--header", "x-hook-signature: AAAA"];
  it("is off when stdout is not a terminal", async ({ expect }) => {
    expect((await cli(args, { input: "{}" })).stdout).not.toMatch(ANSI);
  });

  it("can be forced with FORCE_COLOR, and NO_COLOR (or --no-color) wins over it", async ({ expect }) => {
    const [forced, noColor, flag] = await Promise.all([
      cli(args, { input: "{}", env: { FORCE_COLOR: "1" } }),
      cli(args, { input: "{}", env: { FORCE_COLOR: "1", NO_COLOR: "1" } }),
      cli([...args, "--no-color"], { input: "{}", env: { FORCE_COLOR: "1" } }),
    ]);
    expect(forced.stdout).toMatch(ANSI);
    expect(noColor.stdout).not.toMatch(ANSI);
    expect(flag.stdout).not.toMatch(ANSI);
  });
});
