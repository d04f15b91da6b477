import { createReceiver, type Receiver, type WebhookError } from "@cmshooks/core";
import { onEveryUnified, sampleCredentials, type TestDelivery, type VendorCredentials, type VendorEntry } from "@cmshooks/testkit";
import { collectPools } from "./body-mutations.js";
import { foreignPrototypes } from "./prototype-check.js";

/** Small, so oversized bodies stay cheap to build and send. */
export const RELIABILITY_LIMIT = 64 * 1024;

/** One way a receiver can be configured to authenticate a vendor. */
export interface CredentialForm {
  readonly label: "secret" | "basic" | "header" | "query";
  readonly credentials: VendorCredentials;
  /** The same form with other values: what a sender without the right secret has. */
  readonly wrong: VendorCredentials;
}

/**
 * The credential forms a vendor is tested with: its signing secret, or each
 * form of receiver-side credentials for vendors that sign nothing.
 */
export function credentialForms(entry: Pick<VendorEntry, "authenticity">): CredentialForm[] {
  if (entry.authenticity === "signature") {
    return [{ label: "secret", credentials: sampleCredentials(entry), wrong: { secret: "an-attackers-guess" } }];
  }
  const header = sampleCredentials(entry);
  const headerAuth = header.auth && "header" in header.auth ? header.auth.header : { name: "x-cmshooks-sample", value: "cmshooks-sample-secret" };
  return [
    {
      label: "basic",
      credentials: { auth: { basic: { username: "cms", password: "r3liab:le wörd" } } },
      wrong: { auth: { basic: { username: "cms", password: "r3liab:le word" } } },
    },
    { label: "header", credentials: header, wrong: { auth: { header: { name: headerAuth.name, value: `${headerAuth.value}-not` } } } },
    {
      label: "query",
      credentials: { auth: { query: { name: "token", value: "r3liab/le&t0ken" } } },
      wrong: { auth: { query: { name: "token", value: "r3liab/le&t0ke" } } },
    },
  ];
}

/** The secret values of a form: no answer may ever contain one. */
export function secretValues(form: CredentialForm): string[] {
  const { secret, auth } = form.credentials;
  if (secret !== undefined) return [secret];
  if (!auth) return [];
  if ("basic" in auth) return [auth.basic.password];
  if ("header" in auth) return [auth.header.value];
  return [auth.query.value];
}

/** A receiver for one vendor and credential form, with a handler on everything that records what ran. */
export interface VendorHarness {
  readonly id: string;
  readonly entry: VendorEntry;
  readonly form: CredentialForm;
  readonly receiver: Receiver;
  /** The receiver has an allowlist: a delivery from an unknown or unparseable peer address gets 403. */
  readonly allowlisted: boolean;
  /** Signed sample deliveries: every event, a few seeds. */
  readonly samples: readonly TestDelivery[];
  readonly stringPool: readonly string[];
  readonly keyPool: readonly string[];
  /** Handler invocations since the last `reset()` (native, unified and `onAny` alike). */
  readonly runs: number;
  /** Problems seen inside handlers: a payload whose objects have a foreign prototype. */
  readonly violations: readonly string[];
  /** What the receiver reported to `onError` since the last `reset()`. */
  readonly reports: readonly WebhookError[];
  reset(): void;
}

/** Options of {@link makeHarness}. */
export interface HarnessOptions {
  readonly seeds?: readonly number[];
  readonly maxBodyBytes?: number;
  /** Believe every forwarding header and allow every address: the client-address parser then reads whatever a delivery carries. */
  readonly trustEveryProxy?: boolean;
}

/** Every IPv4 and IPv6 address. */
const EVERY_ADDRESS = ["0.0.0.0/0", "::/0"];

/**
 * Builds the harness of one vendor and form: a receiver with a listener on
 * every native event, every unified kind and `onAny`, and signed samples.
 */
export async function makeHarness(id: string, entry: VendorEntry, form: CredentialForm, options: HarnessOptions = {}): Promise<VendorHarness> {
  const receiver = createReceiver({
    provider: entry.provider(form.credentials),
    maxBodyBytes: options.maxBodyBytes ?? RELIABILITY_LIMIT,
    ...(options.trustEveryProxy ? { trustProxy: true, allowIps: EVERY_ADDRESS } : {}),
  });
  let runs = 0;
  const violations: string[] = [];
  const reports: WebhookError[] = [];
  const check = (what: string, value: unknown) => {
    for (const problem of foreignPrototypes(value)) violations.push(`${id} ${what}: ${problem}`);
  };
  const native = (event: { name: string; payload: unknown; meta: unknown }) => {
    runs++;
    check(`${event.name} payload`, event.payload);
    check(`${event.name} meta`, event.meta);
  };
  const unified = (event: { kind: string; raw: unknown; items: unknown }) => {
    runs++;
    check(`${event.kind} raw`, event.raw);
    check(`${event.kind} items`, event.items);
  };
  receiver.on(receiver.provider.eventNames, native);
  receiver.onAny(native);
  onEveryUnified(receiver, unified);
  receiver.onError((error) => void reports.push(error));

  const samples: TestDelivery[] = [];
  for (const event of entry.kit.events) {
    for (const seed of options.seeds ?? [1, 2]) samples.push(await entry.kit.delivery(event, { ...form.credentials, seed }));
  }
  const pools = collectPools(samples.map((s) => s.text));
  return {
    id,
    entry,
    form,
    receiver,
    allowlisted: options.trustEveryProxy === true,
    samples,
    ...pools,
    get runs() {
      return runs;
    },
    violations,
    reports,
    reset() {
      runs = 0;
      reports.length = 0;
    },
  };
}
