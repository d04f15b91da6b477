/**
 * The app every runtime runs: one receiver per vendor, mounted at
 * `/hooks/<id>`, answering through `receiver.fetch`. It is bundled with
 * esbuild for Workers, Bun, Deno and edge-runtime, and imported as is on
 * Node. Nothing here may use a Node API.
 */
import { basicAuth, createReceiver, cryptoEngine, secretHeader, secretQueryParam, type Authenticator, type Provider } from "@cmshooks/core";
import type { TestAuth } from "@cmshooks/testkit";
import type { RuntimeCredentials } from "./runtime-vendors.js";

/** A vendor package's provider factory (`blox`, `kapost`, …), called with `{ secret }` or `{ auth }`. */
export type ProviderFactory = (options: { secret: string } | { auth: Authenticator }) => Provider;

/** One receiver of the app. */
export interface RuntimeReceiverSpec {
  readonly id: string;
  readonly factory: ProviderFactory;
  readonly credentials: RuntimeCredentials;
}

/** One delivery of the table, in JSON-safe values (the body as base64). */
export interface RuntimeCase {
  readonly vendor: string;
  readonly name: string;
  readonly expected: { readonly status: number; readonly error?: string; readonly issuePath?: readonly (string | number)[] };
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyBase64: string;
}

/** What a runtime answered to one delivery. */
export interface RuntimeResult {
  readonly status: number;
  /** The `error` code of the JSON answer, if any. */
  readonly error?: string;
  /** Path of the first schema issue of a 422. */
  readonly issuePath?: readonly (string | number)[];
  /** How many events the receiver's handlers saw for this delivery. */
  readonly handled: number;
}

/** Which runtime the app runs on, and which crypto its core entry uses. */
export interface RuntimeDescription {
  readonly runtime: string;
  readonly userAgent: string;
  /** True when signatures are verified with Web Crypto (core's default entry), false with node:crypto. */
  readonly webCrypto: boolean;
}

/** The app: a fetch handler, plus helpers to run the table from inside the runtime. */
export interface RuntimeApp {
  fetch(request: Request): Promise<Response>;
  runCases(cases: readonly RuntimeCase[]): Promise<RuntimeResult[]>;
  describe(): RuntimeDescription;
}

const HANDLED_HEADER = "x-runtime-handled";

/** The app answers GET on this path with its {@link RuntimeDescription}. */
export const DESCRIBE_PATH = "/__describe";

/** The core authenticator for testkit credentials (as the testkit's `authenticatorFor`, without importing every vendor). */
function authenticator(auth: TestAuth): Authenticator {
  if ("basic" in auth) return basicAuth(auth.basic);
  if ("header" in auth) return secretHeader(auth.header);
  return secretQueryParam(auth.query);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A fetch `Request` for a case, built with the runtime's own `Request`. */
export function caseRequest(c: RuntimeCase, origin = "http://runtime.test"): Request {
  return new Request(origin + c.path, { method: c.method, headers: c.headers, body: base64ToBytes(c.bodyBase64) });
}

/** Reads the answer of the app (the receiver's JSON body, plus the handler count). */
export async function caseResult(response: Pick<Response, "status" | "headers" | "text">): Promise<RuntimeResult> {
  const text = await response.text();
  let json: { error?: string; issues?: { path?: (string | number)[] }[] } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // Not JSON: the status says enough.
  }
  return {
    status: response.status,
    ...(json.error ? { error: json.error } : {}),
    ...(json.issues?.[0]?.path ? { issuePath: json.issues[0].path } : {}),
    handled: Number(response.headers.get(HANDLED_HEADER) ?? 0),
  };
}

function runtimeName(): string {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.Bun !== "undefined") return "bun";
  if (typeof g.Deno !== "undefined") return "deno";
  if (typeof g.EdgeRuntime === "string") return "edge-runtime";
  const agent = (g.navigator as { userAgent?: string } | undefined)?.userAgent ?? "";
  if (agent.startsWith("Cloudflare-Workers")) return "workerd";
  if ((g.process as { versions?: { node?: string } } | undefined)?.versions?.node) return "node";
  return "unknown";
}

/**
 * Creates the app: a receiver per vendor (body limit `maxBodyBytes`), each
 * counting the events its handlers see.
 *
 * @example
 * ```ts
 * const app = createRuntimeApp([{ id: "blox", factory: blox, credentials: { secret } }], 16_384);
 * export default { fetch: app.fetch };
 * ```
 */
export function createRuntimeApp(specs: readonly RuntimeReceiverSpec[], maxBodyBytes: number): RuntimeApp {
  const receivers = new Map(
    specs.map((spec) => {
      const options = "secret" in spec.credentials ? { secret: spec.credentials.secret } : { auth: authenticator(spec.credentials.auth) };
      const receiver = createReceiver({ provider: spec.factory(options), maxBodyBytes });
      const state = { handled: 0 };
      receiver.onAny(() => void state.handled++);
      return [spec.id, { receiver, state }] as const;
    }),
  );

  function describe(): RuntimeDescription {
    const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? "";
    return { runtime: runtimeName(), userAgent: agent, webCrypto: !cryptoEngine.sync };
  }

  async function fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === DESCRIBE_PATH) return Response.json(describe());
    const id = new URL(request.url).pathname.split("/")[2] ?? "";
    const entry = receivers.get(id);
    if (!entry) return new Response(JSON.stringify({ error: "no_receiver" }), { status: 404 });
    const before = entry.state.handled;
    const response = await entry.receiver.fetch(request);
    const headers = new Headers(response.headers);
    headers.set(HANDLED_HEADER, String(entry.state.handled - before));
    return new Response(response.body, { status: response.status, headers });
  }

  return {
    fetch,
    async runCases(cases) {
      const results: RuntimeResult[] = [];
      // One at a time, as the handler counts are per receiver.
      for (const c of cases) results.push(await caseResult(await fetch(caseRequest(c))));
      return results;
    },
    describe,
  };
}
