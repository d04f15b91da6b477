import { describe, expect, it } from "vitest";
import { toHeaderReader } from "../headers.js";
import type { UnifiedEventInit } from "../unified-events.js";
import { DeliveryTenant } from "./delivery-tenant.js";
import { EventRecord } from "./event-record.js";
import { UnifiedEventObject } from "./unified-event.js";

const headers = toHeaderReader({ "x-a": "1" });
const record = (over: { vendorId?: string; index?: number; hash?: () => string } = {}) =>
  new EventRecord("entry.publish", { id: "e1" }, "vendor", { m: 1 }, headers, over.index ?? 0, true, over.vendorId, { hex: over.hash ?? (() => "h") });

describe("EventRecord", () => {
  it("takes the vendor's id when it gives one, and never hashes then", () => {
    let hashed = 0;
    const r = record({ vendorId: "v-1", index: 3, hash: () => String(++hashed) });
    expect([r.deliveryId, hashed]).toEqual(["v-1", 0]);
  });

  it("otherwise derives the id from the body hash and the name, adding the index past the first event, once", () => {
    let hashed = 0;
    const first = record({ hash: () => `hash${++hashed}` });
    expect([first.deliveryId, first.deliveryId, hashed]).toEqual(["hash1:entry.publish", "hash1:entry.publish", 1]);
    expect(record({ index: 2 }).deliveryId).toBe("h:entry.publish:2");
  });

  it("is logged as its name, source, id, index, whether it is known, and payload (no headers, no meta)", () => {
    const r = record({ index: 1 });
    r.tenant = "acme";
    expect(JSON.parse(JSON.stringify(r))).toEqual({ name: "entry.publish", source: "vendor", deliveryId: "h:entry.publish:1", index: 1, known: true, payload: { id: "e1" } });
  });
});

describe("UnifiedEventObject", () => {
  const init = (over: Record<string, unknown> = {}) => ({ kind: "content.update", items: [{ id: "i" }], channel: "preview", ...over }) as unknown as UnifiedEventInit;

  it("copies the init's fields and the record's, and the kind-specific fields only where given", () => {
    const r = record();
    r.tenant = "acme";
    const plain = new UnifiedEventObject(init(), r);
    expect({ ...plain }).toEqual({ kind: "content.update", items: [{ id: "i" }], channel: "preview", source: "vendor", nativeEvent: "entry.publish", raw: { id: "e1" }, meta: { m: 1 }, tenant: "acme" });
    for (const field of ["changedFields", "workflow", "taxonomy", "user"]) expect(Object.hasOwn(plain, field)).toBe(false);
    const full = new UnifiedEventObject(init({ changedFields: ["title"], workflow: { to: { id: "w" } }, taxonomy: { group: "g" }, user: { id: "u" } }), r);
    expect({ ...full }).toMatchObject({ changedFields: ["title"], workflow: { to: { id: "w" } }, taxonomy: { group: "g" }, user: { id: "u" } });
  });

  it("reads the delivery id from the record, lazily", () => {
    let hashed = 0;
    const event = new UnifiedEventObject(init(), record({ hash: () => `h${++hashed}` }));
    expect(hashed).toBe(0);
    expect(event.deliveryId).toBe("h1:entry.publish");
  });

  it("parses occurredAt once, from a string or a Date, and gives undefined for none or an invalid date", () => {
    const when = new Date("2026-01-02T03:04:05.000Z");
    const fromString = new UnifiedEventObject(init({ occurredAt: "2026-01-02T03:04:05Z" }), record());
    expect(fromString.occurredAt).toEqual(when);
    expect(fromString.occurredAt).toBe(fromString.occurredAt);
    expect(new UnifiedEventObject(init({ occurredAt: when }), record()).occurredAt).toBe(when);
    expect(new UnifiedEventObject(init(), record()).occurredAt).toBeUndefined();
    expect(new UnifiedEventObject(init({ occurredAt: "not a date" }), record()).occurredAt).toBeUndefined();
  });

  it("includes the lazy fields in its JSON", () => {
    const event = new UnifiedEventObject(init({ occurredAt: "2026-01-02T03:04:05Z" }), record());
    expect(JSON.parse(JSON.stringify(event))).toMatchObject({ kind: "content.update", deliveryId: "h:entry.publish", occurredAt: "2026-01-02T03:04:05.000Z" });
  });
});

describe("DeliveryTenant", () => {
  it("names the tenant on first read only, and takes an empty name or a non-string as none", () => {
    let calls = 0;
    const tenant = new DeliveryTenant(({ params }) => (calls++, params.t), { t: "acme" }, headers);
    expect([tenant.tenant, tenant.tenant, calls]).toEqual(["acme", "acme", 1]);
    let emptyCalls = 0;
    const empty = new DeliveryTenant(() => (emptyCalls++, ""), undefined, headers);
    expect([empty.tenant, empty.tenant, emptyCalls]).toEqual([undefined, undefined, 1]);
    expect(new DeliveryTenant(() => 7 as never, undefined, headers).tenant).toBeUndefined();
  });

  it("gives the route parameters (none: an empty frozen record) and the headers", () => {
    const tenant = new DeliveryTenant(() => undefined, undefined, headers);
    expect(tenant.params).toEqual({});
    expect(Object.isFrozen(tenant.params)).toBe(true);
    expect(tenant.headers.get("x-a")).toBe("1");
  });

  it("peeks at the body: nothing before it is read, its JSON once parsed, undefined when it is not JSON", () => {
    const tenant = new DeliveryTenant(() => undefined, undefined, headers);
    const { peek } = tenant;
    expect(peek()).toBeUndefined();
    tenant.body = new TextEncoder().encode('{"t":"x"}');
    const first = peek();
    expect(first).toEqual({ t: "x" });
    expect(peek()).toBe(first);
    const broken = new DeliveryTenant(() => undefined, undefined, headers);
    broken.body = new TextEncoder().encode("{nope");
    expect(broken.peek()).toBeUndefined();
    broken.body = new TextEncoder().encode('{"late":true}');
    expect(broken.peek()).toBeUndefined();
  });
});
