import { createReceiver } from "@cmshooks/core";
import { inbenta, inbentaEvents, type InbentaEventName } from "@cmshooks/inbenta";
import { describe, expect, it } from "vitest";
import { authenticatorFor } from "../authenticator-for.js";
import type { TestAuth } from "../test-delivery.js";
import { toHandleInput } from "../to-handle-input.js";
import { inbentaTestkit } from "./inbenta.js";

const EVENTS = Object.keys(inbentaEvents) as InbentaEventName[];
const AUTHS: [string, TestAuth][] = [
  ["basic auth", { basic: { username: "inbenta", password: "pa55:w0rd-with:colons" } }],
  ["a secret header", { header: { name: "X-Webhook-Token", value: "tok-3f9a0c" } }],
  ["a query secret", { query: { name: "token", value: "t0k3n&odd=chars/?" } }],
];

function receiverFor(auth: TestAuth) {
  const seen: { name: string; payload: unknown }[] = [];
  const receiver = createReceiver({ provider: inbenta({ auth: authenticatorFor(auth) }) });
  receiver.on(EVENTS, ({ name, payload }) => void seen.push({ name, payload }));
  return { receiver, seen };
}

describe("inbentaTestkit", () => {
  it("covers exactly the events of inbentaEvents", () => {
    expect(inbentaTestkit.events).toEqual(EVENTS);
    expect(inbentaTestkit.vendor).toBe("inbenta");
  });

  for (const [label, auth] of AUTHS) {
    for (const event of EVENTS) {
      it(`makes a ${event} delivery with ${label} that a receiver accepts (200) as ${event}`, async () => {
        const { receiver, seen } = receiverFor(auth);
        const delivery = await inbentaTestkit.delivery(event, { auth, seed: 7 });
        const response = await receiver.handle(toHandleInput(delivery));
        expect(response.status).toBe(200);
        expect(seen).toEqual([{ name: event, payload: delivery.payload }]);
        // The move arrives under its payload name, whichever name Inbenta's settings use; a save is named by its action.
        const { trigger, action } = delivery.payload as { trigger?: string; action?: string };
        expect(trigger ?? `upon_saving.${action}`).toBe(event);
      });
    }
  }

  it("puts basic credentials in Authorization, a header secret under its lower-case name, a query secret in the path", async () => {
    const [basic, header, query] = await Promise.all(AUTHS.map(([, auth]) => inbentaTestkit.delivery("edit_content", { auth })));
    expect(basic!.headers.authorization).toBe(`Basic ${Buffer.from("inbenta:pa55:w0rd-with:colons").toString("base64")}`);
    expect(header!.headers["x-webhook-token"]).toBe("tok-3f9a0c");
    expect(query!.path).toBe(`/hooks/inbenta?token=${encodeURIComponent("t0k3n&odd=chars/?")}`);
    expect(await inbentaTestkit.sign(basic!.body, { auth: AUTHS[0]![1] })).toEqual({ authorization: basic!.headers.authorization });
  });

  it("makes a delivery without credentials when given no auth, which an authenticated receiver refuses (401)", async () => {
    const delivery = await inbentaTestkit.delivery("create_content");
    expect(Object.keys(delivery.headers)).toEqual(["content-type"]);
    expect((await receiverFor(AUTHS[0]![1]).receiver.handle(toHandleInput(delivery))).status).toBe(401);
  });

  it("sends a date with every trigger except the move, as documented", () => {
    for (const event of EVENTS) {
      expect("date" in inbentaTestkit.payload(event), event).toBe(event !== "moving_category_tree");
    }
  });

  it("gives the same payload for the same seed and another one for another seed", () => {
    expect(inbentaTestkit.payload("edit_content", { seed: 3 })).toEqual(inbentaTestkit.payload("edit_content", { seed: 3 }));
    expect(inbentaTestkit.payload("edit_content", { seed: 3 })).not.toEqual(inbentaTestkit.payload("edit_content", { seed: 4 }));
  });

  it("deep-merges overrides into the payload and sends exactly those bytes", async () => {
    const delivery = await inbentaTestkit.delivery("edit_content", { overrides: { contentData: { title: "How do I pay by bank transfer?" } } });
    expect(delivery.payload.contentData.title).toBe("How do I pay by bank transfer?");
    expect(delivery.payload.contentPreviousData?.title).toEqual(expect.any(String));
    expect(Number.isInteger(delivery.payload.contentId)).toBe(true);
    expect(JSON.parse(delivery.text)).toEqual(delivery.payload);
    expect(new TextDecoder().decode(delivery.body)).toBe(delivery.text);
  });
});
