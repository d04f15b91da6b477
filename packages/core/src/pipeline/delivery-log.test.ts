import { describe, expect, it } from "vitest";
import { z } from "zod";
import { basicAuth } from "../auth/basic-auth.js";
import { makeCreateReceiver } from "../create-receiver.js";
import { nodeCryptoEngine } from "../crypto/node-crypto.js";
import { deliveryRecordToJson, parseDeliveryRecordJson } from "../delivery-log/record-json.js";
import type { WebhookError } from "../errors.js";
import { defineEvent, defineProvider } from "../provider.js";
import type { DeliveryLogOptions, DeliveryRecord } from "./delivery-log.js";

const createReceiver = makeCreateReceiver(nodeCryptoEngine);
const AUTH = "Basic " + btoa("cms:pa55-word");
const encoder = new TextEncoder();

function receiverWith(deliveryLog: Omit<DeliveryLogOptions, "store"> & { store?: DeliveryLogOptions["store"] }) {
  const records: DeliveryRecord[] = [];
  const errors: WebhookError[] = [];
  const provider = defineProvider({
    name: "test",
    events: { ping: defineEvent(z.object({ id: z.string() })) },
    auth: basicAuth({ username: "cms", password: "pa55-word" }),
    route: (body) => [{ name: "ping", payload: body }],
  });
  let failing = false;
  const receiver = createReceiver({ provider, deliveryLog: { store: { append: (r) => void records.push(r) }, ...deliveryLog } });
  receiver.on("ping", () => {
    if (failing) throw new Error("handler bug");
  });
  receiver.onError((error) => void errors.push(error));
  const deliver = (body: string, headers: Record<string, string> = { authorization: AUTH }) =>
    receiver.handle({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: async () => encoder.encode(body), ip: "127.0.0.1", url: "/hooks/test?x=1" });
  return { receiver, records, errors, deliver, fail: (on: boolean) => (failing = on) };
}

describe("receiver option deliveryLog", () => {
  it('records by default only the deliveries answered 5xx ("failed"), with the exact bytes the pipeline read', async () => {
    const { records, deliver, fail } = receiverWith({});
    expect((await deliver('{"id":"ok"}')).status).toBe(200);
    fail(true);
    expect((await deliver('{"id":"lost"} ')).status).toBe(500);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ method: "POST", path: "/hooks/test?x=1", status: 500, error: "handler_failed", ip: "127.0.0.1" });
    expect(new TextDecoder().decode(record!.body)).toBe('{"id":"lost"} ');
    expect(Date.parse(record!.receivedAt)).not.toBeNaN();
  });

  it('records 4xx answers with "rejected", and has no body for a delivery refused before its body was read', async () => {
    const { records, deliver } = receiverWith({ when: "rejected" });
    await deliver('{"id":"ok"}');
    await deliver('{"id":"x"}', { authorization: "Basic " + btoa("cms:guess") });
    await deliver('{"id":7}');
    expect(records.map((r) => [r.status, r.error])).toEqual([
      [401, "credentials_invalid"],
      [422, "invalid_payload"],
    ]);
    expect(records[0]!.body).toBeUndefined();
    expect(new TextDecoder().decode(records[1]!.body)).toBe('{"id":7}');
  });

  it("masks the credential in every record, whatever the outcome", async () => {
    const { records, deliver } = receiverWith({ when: "all" });
    await deliver('{"id":"ok"}');
    await deliver('{"id":"x"}', { authorization: "Basic " + btoa("cms:pa55-word-wrong") });
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record.headers.authorization).toBe("Basic [masked]");
      expect(deliveryRecordToJson(record)).not.toMatch(/pa55|Y21zOnBhNTU/);
    }
  });

  it("takes a predicate", async () => {
    const { records, deliver } = receiverWith({ when: (record) => record.status === 200 && record.path.startsWith("/hooks/") });
    await deliver('{"id":"ok"}');
    await deliver("not json");
    expect(records.map((r) => r.status)).toEqual([200]);
  });

  it("answers without waiting for the store, and reports a store that fails through onError without changing the answer", async () => {
    let reject!: (error: Error) => void;
    const { deliver, errors } = receiverWith({
      when: "all",
      store: { append: () => new Promise<void>((_, r) => (reject = r)) },
    });
    // The store has not settled, and the answer is already here.
    expect((await deliver('{"id":"ok"}')).status).toBe(200);
    reject(new Error("disk full"));
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.map((e) => [e.code, e.level, e.message])).toEqual([["delivery_log_failed", "warning", "A delivery could not be recorded: disk full"]]);
  });

  it("reports a store that throws synchronously, and still answers", async () => {
    const { deliver, errors } = receiverWith({ when: "all", store: { append: () => { throw new Error("boom"); } } });
    expect((await deliver('{"id":"ok"}')).status).toBe(200);
    expect(errors.map((e) => e.code)).toEqual(["delivery_log_failed"]);
    expect(errors.map((e) => e.message)).toEqual(["A delivery could not be recorded: boom"]);
  });

  it("takes a store's synchronous return value, whatever it is, as stored", async () => {
    const appended: DeliveryRecord[] = [];
    const { deliver, errors } = receiverWith({ when: "all", maxPending: 1, store: { append: (r) => appended.push(r) as never } });
    await deliver('{"id":"1"}');
    await deliver('{"id":"2"}');
    await new Promise((r) => setTimeout(r, 0));
    expect([appended.length, errors]).toEqual([2, []]);
  });

  it("reports a store that throws or rejects with nothing at all, and still answers", async () => {
    const throwing = receiverWith({ when: "all", store: { append: () => { throw undefined; } } });
    expect((await throwing.deliver('{"id":"ok"}')).status).toBe(200);
    const rejecting = receiverWith({ when: "all", store: { append: () => Promise.reject(null) } });
    expect((await rejecting.deliver('{"id":"ok"}')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 0));
    expect([...throwing.errors, ...rejecting.errors].map((e) => e.message)).toEqual([
      "A delivery could not be recorded: undefined",
      "A delivery could not be recorded: null",
    ]);
  });

  it("refuses a deliveryLog option without a store", () => {
    expect(() => receiverWith({ store: undefined as never })).toThrow("createReceiver: deliveryLog needs a store with append(record)");
  });

  it("drops records while maxPending are being stored, says so once, and says how many once the store caught up", async () => {
    const pending: (() => void)[] = [];
    const { deliver, errors } = receiverWith({ when: "all", maxPending: 2, store: { append: () => new Promise<void>((r) => pending.push(r)) } });
    for (let i = 0; i < 5; i++) expect((await deliver('{"id":"ok"}')).status).toBe(200);
    expect(pending).toHaveLength(2);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("dropping records")]);
    for (const resolve of pending) resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("dropping records"), expect.stringContaining("3 record(s) were dropped")]);
  });

  it("refuses an option it cannot use when the receiver is created", () => {
    expect(() => receiverWith({ store: {} as DeliveryLogOptions["store"] })).toThrow(/append/);
    expect(() => receiverWith({ when: "sometimes" as "all" })).toThrow(/deliveryLog.when/);
  });

  it("says what to pass for each option it refuses", () => {
    expect(() => receiverWith({ store: {} as DeliveryLogOptions["store"] })).toThrow(
      "createReceiver: deliveryLog needs a store with append(record), e.g. fileDeliveryLog(path)",
    );
    expect(() => receiverWith({ when: "sometimes" as "all" })).toThrow('createReceiver: deliveryLog.when must be "failed", "rejected", "all" or a function, got sometimes');
    for (const maxPending of [0, -1, 1.5, Number.NaN]) {
      expect(() => receiverWith({ maxPending })).toThrow(`createReceiver: deliveryLog.maxPending must be a positive integer, got ${maxPending}`);
    }
    expect(() => receiverWith({ maxPending: 1 })).not.toThrow();
  });

  it('"rejected" records 4xx only, "all" every answer, and a 2xx record has no error code', async () => {
    const rejected = receiverWith({ when: "rejected" });
    rejected.fail(true);
    await rejected.deliver('{"id":"lost"}');
    rejected.fail(false);
    await rejected.deliver('{"id":"ok"}');
    await rejected.deliver("[1]");
    await rejected.deliver("nope");
    expect(rejected.records.map((r) => [r.status, r.error])).toEqual([
      [422, "invalid_payload"],
      [400, "invalid_json"],
    ]);
    const all = receiverWith({ when: "all" });
    await all.deliver('{"id":"ok"}');
    all.fail(true);
    await all.deliver('{"id":"lost"}');
    expect(all.records.map((r) => [r.status, r.error])).toEqual([
      [200, undefined],
      [500, "handler_failed"],
    ]);
    expect(Object.hasOwn(all.records[0]!, "error")).toBe(true);
  });

  it("gives the predicate every answer, with its error code", async () => {
    const seen: [number, string | undefined][] = [];
    const { deliver, records } = receiverWith({ when: (record) => (seen.push([record.status, record.error]), false) });
    await deliver('{"id":"ok"}');
    await deliver("nope");
    expect(seen).toEqual([
      [200, undefined],
      [400, "invalid_json"],
    ]);
    expect(records).toEqual([]);
  });

  it("records the bytes of a body given as bytes or a string, and the answer of a synchronous store without counting it pending", async () => {
    const records: DeliveryRecord[] = [];
    const errors: WebhookError[] = [];
    const provider = defineProvider({ name: "plain", events: { ping: defineEvent(z.object({ id: z.string() })) }, auth: undefined, route: (body) => [{ name: "ping", payload: body }] });
    const receiver = createReceiver({ provider, allowUnauthenticated: true, log: false, deliveryLog: { store: { append: (r) => void records.push(r) }, when: "all", maxPending: 1 } });
    receiver.onError((e) => void errors.push(e));
    receiver.onAny(() => {});
    await receiver.handle({ method: "POST", headers: {}, body: '{"id":"s"}' });
    await receiver.handle({ method: "POST", headers: {}, body: encoder.encode('{"id":"b"}') });
    await receiver.handle({ method: "POST", headers: {}, body: '{"id":"t"}' });
    expect(records.map((r) => new TextDecoder().decode(r.body))).toEqual(['{"id":"s"}', '{"id":"b"}', '{"id":"t"}']);
    expect(records.map((r) => [r.path, r.ip])).toEqual([
      ["/", undefined],
      ["/", undefined],
      ["/", undefined],
    ]);
    expect(errors).toEqual([]);
  });

  it("reports a failing store with the status of the answer it recorded, and a store rejecting with a non-error", async () => {
    const { deliver, errors, fail } = receiverWith({ when: "all", store: { append: () => Promise.reject("quota") } });
    fail(true);
    await deliver('{"id":"lost"}');
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.map((e) => [e.code, e.status, e.message, e.cause])).toEqual([
      ["handler_failed", 500, "A handler for ping (event 0) failed: handler bug", expect.any(Error)],
      ["delivery_log_failed", 500, "A delivery could not be recorded: quota", "quota"],
    ]);
  });

  it("counts a record pending until its store settles, failed or not, and reports dropped ones once all settled", async () => {
    const settle: { resolve: () => void; reject: (e: Error) => void }[] = [];
    const { deliver, errors } = receiverWith({
      when: "all",
      maxPending: 2,
      store: { append: () => new Promise<void>((resolve, reject) => settle.push({ resolve, reject })) },
    });
    await deliver('{"id":"1"}');
    await deliver('{"id":"2"}');
    await deliver('{"id":"3"}');
    expect(errors.map((e) => [e.message, e.status])).toEqual([["The delivery log store is behind (2 records pending): dropping records", 200]]);
    settle[0]!.reject(new Error("disk"));
    await new Promise((r) => setTimeout(r, 0));
    await deliver('{"id":"4"}');
    expect(settle).toHaveLength(3);
    settle[1]!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(2);
    settle[2]!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.map((e) => [e.message, e.status])).toEqual([
      ["The delivery log store is behind (2 records pending): dropping records", 200],
      ["A delivery could not be recorded: disk", 200],
      ["The delivery log store caught up; 1 record(s) were dropped meanwhile", 200],
    ]);
    await deliver('{"id":"5"}');
    settle[3]!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(3);
  });
});

describe("delivery record JSON", () => {
  const record: DeliveryRecord = {
    receivedAt: "2026-12-01T10:00:00.000Z",
    method: "POST",
    path: "/hooks/blox",
    headers: { "x-hook-signature": "abc=" },
    body: new Uint8Array([0x7b, 0x7d, 0x0a, 0xff]),
    status: 500,
    error: "handler_failed",
  };

  it("round-trips a record, non-UTF-8 bytes included", () => {
    const parsed = parseDeliveryRecordJson(deliveryRecordToJson(record));
    expect(parsed).toEqual({ ok: true, record });
  });

  it.for([
    ["a truncated line", deliveryRecordToJson(record).slice(0, 40), /not JSON \(truncated or corrupt\)/],
    ["a line of another shape", '{"hello":"world"}', /not a delivery record: receivedAt/],
    ["a body that is not base64", deliveryRecordToJson(record).replace(/"body":"[^"]*"/, '"body":"%%%"'), /body: not base64/],
    ["a number", "42", /not a delivery record: \(root\)/],
  ] as const)("gives the reason for %s instead of throwing", ([, line, reason]) => {
    const parsed = parseDeliveryRecordJson(line);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.reason).toMatch(reason);
  });
});
