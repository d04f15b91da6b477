import {
  ContensisBadRequestError,
  ContensisManagementError,
  ContensisServerError,
  ContensisSubscriptionInvalidError,
  createSubscription,
  defineContensisSubscription,
  pointer,
  type ContensisSubscriptionRequest,
} from "@cmshooks/contensis";
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { DOCS_TOPICS_EXAMPLE, parseDocsJson, SEED_CREATE_REQUEST, SEED_CREATE_RESPONSE } from "../packages/contensis/src/seed-examples.fixture.js";
import { startServer, type RunningServer } from "./support/http.js";

interface Received {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

const PATH = "/api/management/projects/movies/events/webhooks/subscriptions";

/** Answers as the seed documents: 201 with the created resource; 400 / 500 with an error body, chosen by the subscription's name. */
function contensisManagementApi(received: Received[]) {
  return async (req: IncomingMessage, res: import("node:http").ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    received.push({ method: req.method, url: req.url, authorization: req.headers.authorization, contentType: req.headers["content-type"], body });
    const name = JSON.stringify(body.name);
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (req.url !== PATH || req.method !== "POST") return reply(404, { message: "Not found" });
    if (name.includes("bad")) return reply(400, { logId: "8c1d", message: "An invalid payload was sent in the request", data: [{ field: "url" }] });
    if (name.includes("boom")) return reply(500, { logId: "9e2f", message: "Internal server error" });
    if (name.includes("teapot")) return reply(418, {});
    // topics-and-events.md's example resource: event and filters as plain strings, invokeUrl instead of url.
    if (name.includes("strings")) return reply(201, DOCS_TOPICS_EXAMPLE);
    if (name.includes("garbled")) return reply(201, { id: "77f0", topics: "all of them" });
    return reply(201, { ...parseDocsJson<Record<string, unknown>>(SEED_CREATE_RESPONSE), name: body.name, templates: body.templates });
  };
}

describe("createSubscription against a local Management API", () => {
  let server: RunningServer;
  const received: Received[] = [];
  beforeAll(async () => {
    const api = contensisManagementApi(received);
    server = await startServer((req, res) => void api(req, res));
  });
  afterAll(() => server.close());
  beforeEach(() => void received.splice(0));

  const options = () => ({ baseUrl: `${server.url}/`, projectId: "movies", token: "management-token" });

  it("POSTs the seed's request to the subscriptions collection and returns the created resource (201)", async () => {
    const request = parseDocsJson<ContensisSubscriptionRequest>(SEED_CREATE_REQUEST);
    const created = await createSubscription(options(), request);
    expect(created.id).toBe("3a7ce8e3-9c9f-4242-be20-35edb29c4a07");
    const templates = Object.fromEntries(Object.entries(request.templates!).map(([k, t]) => [k, typeof t === "string" ? t : JSON.stringify(t)]));
    expect(received).toEqual([
      { method: "POST", url: PATH, authorization: "Bearer management-token", contentType: "application/json", body: { ...request, templates } },
    ]);
  });

  it("sends a typed subscription's Management API body, routing headers included", async () => {
    const subscription = defineContensisSubscription({
      name: { "en-GB": "News" },
      url: "https://hooks.example.com/contensis",
      topics: [{ resourceType: "entry", event: ["published"], contentTypeId: ["news"] }],
      headers: { "x-webhook-secret": { value: "s3cret", secret: true } },
      templates: { "entry.news": { id: "{/resource/sys/id}", headline: pointer("/resource/headline", z.string()) } },
    });
    await createSubscription(options(), subscription);
    const body = received[0]!.body as ContensisSubscriptionRequest;
    // Templates go as JSON text, as the official model types them ({ [key: string]: string }).
    expect(body.templates).toEqual({ "entry.news": JSON.stringify({ id: "{/resource/sys/id}", headline: "{/resource/headline}" }) });
    expect(body.headers?.["x-contensis-event"]).toEqual({ value: "{{event.name}}" });
    expect(body.headers?.["x-webhook-secret"]).toEqual({ value: "s3cret", secret: true });
    expect(body).not.toHaveProperty("routingHeaders");
  });

  it("sends templates as JSON strings by default, leaving a whole-value string template as it is", async () => {
    const request = parseDocsJson<ContensisSubscriptionRequest>(SEED_CREATE_REQUEST);
    await createSubscription(options(), request);
    const templates = received[0]!.body.templates as Record<string, string>;
    expect(JSON.parse(templates["entry.news"]!)).toEqual(request.templates!["entry.news"]);
    expect(templates.contentType).toBe("{/resource/}");
  });

  it("sends templates as JSON objects when asked", async () => {
    const request = parseDocsJson<ContensisSubscriptionRequest>(SEED_CREATE_REQUEST);
    await createSubscription({ ...options(), templates: "object" }, request);
    expect(received[0]!.body.templates).toEqual(request.templates);
  });

  it("reads back a created subscription whose topics carry single strings and invokeUrl, instead of failing after creating it", async () => {
    const request = { ...parseDocsJson<ContensisSubscriptionRequest>(SEED_CREATE_REQUEST), name: "strings" };
    const created = await createSubscription(options(), request);
    expect(created.invokeUrl).toBe("https://external.mywebsite.com/handlewebhooks");
    expect(created.topics[0]).toMatchObject({ event: ["updated"], language: ["fr-fr"], contentTypeId: ["blog"] });
    expect(created.topics[2]).toMatchObject({ resourceType: "contentType", event: ["created"] });
  });

  it("says the subscription was created, and not to retry, when the answer cannot be read", async () => {
    const request = { ...parseDocsJson<ContensisSubscriptionRequest>(SEED_CREATE_REQUEST), name: "garbled" };
    const error = await createSubscription(options(), request).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 201, code: "created_unreadable" });
    expect((error as Error).message).toMatch(/created the subscription 77f0.*Do not retry/);
    expect(received).toHaveLength(1);
  });

  it("rejects a wrong topic with its path and sends nothing", async () => {
    const request = parseDocsJson<Record<string, unknown>>(SEED_CREATE_REQUEST);
    const wrong = { ...request, topics: [{ resourceType: "entry", event: ["publishd"] }] } as unknown as ContensisSubscriptionRequest;
    const error = await createSubscription(options(), wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContensisSubscriptionInvalidError);
    expect((error as ContensisSubscriptionInvalidError).issues[0]?.path).toEqual(["topics", 0, "event", 0]);
    expect(received).toEqual([]);
  });

  it("turns a 400 into ContensisBadRequestError with the error body", async () => {
    const request = { ...parseDocsJson<ContensisSubscriptionRequest>(SEED_CREATE_REQUEST), name: "bad" };
    const error = await createSubscription(options(), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContensisBadRequestError);
    expect(error).toMatchObject({ status: 400, code: "bad_request", body: { logId: "8c1d", message: "An invalid payload was sent in the request" } });
  });

  it("turns a 500 into ContensisServerError", async () => {
    const request = { ...parseDocsJson<ContensisSubscriptionRequest>(SEED_CREATE_REQUEST), name: "boom" };
    const error = await createSubscription(options(), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContensisServerError);
    expect(error).toMatchObject({ status: 500, code: "server_error", body: { logId: "9e2f" } });
  });

  it("reports any other status as ContensisManagementError", async () => {
    const request = { ...parseDocsJson<ContensisSubscriptionRequest>(SEED_CREATE_REQUEST), name: "teapot" };
    const error = await createSubscription(options(), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContensisManagementError);
    expect(error).toMatchObject({ status: 418, code: "unexpected_status" });
  });
});
