import { createReceiver, secretPathSegment, type Authenticator, type Receiver } from "@cmshooks/core";
import { inbenta, inbentaSamples } from "@cmshooks/inbenta";
import { kapost, kapostSamples } from "@cmshooks/kapost";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./support/http.js";

/*
 * A secret in the webhook URL's path (`https://app.example/hooks/kapost/<secret>`):
 * the check that needs nothing from the sender but the URL. Real node:http, both vendors.
 */

const SECRET = "p4th-8d2c6e1b0a9f7354";
const OLD_SECRET = "p4th-previous-61c0";
const lastCharOff = (secret: string) => `${secret.slice(0, -1)}${secret.endsWith("x") ? "y" : "x"}`;

const vendors = [
  { vendor: "kapost", provider: (auth: Authenticator) => kapost({ auth }), body: JSON.stringify(kapostSamples["content.update"]), event: "content.update" },
  { vendor: "inbenta", provider: (auth: Authenticator) => inbenta({ auth }), body: JSON.stringify(inbentaSamples.create_category), event: "create_category" },
] as const;

const attempts: { name: string; path: (vendor: string) => string; status: 200 | 401; code?: string }[] = [
  { name: "accepts the right path secret (200)", path: (v) => `/hooks/${v}/${SECRET}`, status: 200 },
  { name: "accepts it with a trailing slash and a query string (200)", path: (v) => `/hooks/${v}/${SECRET}/?ref=settings`, status: 200 },
  { name: "accepts the second secret of the rotation list (200)", path: (v) => `/hooks/${v}/${OLD_SECRET}`, status: 200 },
  { name: "rejects a wrong path secret (401)", path: (v) => `/hooks/${v}/p4th-guess`, status: 401, code: "credentials_invalid" },
  { name: "rejects a path secret differing only in its last character (401)", path: (v) => `/hooks/${v}/${lastCharOff(SECRET)}`, status: 401, code: "credentials_invalid" },
  { name: "rejects the secret moved into the query string (401)", path: (v) => `/hooks/${v}?secret=${SECRET}`, status: 401, code: "credentials_invalid" },
  { name: "rejects a delivery to a URL without any path (401)", path: () => "/", status: 401, code: "credentials_missing" },
];

for (const { vendor, provider, body, event } of vendors) {
  describe(`${vendor}: secretPathSegment through node:http`, () => {
    let server: RunningServer;
    let receiver: Receiver;
    let handled: string[] = [];

    beforeAll(async () => {
      server = await startServer((req, res) => void toNodeHandler(receiver)(req, res));
    });
    afterAll(() => server.close());

    for (const attempt of attempts) {
      it(attempt.name, async () => {
        handled = [];
        receiver = createReceiver({ provider: provider(secretPathSegment({ value: [SECRET, OLD_SECRET] })) }) as unknown as Receiver;
        receiver.onAny((e) => void handled.push(e.name));
        const result = await request(`${server.url}${attempt.path(vendor)}`, { headers: { "content-type": "application/json" }, body });
        expect(result.status).toBe(attempt.status);
        if (attempt.code) expect(result.json.error).toBe(attempt.code);
        expect(handled).toEqual(attempt.status === 200 ? [event] : []);
        expect(result.text).not.toContain(SECRET);
      });
    }

    it("checks the path of an absolute URL too, as receiver.fetch passes it", async () => {
      receiver = createReceiver({ provider: provider(secretPathSegment({ value: SECRET })) }) as unknown as Receiver;
      const ok = await receiver.fetch(new Request(`https://app.example/hooks/${vendor}/${SECRET}`, { method: "POST", body }));
      const wrong = await receiver.fetch(new Request(`https://app.example/hooks/${vendor}/${lastCharOff(SECRET)}`, { method: "POST", body }));
      expect([ok.status, wrong.status]).toEqual([200, 401]);
    });
  });
}
