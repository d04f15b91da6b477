// Regressions found by the reliability suite: each one the smallest delivery that shows the bug, asserting what the
// status table requires. They fail until the fixes described in the report land. Measured: < 1 s.
import { createReceiver, defineEvent, defineProvider, memoryDedupeStore, secretHeader, type WebhookError } from "@cmshooks/core";
import { inbenta } from "@cmshooks/inbenta";
import { sampleCredentials, testkit, vendors, type VendorEntry } from "@cmshooks/testkit";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { nestedJson } from "./support/body-mutations.js";

const encoder = new TextEncoder();

/** A sample delivery with its text changed and its credentials made again for the new bytes. */
async function resigned(vendor: "kontent" | "inbenta", event: string, edit: (text: string) => string) {
  const entry = vendors[vendor] as VendorEntry;
  const credentials = sampleCredentials(entry);
  const delivery = await entry.kit.delivery(event, credentials);
  const body = encoder.encode(edit(delivery.text));
  const headers: Record<string, string> = { ...delivery.headers };
  for (const name of Object.keys(await entry.kit.sign(delivery.body, credentials))) delete headers[name];
  Object.assign(headers, await entry.kit.sign(body, credentials));
  return { entry, credentials, input: { method: "POST", headers, body, ip: "127.0.0.1", url: delivery.path } };
}

describe("regressions: deeply nested JSON in a genuine delivery", () => {
  it("kontent: a message.id nested 10 000 levels deep (X-KC-Message-Id present) is refused by the schema (422), not a 500", async () => {
    const { entry, credentials, input } = await resigned("kontent", "content_item_variant.publish", (text) => {
      const payload = JSON.parse(text) as { message: { id: unknown } };
      payload.message.id = "@deep@";
      return JSON.stringify(payload).replace('"@deep@"', nestedJson(10_000, "array"));
    });
    expect(input.headers["x-kc-message-id"]).toBeDefined();
    const receiver = createReceiver({ provider: entry.provider(credentials) });
    const errors: WebhookError[] = [];
    receiver.onError((e) => void errors.push(e));
    const res = await receiver.handle(input);
    expect(errors.map((e) => e.code)).not.toContain("internal_error");
    expect(res.status, res.body).toBe(422);
  });

  it("inbenta: edit_content with the same deeply nested field in contentData and contentPreviousData is handled (200), not a 500", async () => {
    const deep = nestedJson(10_000, "array");
    const { entry, credentials, input } = await resigned("inbenta", "edit_content", (text) =>
      text.replace('"contentData":{', `"contentData":{"nested":${deep},`).replace('"contentPreviousData":{', `"contentPreviousData":{"nested":${deep},`),
    );
    const receiver = createReceiver({ provider: entry.provider(credentials) });
    const changed: string[][] = [];
    receiver.onContentUpdate((event) => void changed.push([...(event.changedFields ?? [])]));
    const res = await receiver.handle(input);
    expect(res.status, res.body).toBe(200);
    expect(changed).toHaveLength(1);
    expect(changed[0]).not.toContain("nested");
  });
});

describe("regressions: the dedupe claim after a failure in the pipeline", () => {
  /** A vendor whose unified mapping throws on one payload: a bug in a vendor package, as the Inbenta one above. */
  const provider = defineProvider({
    name: "mapping-bug",
    auth: secretHeader({ name: "x-secret", value: "s3cret-value" }),
    events: {
      ping: defineEvent(z.looseObject({ id: z.string(), explode: z.boolean().optional() }), {
        unified: (p) => {
          if (p.explode) throw new RangeError("Maximum call stack size exceeded");
          return { kind: "content.update", items: [{ id: p.id }] };
        },
      }),
    },
    route: (body) => [{ name: "ping", payload: body }],
  });
  const input = { method: "POST", headers: { "content-type": "application/json", "x-secret": "s3cret-value" }, body: '{"id":"a1","explode":true}' };

  it("a unified mapping that throws answers 500 and releases the claim: the sender's retry runs again instead of getting 503 for processingTtlMs", async () => {
    const receiver = createReceiver({ provider, dedupe: memoryDedupeStore() });
    let native = 0;
    receiver.on("ping", () => void native++);
    receiver.onContentUpdate(() => undefined);
    const first = await receiver.handle(input);
    expect(first.status).toBe(500);
    const retry = await receiver.handle(input);
    expect(JSON.parse(retry.body)).not.toMatchObject({ error: "duplicate_in_progress" });
    expect(retry.status).toBe(500);
    expect(native).toBe(2);
  });

  it("a unified mapping that throws is reported as a failure of that event (handler_failed), not an anonymous internal_error", async () => {
    const receiver = createReceiver({ provider });
    const errors: WebhookError[] = [];
    receiver.onError((e) => void errors.push(e));
    receiver.onContentUpdate(() => undefined);
    const res = await receiver.handle(input);
    expect(JSON.parse(res.body)).toMatchObject({ error: "handler_failed", event: "ping" });
    expect(errors.map((e) => e.code)).toEqual(["handler_failed"]);
  });
});

describe("regressions: a body the client never finished", () => {
  it("receiver.fetch (Hono, Workers, Bun, Deno): a body stream that errors mid-way (client gone) is 400 body_incomplete, not 500 internal_error", async () => {
    const credentials = sampleCredentials(vendors.blox);
    const receiver = createReceiver({ provider: vendors.blox.provider(credentials) });
    const errors: WebhookError[] = [];
    receiver.onError((e) => void errors.push(e));
    const delivery = await testkit.blox.delivery("editorial.update_asset", credentials);
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(delivery.body.subarray(0, 10));
        } else controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const request = new Request("http://127.0.0.1/hooks/blox", { method: "POST", headers: delivery.headers, body, duplex: "half" } as RequestInit);
    const res = await receiver.fetch(request, { ip: "127.0.0.1" });
    expect(errors.map((e) => e.code)).toEqual(["body_incomplete"]);
    expect(res.status).toBe(400);
  });
});

describe("regressions: header names", () => {
  it("a secret header named like an Object.prototype member (constructor), absent from a Node headers record, is 401, not 500", async () => {
    const receiver = createReceiver({ provider: inbenta({ auth: secretHeader({ name: "Constructor", value: "s3cret-value" }) }) });
    const res = await receiver.handle({ method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status, res.body).toBe(401);
  });
});
