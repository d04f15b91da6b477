import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReceiver } from "@cmshooks/core";
import { contensis, defineContensisSubscription } from "@cmshooks/contensis";
import { kontent } from "@cmshooks/kontent";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./support/http.js";
import { runCli } from "./support/run-cli.js";

const cli = (args: readonly string[], cwd?: string) => runCli(args, cwd === undefined ? {} : { cwd });

/** A server that records what it got and answers with a fixed status. */
async function recorder(status: number) {
  const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = await startServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      seen.push({ url: req.url ?? "", headers: req.headers, body });
      res.writeHead(status, { "content-type": "application/json" }).end(status === 404 ? '{"error":"not found"}' : '{"ok":true}');
    });
  });
  return { server, seen };
}

describe.concurrent("did-you-mean for typos (exit 2)", () => {
  it("a misspelt vendor names the closest one", async ({ expect }) => {
    const run = await cli(["send", "kontnet", "content_item.published", "--url", "http://127.0.0.1:1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown vendor "kontnet"\. Did you mean "kontent"\?/);
  });

  it("a misspelt Kontent.ai event lists the few closest names, not all of them", async ({ expect }) => {
    const run = await cli(["send", "kontent", "content_item.publishd", "--url", "http://127.0.0.1:1", "--secret", "s"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/kontent has no event "content_item\.publishd"\. Did you mean "content_item\.published"/);
    expect(run.stderr).not.toContain("taxonomy");
    expect(run.stderr).toMatch(/Run 'cmshooks events kontent' to list all \d+/);
  });

  it("a misspelt flag names the flag it resembles", async ({ expect }) => {
    const run = await cli(["send", "blox", "editorial.update_asset", "--url", "http://127.0.0.1:1", "--scret", "s"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--scret'\. Did you mean "--secret"\?/);
  });

  it("an --override key that is not in the event's schema is refused with the closest field", async ({ expect }) => {
    const run = await cli(["send", "blox", "editorial.update_asset", "--url", "http://127.0.0.1:1", "--secret", "s", "--override", '{"data":{"titel":"x"}}']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--override: "data\.titel" is not a field of blox editorial\.update_asset\. Did you mean "data\.title"\?/);
  });

  it("a Kontent.ai override of the batch must be a one-element array", async ({ expect }) => {
    const run = await cli(["send", "kontent", "content_item.published", "--url", "http://127.0.0.1:1", "--secret", "s", "--override", '{"notifications":{}}']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"notifications" must be a one-element array/);
  });
});

describe("cmshooks send against real servers", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cmshooks-cli-dx-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("Kontent.ai: an override written against the printed body (the batch) and one against the notification both reach the handler", async () => {
    const names: string[] = [];
    const receiver = createReceiver({ provider: kontent({ secret: "k-secret" }) });
    receiver.on("content_item.published", ({ payload }) => void names.push(payload.data.system.name));
    const server = await startServer(toNodeHandler(receiver));
    try {
      const printed = await cli(["payload", "kontent", "content_item.published"]);
      expect(Object.keys(JSON.parse(printed.stdout) as object)).toEqual(["notifications"]);
      const url = `${server.url}/hooks/kontent`;
      const batch = await cli(["send", "kontent", "content_item.published", "--url", url, "--secret", "k-secret", "--override", '{"notifications":[{"data":{"system":{"name":"From the batch"}}}]}']);
      expect(batch.stdout, batch.stderr).toMatch(/← 200/);
      const direct = await cli(["send", "kontent", "content_item.published", "--url", url, "--secret", "k-secret", "--override", '{"data":{"system":{"name":"Direct"}}}']);
      expect(direct.stdout, direct.stderr).toMatch(/← 200/);
      expect(names).toEqual(["From the batch", "Direct"]);
    } finally {
      await server.close();
    }
  });

  it("a send without credentials carries none and says so (no default secret header)", async () => {
    const { server, seen } = await recorder(200);
    try {
      const run = await cli(["send", "contensis", "entry.published", "--url", `${server.url}/hooks/contensis`]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/note: sending without credentials \(no x-webhook-secret header\)/);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.headers["x-webhook-secret"]).toBeUndefined();
      const given = await cli(["send", "contensis", "entry.published", "--url", `${server.url}/hooks/contensis`, "--header", "x-webhook-secret: mine"]);
      expect(given.stderr).not.toMatch(/without credentials/);
      expect(seen[1]!.headers["x-webhook-secret"]).toBe("mine");
    } finally {
      await server.close();
    }
  });

  it("a 404 answer comes with a hint about the mount path", async () => {
    const { server } = await recorder(404);
    try {
      const run = await cli(["send", "blox", "editorial.update_asset", "--url", `${server.url}/webhooks/wrong`, "--secret", "s"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/← 404/);
      expect(run.stderr).toMatch(/hint: 404 means nothing answers at \/webhooks\/wrong .*mounted at .*\/hooks\/blox/);
    } finally {
      await server.close();
    }
  });

  describe("Contensis --subscription", () => {
    const definition = {
      name: "News to CDN",
      url: "https://hooks.example.com/contensis",
      topics: [{ resourceType: "entry", event: ["published", "unpublished"], contentTypeId: ["news"] }],
      headers: { "x-webhook-secret": { value: "sub-secret", secret: true } },
      templates: { "entry.news": { id: "{/resource/sys/id}", title: "{/resource/entryTitle}", kind: "news-item" } },
    } as const;
    let server: RunningServer;
    const seen: unknown[] = [];
    beforeAll(async () => {
      const receiver = createReceiver({ provider: contensis({ subscription: defineContensisSubscription(definition) }) });
      receiver.on("entry.published", ({ payload }) => void seen.push(payload));
      server = await startServer(toNodeHandler(receiver));
    });
    afterAll(() => server.close());

    it.each([
      ["a JSON file", "subscription.json", JSON.stringify(definition)],
      ["a module exporting `subscription`", "subscription.mjs", `export const subscription = ${JSON.stringify(definition)};`],
    ])("renders the user's templates from %s, and the receiver accepts the delivery", async (_, file, content) => {
      await writeFile(join(dir, file), content);
      seen.length = 0;
      const run = await cli(["send", "contensis", "entry.published", "--subscription", `./${file}`, "--url", `${server.url}/hooks/contensis`], dir);
      expect(run.stdout, run.stderr).toMatch(/← 200/);
      expect(seen).toEqual([{ id: expect.any(String), title: expect.any(String), kind: "news-item" }]);
    });

    it("refuses an event the subscription never sends", async () => {
      await writeFile(join(dir, "subscription.json"), JSON.stringify(definition));
      const run = await cli(["send", "contensis", "entry.deleted", "--subscription", "./subscription.json", "--url", `${server.url}/hooks/contensis`], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/never sends entry\.deleted; its events: entry\.published, entry\.unpublished/);
    });

    it("checks --override against the template's schema", async () => {
      await writeFile(join(dir, "subscription.json"), JSON.stringify(definition));
      const run = await cli(["send", "contensis", "entry.published", "--subscription", "./subscription.json", "--url", server.url, "--override", '{"titel":"x"}'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/"titel" is not a field of contensis entry\.published\. Did you mean "title"\?/);
    });
  });
});
