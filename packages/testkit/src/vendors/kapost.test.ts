import { createReceiver } from "@cmshooks/core";
import { kapost, kapostEvents, type KapostEventName } from "@cmshooks/kapost";
import { describe, expect, it } from "vitest";
import { authenticatorFor } from "../authenticator-for.js";
import type { TestAuth } from "../test-delivery.js";
import { toHandleInput } from "../to-handle-input.js";
import { kapostTestkit } from "./kapost.js";

const EVENTS = Object.keys(kapostEvents) as KapostEventName[];
const AUTHS: [string, TestAuth][] = [
  ["basic auth", { basic: { username: "kapost", password: "pa55:w0rd-with:colons" } }],
  ["a secret header", { header: { name: "X-Webhook-Token", value: "tok-3f9a0c" } }],
  ["a query secret", { query: { name: "token", value: "t0k3n&odd=chars/?" } }],
];

function receiverFor(auth: TestAuth) {
  const seen: { name: string; payload: unknown }[] = [];
  const receiver = createReceiver({ provider: kapost({ auth: authenticatorFor(auth) }) });
  receiver.on(EVENTS, ({ name, payload }) => void seen.push({ name, payload }));
  return { receiver, seen };
}

describe("kapostTestkit", () => {
  it("covers exactly the events of kapostEvents", () => {
    expect(kapostTestkit.events).toEqual(EVENTS);
    expect(kapostTestkit.vendor).toBe("kapost");
  });

  for (const [label, auth] of AUTHS) {
    for (const event of EVENTS) {
      it(`makes a ${event} delivery with ${label} that a receiver accepts (200) as ${event}`, async () => {
        const { receiver, seen } = receiverFor(auth);
        const delivery = await kapostTestkit.delivery(event, { auth, seed: 7 });
        const response = await receiver.handle(toHandleInput(delivery));
        expect(response.status).toBe(200);
        expect(seen).toEqual([{ name: event, payload: delivery.payload }]);
        expect(delivery.payload.operation).toBe(event.split(".")[1]);
      });
    }
  }

  it("puts basic credentials in Authorization, a header secret under its lower-case name, a query secret in the path", async () => {
    const [basic, header, query] = await Promise.all(AUTHS.map(([, auth]) => kapostTestkit.delivery("content.update", { auth })));
    expect(basic!.headers.authorization).toBe(`Basic ${Buffer.from("kapost:pa55:w0rd-with:colons").toString("base64")}`);
    expect(header!.headers["x-webhook-token"]).toBe("tok-3f9a0c");
    expect(query!.path).toBe(`/hooks/kapost?token=${encodeURIComponent("t0k3n&odd=chars/?")}`);
    expect(await kapostTestkit.sign(basic!.body, { auth: AUTHS[0]![1] })).toEqual({ authorization: basic!.headers.authorization });
  });

  it("makes a delivery without credentials when given no auth, which an authenticated receiver refuses (401)", async () => {
    const delivery = await kapostTestkit.delivery("content.create");
    expect(Object.keys(delivery.headers)).toEqual(["content-type"]);
    expect((await receiverFor(AUTHS[0]![1]).receiver.handle(toHandleInput(delivery))).status).toBe(401);
  });

  it("gives the same payload for the same seed and another one for another seed", () => {
    expect(kapostTestkit.payload("content.publish", { seed: 3 })).toEqual(kapostTestkit.payload("content.publish", { seed: 3 }));
    expect(kapostTestkit.payload("content.publish", { seed: 3 })).not.toEqual(kapostTestkit.payload("content.publish", { seed: 4 }));
  });

  it("deep-merges overrides into the payload and sends exactly those bytes", async () => {
    const delivery = await kapostTestkit.delivery("content.publish", { overrides: { payload: { full_post: { content_title: "Launch day" } } } });
    expect(delivery.payload.payload.full_post.content_title).toBe("Launch day");
    expect(delivery.payload.payload.full_post.id).toMatch(/^[0-9a-f]{24}$/);
    expect(JSON.parse(delivery.text)).toEqual(delivery.payload);
    expect(new TextDecoder().decode(delivery.body)).toBe(delivery.text);
  });
});
