import { basicAuth, createReceiver, secretHeader, secretQueryParam, type Authenticator, type Receiver } from "@cmshooks/core";
import { inbenta, inbentaSamples } from "@cmshooks/inbenta";
import { kapost, kapostSamples } from "@cmshooks/kapost";
import { toNodeHandler } from "@cmshooks/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type HttpResult, type RunningServer } from "./support/http.js";

/*
 * Kapost and Inbenta sign nothing: the receiver-side checks are all there is.
 * Every check runs through a real node:http server, for both vendors.
 */

const USER = "cms-hooks";
const PASSWORD = "n3w:pa55:word-7Qx"; // colons are legal in a Basic password
const OLD_PASSWORD = "old-pa55word-4Lm";
const HEADER = "x-webhook-token";
const TOKEN = "tok-5b8e0c7a9f1d4e26";
const OLD_TOKEN = "tok-previous-0a1b2c";

/** The same secret with only its last character changed. */
const lastCharOff = (secret: string) => `${secret.slice(0, -1)}${secret.endsWith("x") ? "y" : "x"}`;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;

const vendors = [
  { vendor: "kapost", provider: (auth: Authenticator | Authenticator[]) => kapost({ auth }), body: JSON.stringify(kapostSamples["content.publish"]), event: "content.publish" },
  { vendor: "inbenta", provider: (auth: Authenticator | Authenticator[]) => inbenta({ auth }), body: JSON.stringify(inbentaSamples.edit_content), event: "edit_content" },
] as const;

interface Attempt {
  readonly name: string;
  readonly headers?: Record<string, string>;
  readonly query?: string;
  readonly status: 200 | 401;
  readonly code?: "credentials_missing" | "credentials_invalid";
}

const modes: { mode: string; auth: () => Authenticator; attempts: Attempt[]; check?: (attempt: Attempt, result: HttpResult) => void }[] = [
  {
    mode: "basicAuth",
    auth: () => basicAuth({ credentials: [{ username: USER, password: PASSWORD }, { username: USER, password: OLD_PASSWORD }] }),
    attempts: [
      { name: "accepts the right credentials, a password with colons included (200)", headers: { authorization: basic(USER, PASSWORD) }, status: 200 },
      { name: "accepts the second credentials of the rotation list (200)", headers: { authorization: basic(USER, OLD_PASSWORD) }, status: 200 },
      { name: "rejects a wrong password (401)", headers: { authorization: basic(USER, "not-the-password") }, status: 401, code: "credentials_invalid" },
      { name: "rejects a password differing only in its last character (401)", headers: { authorization: basic(USER, lastCharOff(PASSWORD)) }, status: 401, code: "credentials_invalid" },
      { name: "rejects a username differing only in its last character (401)", headers: { authorization: basic(lastCharOff(USER), PASSWORD) }, status: 401, code: "credentials_invalid" },
      { name: "rejects the password cut at its first colon (401)", headers: { authorization: basic(USER, PASSWORD.split(":")[0]!) }, status: 401, code: "credentials_invalid" },
      { name: "rejects a Bearer token in place of Basic credentials (401)", headers: { authorization: `Bearer ${PASSWORD}` }, status: 401, code: "credentials_invalid" },
      { name: "rejects a delivery without credentials (401)", status: 401, code: "credentials_missing" },
    ],
    check: (attempt, result) => {
      if (attempt.status === 401) expect(result.headers["www-authenticate"]).toMatch(/^Basic realm="webhooks"/);
    },
  },
  {
    mode: "secretHeader",
    auth: () => secretHeader({ name: HEADER, value: [TOKEN, OLD_TOKEN] }),
    attempts: [
      { name: "accepts the right header value (200)", headers: { [HEADER]: TOKEN }, status: 200 },
      { name: "accepts the second value of the rotation list (200)", headers: { [HEADER]: OLD_TOKEN }, status: 200 },
      { name: "rejects a wrong value (401)", headers: { [HEADER]: "tok-guess" }, status: 401, code: "credentials_invalid" },
      { name: "rejects a value differing only in its last character (401)", headers: { [HEADER]: lastCharOff(TOKEN) }, status: 401, code: "credentials_invalid" },
      { name: "rejects the right value in another header (401)", headers: { "x-other-token": TOKEN }, status: 401, code: "credentials_missing" },
      { name: "rejects a delivery without the header (401)", status: 401, code: "credentials_missing" },
    ],
  },
  {
    mode: "secretQueryParam",
    auth: () => secretQueryParam({ name: "token", value: [TOKEN, OLD_TOKEN] }),
    attempts: [
      { name: "accepts the right query secret (200)", query: `?token=${TOKEN}`, status: 200 },
      { name: "accepts it among other parameters (200)", query: `?source=kapost&token=${encodeURIComponent(TOKEN)}&v=2`, status: 200 },
      { name: "accepts the second value of the rotation list (200)", query: `?token=${OLD_TOKEN}`, status: 200 },
      { name: "rejects a wrong value (401)", query: "?token=tok-guess", status: 401, code: "credentials_invalid" },
      { name: "rejects a value differing only in its last character (401)", query: `?token=${lastCharOff(TOKEN)}`, status: 401, code: "credentials_invalid" },
      { name: "rejects the secret sent as a header instead (401)", headers: { token: TOKEN }, status: 401, code: "credentials_missing" },
      { name: "rejects a delivery without the query secret (401)", status: 401, code: "credentials_missing" },
    ],
  },
];

for (const { vendor, provider, body, event } of vendors) {
  describe(`${vendor}: receiver-side authentication through node:http`, () => {
    let server: RunningServer;
    let receiver: Receiver;
    let handled: string[] = [];
    const use = (auth: Authenticator | Authenticator[], options: { allowIps?: string[] } = {}) => {
      handled = [];
      receiver = createReceiver({ provider: provider(auth), ...options }) as unknown as Receiver;
      receiver.onAny((e) => void handled.push(e.name));
    };
    const post = (attempt: Pick<Attempt, "headers" | "query">, base = server.url) =>
      request(`${base}/hooks/${vendor}${attempt.query ?? ""}`, { headers: { "content-type": "application/json", ...attempt.headers }, body });

    beforeAll(async () => {
      server = await startServer((req, res) => void toNodeHandler(receiver)(req, res));
    });
    afterAll(() => server.close());

    for (const { mode, auth, attempts, check } of modes) {
      describe(mode, () => {
        for (const attempt of attempts) {
          it(attempt.name, async () => {
            use(auth());
            const result = await post(attempt);
            expect(result.status).toBe(attempt.status);
            if (attempt.code) expect(result.json.error).toBe(attempt.code);
            expect(handled).toEqual(attempt.status === 200 ? [event] : []);
            // A rejection never echoes what was expected.
            for (const secret of [PASSWORD, OLD_PASSWORD, TOKEN, OLD_TOKEN]) expect(result.text).not.toContain(secret);
            check?.(attempt, result);
          });
        }
      });
    }

    it("basicAuth: accepts credentials written into the webhook URL (https://user:pass@host/…), which the sender turns into an Authorization header", async () => {
      use(basicAuth({ username: USER, password: PASSWORD }));
      const withCredentials = server.url.replace("http://", `http://${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}@`);
      const result = await post({}, withCredentials);
      expect([result.status, handled]).toEqual([200, [event]]);
    });

    it("a list of checks requires every one: basic auth alone is not enough when a query secret is also required (401), both pass (200)", async () => {
      use([basicAuth({ username: USER, password: PASSWORD }), secretQueryParam({ name: "token", value: TOKEN })]);
      const onlyBasic = await post({ headers: { authorization: basic(USER, PASSWORD) } });
      const both = await post({ headers: { authorization: basic(USER, PASSWORD) }, query: `?token=${TOKEN}` });
      expect([onlyBasic.status, both.status]).toEqual([401, 200]);
    });

    it("an IP allowlist alone lets the allowed address in (200) and answers others 403", async () => {
      handled = [];
      receiver = createReceiver({ provider: provider([]), allowIps: ["127.0.0.1"] }) as unknown as Receiver;
      receiver.onAny((e) => void handled.push(e.name));
      const allowed = await post({});
      receiver = createReceiver({ provider: provider([]), allowIps: ["10.0.0.0/8"] }) as unknown as Receiver;
      const refused = await post({});
      expect([allowed.status, refused.status, refused.json.error]).toEqual([200, 403, "ip_not_allowed"]);
    });
  });
}
