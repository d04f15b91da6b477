import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  basicAuth,
  createReceiver,
  deliveryRecordToJson,
  memoryDedupeStore,
  secretHeader,
  secretPathSegment,
  secretQueryParam,
  type DedupeStore,
  type DeliveryLogStore,
} from "@cmshooks/core";
import { blox } from "@cmshooks/blox";
import { kapost } from "@cmshooks/kapost";
import { fileDeliveryLog, toNodeHandler } from "@cmshooks/node";
import { redisDedupeStore, redisDeliveryLog } from "@cmshooks/redis";
import { send, testkit } from "@cmshooks/testkit";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, requireBuiltCli } from "./support/cli-process.js";
import { startServer, type RunningServer } from "./support/http.js";
import { connectRedis, deleteKeys, requireRedis, uniquePrefix } from "./support/redis.js";

const SECRET = "replay-signing-secret";
// Each test runs the CLI several times; a Node process start-up is most of its time, and seconds on a loaded machine.
const CLI_RUNS = { timeout: 180_000 };
const hasRedis = await requireRedis();
let redis: Redis | undefined;
let dir: string;
const servers: RunningServer[] = [];
const prefixes: string[] = [];

beforeAll(async () => {
  requireBuiltCli();
  dir = await mkdtemp(join(tmpdir(), "cmshooks-replay-"));
  if (hasRedis) redis = await connectRedis();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  if (redis) {
    for (const prefix of prefixes) await deleteKeys(redis, prefix);
    redis.disconnect();
  }
  await rm(dir, { recursive: true, force: true });
});

/** A BLOX receiver with dedupe whose handler can be broken, recording its failures. */
async function bloxApp(store: DeliveryLogStore, dedupe: DedupeStore) {
  const handled = new Map<string, number>();
  const app = { broken: false, handled, url: "" };
  const receiver = createReceiver({ provider: blox({ secret: SECRET }), dedupe, deliveryLog: { store, when: "failed" } });
  receiver.on("editorial.update_asset", ({ payload }) => {
    if (app.broken) throw new Error("handler bug: the CDN client is misconfigured");
    const title = payload.data.title ?? "?";
    handled.set(title, (handled.get(title) ?? 0) + 1);
  });
  receiver.onError(() => {}); // the failures are the point of the test
  const server = await startServer(toNodeHandler(receiver));
  servers.push(server);
  app.url = server.url;
  return app;
}

async function deliver(url: string, title: string): Promise<number> {
  const delivery = await testkit.blox.delivery("editorial.update_asset", { secret: SECRET, overrides: { data: { title } } });
  return (await send(delivery, `${url}/hooks/blox`)).status;
}

/** One day of a broken handler: a success, failures (one retried by the CMS while still broken), the fix, and one CMS retry after it. */
async function failForAWhile(app: Awaited<ReturnType<typeof bloxApp>>) {
  expect(await deliver(app.url, "one")).toBe(200);
  app.broken = true;
  expect(await deliver(app.url, "two")).toBe(500);
  expect(await deliver(app.url, "three")).toBe(500);
  expect(await deliver(app.url, "two")).toBe(500);
  expect(await deliver(app.url, "four")).toBe(500);
  app.broken = false;
  expect(await deliver(app.url, "three")).toBe(200);
}

async function expectReplayedOnce(source: string, app: Awaited<ReturnType<typeof bloxApp>>) {
  const first = await cli(["replay", source, "--url", app.url, "--only", "failed"]);
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  const lines = first.stdout.trim().split("\n");
  expect(lines).toEqual([
    expect.stringMatching(/^✓ 200  POST http:\/\/127\.0\.0\.1:\d+\/hooks\/blox  recorded \S+ → 500 handler_failed$/),
    expect.stringMatching(/^✓ 200 duplicate  POST .*\/hooks\/blox/),
    expect.stringMatching(/^✓ 200 duplicate  POST .*\/hooks\/blox/),
    expect.stringMatching(/^✓ 200  POST .*\/hooks\/blox/),
    "replay: 2 handled, 2 duplicate, 0 refused",
  ]);
  expect(Object.fromEntries(app.handled)).toEqual({ one: 1, two: 1, three: 1, four: 1 });

  const again = await cli(["replay", source, "--url", app.url, "--json"]);
  expect(again.code).toBe(0);
  const results = again.stdout.trim().split("\n").map((l) => JSON.parse(l));
  expect(results.slice(0, -1).map((r) => [r.status, r.duplicate])).toEqual([
    [200, true],
    [200, true],
    [200, true],
    [200, true],
  ]);
  expect(results.at(-1)).toMatchObject({ summary: { handled: 0, duplicate: 4, refused: 0, skipped: 0 } });
  expect(Object.fromEntries(app.handled)).toEqual({ one: 1, two: 1, three: 1, four: 1 });
}

describe("a handler failed for a day: record the failures, replay them after the fix", () => {
  it("from a JSONL file: each lost delivery is handled exactly once, the ones already handled answer duplicate", CLI_RUNS, async () => {
    const file = fileDeliveryLog(join(dir, "failed.jsonl"));
    const app = await bloxApp(file, memoryDedupeStore());
    await failForAWhile(app);
    await file.flush();
    const records = (await readFile(file.path, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(records.map((r) => [r.status, r.error, r.path])).toEqual(Array(4).fill([500, "handler_failed", "/hooks/blox"]));
    // The signature is kept (an HMAC of the body, not a secret), so the replay verifies.
    expect(records[0].headers["x-hook-signature"]).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const dry = await cli(["replay", file.path, "--url", app.url, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^would send POST http:\/\/127\.0\.0\.1:\d+\/hooks\/blox {2}\d+ bytes, recorded \S+ → 500 handler_failed$/m);
    expect(dry.stdout).toContain("replay: 4 would be sent (dry run)");
    expect(Object.fromEntries(app.handled)).toEqual({ one: 1, three: 1 });

    const future = await cli(["replay", file.path, "--url", app.url, "--since", "2999-01-01T00:00:00Z"]);
    expect(future.stdout).toContain("replay: 0 handled, 0 duplicate, 0 refused, 4 older than --since");

    await expectReplayedOnce(file.path, app);
  });

  it.skipIf(!hasRedis)("from a Redis stream shared by replicas, with Redis dedupe: the same, exactly once", CLI_RUNS, async () => {
    const prefix = uniquePrefix("replay");
    prefixes.push(prefix);
    const stream = `${prefix}failed`;
    const app = await bloxApp(redisDeliveryLog({ client: redis!, stream, maxLen: 1000 }), redisDedupeStore({ client: redis!, prefix }));
    await failForAWhile(app);
    await expect.poll(() => redis!.xlen(stream)).toBe(4);
    await expectReplayedOnce(`redis://127.0.0.1:6379/${encodeURIComponent(stream)}`, app);
  });
});

describe("no credential ever appears in a record", () => {
  const PASSWORD = "kapost-Pa55word-91";
  const WRONG = "guessed-Pa55word-00";
  const HEADER = "header-token-5f1c2a";
  const QUERY = "query-token-77b0e1";
  const PATH = "path-secret-c4d9e2";
  const leaks = [PASSWORD, WRONG, HEADER, QUERY, PATH, btoa(`kapost:${PASSWORD}`), btoa(`kapost:${WRONG}`)];

  it("masks basic auth, a secret header, a query secret and a path secret in the file and the stream, and replay puts them back", CLI_RUNS, async () => {
    const file = fileDeliveryLog(join(dir, "kapost.jsonl"));
    const stream = `${uniquePrefix("mask")}kapost`;
    prefixes.push(stream);
    const stores: DeliveryLogStore[] = [file, ...(redis ? [redisDeliveryLog({ client: redis, stream })] : [])];
    let broken = true;
    const receiver = createReceiver({
      provider: kapost({
        auth: [
          basicAuth({ username: "kapost", password: PASSWORD }),
          secretHeader({ name: "X-Webhook-Token", value: HEADER }),
          secretQueryParam({ name: "token", value: QUERY }),
          secretPathSegment({ value: PATH }),
        ],
      }),
      dedupe: memoryDedupeStore(),
      deliveryLog: { store: { append: (record) => Promise.all(stores.map((s) => s.append(record))).then(() => undefined) }, when: "all" },
    });
    const handled: string[] = [];
    receiver.on("content.publish", ({ payload }) => {
      if (broken) throw new Error("handler bug");
      handled.push(payload.payload.full_post.content_title ?? "");
    });
    receiver.onError(() => {});
    const server = await startServer(toNodeHandler(receiver));
    servers.push(server);
    const target = `${server.url}/hooks/kapost/${PATH}?token=${QUERY}&tenant=acme`;
    const publish = async (password: string) => {
      const delivery = await testkit.kapost.delivery("content.publish", {
        auth: { basic: { username: "kapost", password } },
        headers: { "x-webhook-token": HEADER },
        overrides: { payload: { full_post: { content_title: "Masked" } } },
      });
      return (await send(delivery, target)).status;
    };
    expect(await publish(WRONG)).toBe(401);
    expect(await publish(PASSWORD)).toBe(500);
    await file.flush();
    if (redis) await expect.poll(() => redis!.xlen(stream)).toBe(2);

    const stored = [await readFile(file.path, "utf8"), ...(redis ? [JSON.stringify(await redis.xrange(stream, "-", "+"))] : [])];
    for (const text of stored) {
      for (const secret of leaks) expect(text).not.toContain(secret);
      expect(text).toContain("[masked]");
    }
    const [refused, failed] = stored[0]!.trim().split("\n").map((l) => JSON.parse(l));
    expect(refused).toMatchObject({ status: 401, error: "credentials_invalid", body: null, path: "/hooks/kapost/[masked]?token=[masked]&tenant=acme" });
    expect(failed).toMatchObject({ status: 500, error: "handler_failed", path: "/hooks/kapost/[masked]?token=[masked]&tenant=acme" });
    expect(failed.headers).toMatchObject({ authorization: "Basic [masked]", "x-webhook-token": "[masked]" });

    broken = false;
    const without = await cli(["replay", file.path, "--url", server.url, "--only", "failed"]);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/skipped .*kapost\.jsonl:2: its path had a secret segment \(masked\): give the full path in --url/);
    const halfway = await cli(["replay", file.path, "--url", `${server.url}/hooks/kapost/${PATH}`, "--only", "failed"]);
    expect(halfway.stderr).toMatch(/query parameter "token" was masked when recorded: give it with --query token=…/);
    expect(handled).toEqual([]);

    const restored = await cli([
      "replay",
      file.path,
      "--url",
      `${server.url}/hooks/kapost/${PATH}`,
      "--only",
      "failed",
      "--basic",
      `kapost:${PASSWORD}`,
      "--header",
      `X-Webhook-Token: ${HEADER}`,
      "--query",
      `token=${QUERY}`,
    ]);
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toMatch(/^✓ 200  POST http:\/\/127\.0\.0\.1:\d+\/hooks\/kapost\/\[masked\]\?token=\[masked\]&tenant=acme/m);
    for (const secret of leaks) expect(restored.stdout).not.toContain(secret);
    expect(handled).toEqual(["Masked"]);
  });
});

describe("bad input: lines replay cannot use are reported and skipped, never a crash", () => {
  let app: Awaited<ReturnType<typeof bloxApp>>;
  let goodLine: string;
  let tamperedLine: string;

  beforeAll(async () => {
    app = await bloxApp({ append: () => {} }, memoryDedupeStore());
    const delivery = await testkit.blox.delivery("editorial.update_asset", { secret: SECRET, overrides: { data: { title: "good" } } });
    goodLine = deliveryRecordToJson({
      receivedAt: new Date().toISOString(),
      method: "POST",
      path: "/hooks/blox",
      headers: { ...delivery.headers, host: "old.example", "content-length": String(delivery.body.length) },
      body: delivery.body,
      status: 500,
      error: "handler_failed",
    });
    const tampered = new TextEncoder().encode(delivery.text.replace('"good"', '"tampered"'));
    tamperedLine = goodLine.replace(/"body":"[^"]*"/, `"body":"${Buffer.from(tampered).toString("base64")}"`);
  });

  it("a corrupt line, a line of another shape and a truncated last line in a file", CLI_RUNS, async () => {
    const path = join(dir, "damaged.jsonl");
    await writeFile(path, [goodLine, "this is not json", '{"hello":"world"}', "", goodLine.slice(0, goodLine.length / 2)].join("\n"));
    const run = await cli(["replay", path, "--url", app.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✓ 200  POST .*\/hooks\/blox/m);
    expect(run.stdout).toContain("replay: 1 handled, 0 duplicate, 0 refused, 3 skipped");
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/skipped .*damaged\.jsonl:2: not JSON \(truncated or corrupt\)/),
      expect.stringMatching(/skipped .*damaged\.jsonl:3: not a delivery record: receivedAt/),
      expect.stringMatching(/skipped .*damaged\.jsonl:5: not JSON \(truncated or corrupt\)/),
    ]);
    expect(app.handled.get("good")).toBe(1);
  });

  it("a binary file, a missing file, and a target that does not answer", CLI_RUNS, async () => {
    const binary = join(dir, "binary.jsonl");
    await writeFile(binary, Buffer.from([0x00, 0xff, 0x0a, 0xfe, 0x7b, 0x22, 0x0a, 0x80]));
    const garbage = await cli(["replay", binary, "--url", app.url, "--json"]);
    expect(garbage.code).toBe(1);
    expect(garbage.stdout.trim().split("\n").at(-1)).toBe(JSON.stringify({ summary: { handled: 0, duplicate: 0, refused: 0, unreachable: 0, skipped: 3, "would send": 0, older: 0, filtered: 0 } }));

    const missing = await cli(["replay", join(dir, "nope.jsonl"), "--url", app.url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl: ENOENT/);

    const good = join(dir, "good.jsonl");
    await writeFile(good, `${goodLine}\n`);
    const closed = await startServer(() => {});
    await closed.close();
    const unreachable = await cli(["replay", good, "--url", closed.url]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toContain(`✗ no answer POST ${closed.url}/hooks/blox: connect ECONNREFUSED`);
    expect(unreachable.stdout).toContain("replay: 0 handled, 0 duplicate, 0 refused, 1 unanswered");
  });

  it.skipIf(!hasRedis)("stream entries without a record, or with a corrupt one", CLI_RUNS, async () => {
    const stream = `${uniquePrefix("bad-stream")}log`;
    prefixes.push(stream);
    await redis!.xadd(stream, "*", "record", "{not json");
    await redis!.xadd(stream, "*", "something", "else");
    await redis!.xadd(stream, "*", "record", tamperedLine);
    const run = await cli(["replay", `redis://127.0.0.1:6379/${encodeURIComponent(stream)}`, "--url", app.url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/skipped .*#\d+-\d+: not JSON \(truncated or corrupt\)/);
    expect(run.stderr).toMatch(/skipped .*#\d+-\d+: no "record" field/);
    // The body changed after it was signed, so the signature no longer matches: the target refuses it (401) and replay says so.
    expect(run.stdout).toMatch(/✗ 401 signature_mismatch {2}POST/);
    expect(run.stdout).toContain("replay: 0 handled, 0 duplicate, 1 refused, 2 skipped");
  });
});
