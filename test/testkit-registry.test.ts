import { createReceiver, defineEvent, defineProvider, toHeaderReader, type Provider } from "@cmshooks/core";
import { blox, bloxEvents } from "@cmshooks/blox";
import {
  authenticatorFor,
  authHeaders,
  defineVendor,
  deepMerge,
  describeEvents,
  makeDelivery,
  pathWithAuth,
  sampleCredentials,
  SampleData,
  testkit,
  toRequest,
  vendorIds,
  vendors,
  type TestAuth,
  type VendorCredentials,
  type VendorEntry,
} from "@cmshooks/testkit";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/** The events a provider routes a delivery to, after checking each payload against its schema. */
function routeAndValidate(provider: Provider, delivery: { text: string; headers: Readonly<Record<string, string>> }) {
  const headers = toHeaderReader(delivery.headers);
  const routed = provider.route(JSON.parse(delivery.text), { headers, meta: provider.readMeta(headers), warn: () => {} });
  return routed.map(({ name, payload }) => {
    const prepared = provider.events.get(name);
    const result = prepared?.schema.safeParse(payload);
    return { name, issues: result?.success === false ? result.error.issues : result ? [] : ["unknown event"] };
  });
}

async function handleWith(entry: VendorEntry, receiverCredentials: VendorCredentials, deliveryCredentials: VendorCredentials, event: string) {
  const receiver = createReceiver({ provider: entry.provider(receiverCredentials) });
  const seen: string[] = [];
  receiver.on(event, ({ name }) => void seen.push(name));
  const delivery = await entry.kit.delivery(event, deliveryCredentials);
  const response = await receiver.fetch(toRequest(delivery), { ip: "127.0.0.1" });
  return { status: response.status, body: await response.text(), seen };
}

const OTHER: Record<VendorEntry["authenticity"], VendorCredentials> = {
  signature: { secret: "not-the-receivers-secret" },
  credentials: { auth: { header: { name: "x-cmshooks-sample", value: "wrong" } } },
};

const CREDENTIAL_FORMS: readonly TestAuth[] = [
  { basic: { username: "cms", password: "pa:55 wörd" } },
  { header: { name: "X-Webhook-Secret", value: "h3ader" } },
  { query: { name: "token", value: "q/u&ery" } },
];

/** The contract every vendor of the registry meets; generic over the registry, so a new vendor is covered by adding it. */
function specifyVendor(id: string, entry: VendorEntry) {
  const credentials = sampleCredentials(entry);
  // The vendor's own table of events (defineProvider takes its keys), not the kit's list.
  const tableEvents = entry.provider(credentials).eventNames;

  describe(`${id} (${entry.title})`, () => {
    it("is registered under its own vendor id and lists exactly the events of the vendor's table", () => {
      expect(entry.kit.vendor).toBe(id);
      expect(entry.provider(credentials).name).toBe(id);
      expect([...entry.kit.events].sort()).toEqual([...tableEvents].sort());
    });

    it.each(tableEvents)("builds %s as a schema-valid delivery that passes authentication through receiver.fetch (200)", async (event) => {
      const delivery = await entry.kit.delivery(event, credentials);
      expect(delivery.event).toBe(event);
      expect(delivery.vendor).toBe(id);
      expect(delivery.path).toMatch(/^\//);
      expect(new TextDecoder().decode(delivery.body)).toBe(delivery.text);
      const routed = routeAndValidate(entry.provider(credentials), delivery);
      expect(routed.map((r) => r.name)).toContain(event);
      for (const { issues } of routed) expect(issues).toEqual([]);
      const result = await handleWith(entry, credentials, credentials, event);
      expect(result.status, result.body).toBe(200);
      expect(result.seen).toContain(event);
    });

    it("gets a 401 for every event when the delivery carries other credentials", async () => {
      for (const event of tableEvents) {
        const result = await handleWith(entry, credentials, OTHER[entry.authenticity], event);
        expect(result.status, `${event}: ${result.body}`).toBe(401);
        expect(result.seen).toEqual([]);
      }
    });

    it("is deterministic for a seed (and signing time), and another seed gives other sample data", async () => {
      // Vendors that sign a time (Sanity, Hygraph, Contentful) sign at `timestamp`; the others ignore it.
      const timestamp = Date.now();
      for (const event of tableEvents) {
        const a = await entry.kit.delivery(event, { ...credentials, seed: 7, timestamp });
        const b = await entry.kit.delivery(event, { ...credentials, seed: 7, timestamp });
        const c = await entry.kit.delivery(event, { ...credentials, seed: 8, timestamp });
        expect(b.text).toBe(a.text);
        expect(b.headers).toEqual(a.headers);
        expect(c.text, event).not.toBe(a.text);
        expect(entry.kit.payload(event, { seed: 7 })).toEqual(a.payload);
      }
    });

    it("signs exactly what it sends: sign(body) gives the delivery's credential headers", async () => {
      const timestamp = Date.now();
      for (const event of tableEvents) {
        const delivery = await entry.kit.delivery(event, { ...credentials, timestamp });
        const headers = await entry.kit.sign(delivery.body, { ...credentials, timestamp });
        expect(Object.keys(headers).length).toBeGreaterThan(0);
        for (const [name, value] of Object.entries(headers)) expect(delivery.headers[name.toLowerCase()]).toBe(value);
      }
    });

    it("maps every event to the unified kinds its provider produces, without throwing", async () => {
      const described = await describeEvents(entry);
      expect(described.map((d) => d.event)).toEqual([...tableEvents]);
    });

    if (entry.authenticity === "credentials") {
      it.each(CREDENTIAL_FORMS)("accepts every event with receiver-side credentials %j, and refuses it without them", async (auth) => {
        for (const event of tableEvents) {
          expect((await handleWith(entry, { auth }, { auth }, event)).status).toBe(200);
          expect((await handleWith(entry, { auth }, {}, event)).status).toBe(401);
        }
      });
    }
  });
}

describe("every vendor of the registry", () => {
  it("has a kit on the testkit object, by id", () => {
    expect(vendorIds.length).toBeGreaterThan(0);
    for (const id of vendorIds) expect(testkit[id]).toBe(vendors[id].kit);
    expect(Object.keys(testkit)).toEqual(vendorIds);
  });

  for (const id of vendorIds) specifyVendor(id, vendors[id]);
});

describe("BLOX, against its own event table", () => {
  it("has a testkit builder for every key of bloxEvents", () => {
    expect([...testkit.blox.events].sort()).toEqual(Object.keys(bloxEvents).sort());
  });

  it("overrides fields deeply and keeps the signature valid over the new bytes", async () => {
    const delivery = await testkit.blox.delivery("editorial.update_asset", { secret: "s", overrides: { data: { title: "Override" } } });
    expect(delivery.payload.data.title).toBe("Override");
    expect(delivery.payload.data.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const receiver = createReceiver({ provider: blox({ secret: "s" }) });
    expect((await receiver.fetch(toRequest(delivery))).status).toBe(200);
  });

  it("maps update_asset (published) to content.update and content.publish", async () => {
    const described = await describeEvents(vendors.blox);
    expect(described.find((d) => d.event === "editorial.update_asset")?.unified).toEqual(["content.update", "content.publish"]);
    expect(described.find((d) => d.event === "user.delete_user")?.unified).toEqual(["user.change"]);
  });
});

// No vendor that signs nothing is registered yet (Kapost, Contensis and Inbenta land later): a small
// stand-in built the way their kits are runs the same contract, so the credentials path is covered today.
const pingSchema = z.looseObject({ kind: z.literal("ping"), id: z.string(), at: z.string() });
const standInEvents = { ping: defineEvent(pingSchema, { unified: (p) => ({ kind: "content.update", items: [{ id: p.id }], occurredAt: p.at }) }) };
const standIn = defineVendor<{ ping: z.output<typeof pingSchema> }>({
  title: "Unsigned stand-in",
  authenticity: "credentials",
  kit: {
    vendor: "stand-in",
    events: ["ping"],
    payload: (_event, options = {}) => {
      const data = new SampleData(options.seed ?? 1);
      return deepMerge({ kind: "ping" as const, id: data.uuid(), at: data.isoDate() }, options.overrides);
    },
    async delivery(event, options = {}) {
      return makeDelivery({
        vendor: "stand-in",
        event,
        payload: this.payload(event, options),
        path: pathWithAuth("/hooks/stand-in", options.auth),
        sign: async () => authHeaders(options.auth),
      });
    },
    sign: async (_body, { auth }) => authHeaders(auth),
  },
  provider: ({ auth }) =>
    defineProvider({ name: "stand-in", events: standInEvents, auth: auth && authenticatorFor(auth), route: (body) => [{ name: "ping", payload: body }] }),
});

describe("the contract, on a stand-in vendor that signs nothing", () => {
  specifyVendor("stand-in", standIn);
});
