import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sendRequest, testkit } from "@cmshooks/testkit";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipOutsideCi } from "./support/ci.js";
import { listen, requireBuiltCli } from "./support/cli-process.js";

// Debian's chromium, as .ci/run installs it; CHROMIUM_PATH points elsewhere.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
const SECRET = "inspector-secret-42";
const API_KEY = "sk_live_do_not_show_4711";
const run = promisify(execFile);

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) skipOutsideCi(`no Chromium at ${CHROMIUM}`, "apt-get install -y chromium, or set CHROMIUM_PATH");

describe.skipIf(!hasChromium)("the inspector page of cmshooks listen, in a real browser", () => {
  let listener: ReturnType<typeof listen>;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const requested: string[] = [];

  beforeAll(async () => {
    requireBuiltCli();
    await mkdir(ARTIFACTS, { recursive: true });
    listener = listen(["--port", "0", "--vendor", "blox", "--secret", SECRET]);
    [, origin] = (await listener.waitFor(/inspector: (http:\/\/127\.0\.0\.1:\d+)\//)) as unknown as [string, string];
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("request", (request) => requested.push(request.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await listener?.stop();
  });

  /** Sends bytes with headers to the listener, as a CMS would. */
  const post = async (body: string | Uint8Array, headers: Record<string, string>) =>
    (await sendRequest({ method: "POST", url: new URL(`${origin}/hooks/blox`), headers, body: typeof body === "string" ? new TextEncoder().encode(body) : body })).status;
  const row = (status: number) => page.locator(`#rows tr[data-status="${status}"]`);

  it("loads with no external asset, says it is live, and lists deliveries as they arrive", async () => {
    await page.goto(`${origin}/`);
    await expect.poll(() => page.locator("#connection").textContent()).toBe("Live");
    await expect.poll(() => page.locator("#about").textContent()).toBe(`BLOX CMS deliveries to ${origin} · checks: hmac`);
    expect(await page.locator("#empty").isVisible()).toBe(true);

    const valid = await testkit.blox.delivery("editorial.update_asset", { secret: SECRET, overrides: { data: { title: "Seen in the inspector" } } });
    expect(await post(valid.body, valid.headers)).toBe(200);
    await expect.poll(() => row(200).count()).toBe(1);

    const tampered = valid.text.replace("Seen in the inspector", "Changed on the way");
    expect(await post(tampered, valid.headers)).toBe(401);
    await expect.poll(() => row(401).count()).toBe(1);

    const notJson = '{"application":"editorial","event":"update_asset",';
    expect(await post(notJson, { "content-type": "application/json", ...(await testkit.blox.sign(notJson, { secret: SECRET })) })).toBe(400);
    await expect.poll(() => row(400).count()).toBe(1);

    // Newest first, each with its status, event and authenticity verdict.
    const rows = await page.locator("#rows tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows.map((cells) => cells.slice(1))).toEqual([
      ["POST /hooks/blox", "400 invalid_json", "—", "—", "✓ authentic", "—"],
      ["POST /hooks/blox", "401 signature_mismatch", "—", "—", "✗ not authentic", "—"],
      ["POST /hooks/blox", "200 OK", "editorial.update_asset", "content.update, content.publish", "✓ authentic", "—"],
    ]);
    expect(await page.locator("#count").textContent()).toBe("(3)");
    expect(await page.locator("#empty").isVisible()).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}inspector-three-deliveries.png`, fullPage: true });
    expect(requested.every((url) => url.startsWith(`${origin}/`))).toBe(true);
  });

  it("opens a delivery from the keyboard: summary, headers, pretty body, typed event, curl; Escape goes back", async () => {
    const link = row(200).getByRole("link", { name: "POST /hooks/blox" });
    await link.focus();
    await page.keyboard.press("Enter");
    const detail = page.locator("#detail");
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("detail-title");
    expect(await row(200).getAttribute("aria-current")).toBe("true");

    const text = (await detail.textContent()) ?? "";
    expect(text).toMatch(/Status200 OK/);
    expect(text).toMatch(/Authenticity✓ authentic \(hmac\)/);
    expect(text).toMatch(/Native eventeditorial\.update_asset/);
    const headers = await detail.locator("table.headers tbody tr").evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.children[0]!.textContent, tr.children[1]!.textContent])));
    expect(headers["x-hook-signature"]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(headers["content-type"]).toBe("application/json");
    const body = await detail.getByLabel("Raw body").textContent();
    expect(body).toContain('\n  "event": "update_asset",');
    expect(body).toContain('"title": "Seen in the inspector"');
    const typed = JSON.parse((await detail.getByLabel("Typed event JSON").textContent()) ?? "null");
    expect(typed).toMatchObject([{ name: "editorial.update_asset", known: true, payload: { data: { title: "Seen in the inspector" } } }]);
    const curl = (await detail.getByLabel("curl command").textContent()) ?? "";
    expect(curl).toMatch(new RegExp(`^curl -i -X POST '${origin}/hooks/blox' -H 'content-type: application/json' .*-H 'x-hook-signature: [^']+' .*--data-binary '\\{`));
    if (existsSync("/usr/bin/curl")) {
      // Pasted into a shell, it sends the exact bytes again: the listener verifies the signature and answers 200.
      const { stdout } = await run("sh", ["-c", curl]);
      expect(stdout).toMatch(/^HTTP\/1\.1 200 OK/);
      await expect.poll(() => row(200).count()).toBe(2);
    }
    await page.screenshot({ path: `${ARTIFACTS}inspector-detail.png`, fullPage: true });

    await page.keyboard.press("Escape");
    await expect.poll(() => detail.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("POST /hooks/blox");
  });

  it("shows validation issues with their paths, live, and masks a credential header", async () => {
    const invalid = JSON.stringify({ application: "editorial", event: "update_asset", data: { id: 42 } });
    const signed = await testkit.blox.sign(invalid, { secret: SECRET });
    expect(await post(invalid, { "content-type": "application/json", ...signed, authorization: `Bearer ${API_KEY}` })).toBe(422);
    await expect.poll(() => row(422).count()).toBe(1);
    const issues = await row(422).locator("td").nth(6).textContent();
    expect(issues).toMatch(/data\.\w+: /);

    await row(422).getByRole("link").click();
    const detail = page.locator("#detail");
    await expect.poll(() => detail.locator("h3").first().textContent()).toBe("Validation issues");
    expect(await detail.locator("section[aria-label='Validation issues'] code").first().textContent()).toMatch(/^data\.\w+$/);
    const authorization = detail.locator("table.headers tr", { hasText: "authorization" }).locator("td").nth(1);
    expect(await authorization.textContent()).toBe("Bearer [masked]");
    expect(await page.content()).not.toContain(API_KEY);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: `${ARTIFACTS}inspector-issues-dark.png`, fullPage: true });
  });
});
