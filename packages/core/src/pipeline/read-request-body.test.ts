import { describe, expect, it } from "vitest";
import { readRequestBody } from "./read-request-body.js";

/** A request whose body sends one chunk and then never ends. */
function stalledRequest(onCancel: () => void): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"partial":'));
    },
    cancel: onCancel,
  });
  return new Request("http://127.0.0.1/hooks", { method: "POST", body, duplex: "half" } as RequestInit);
}

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (error: { status: number; code: string }) => `${error.status} ${error.code}`);

describe("readRequestBody", () => {
  it("answers 408 and cancels the stream when the body does not arrive in time", async () => {
    let cancelled = false;
    const outcome = await codeOf(readRequestBody(stalledRequest(() => void (cancelled = true)), 1024, 100));
    expect([outcome, cancelled]).toEqual(["408 request_timeout", true]);
  });

  it("answers 413 as soon as a stream passes the limit", async () => {
    const request = new Request("http://127.0.0.1/hooks", { method: "POST", body: "x".repeat(2048) });
    expect(await codeOf(readRequestBody(request, 1024, 1000))).toBe("413 body_too_large");
  });

  it("answers 400 when the stream breaks off", async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("socket hang up"));
      },
    });
    const request = new Request("http://127.0.0.1/hooks", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await codeOf(readRequestBody(request, 1024))).toBe("400 body_incomplete");
  });

  it("returns the exact bytes of a complete body", async () => {
    const request = new Request("http://127.0.0.1/hooks", { method: "POST", body: '{"a":"é"}' });
    expect(new TextDecoder().decode(await readRequestBody(request, 1024, 1000))).toBe('{"a":"é"}');
  });
});

/** A request whose body arrives in the given chunks. */
function chunkedRequest(chunks: readonly string[]): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Request("http://127.0.0.1/hooks", { method: "POST", body, duplex: "half" } as RequestInit);
}

const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;

describe("readRequestBody, more shapes of body", () => {
  it("reads a request without a body as empty bytes", async () => {
    const body = await readRequestBody(new Request("http://127.0.0.1/hooks", { method: "POST" }), 1024, 1000);
    expect([body, body.byteLength]).toEqual([new Uint8Array(0), 0]);
  });

  it("joins a body that arrives in several chunks, in order", async () => {
    const body = await readRequestBody(chunkedRequest(['{"a":', '"é",', '"b":2}']), 1024, 1000);
    expect(new TextDecoder().decode(body)).toBe('{"a":"é","b":2}');
  });

  it("says why in the 400 when the stream breaks off", async () => {
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error("socket hang up")) });
    const request = new Request("http://127.0.0.1/hooks", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readRequestBody(request, 1024)).rejects.toMatchObject({ status: 400, message: "The body ended before it was complete" });
  });

  it("leaves no timer behind once the body is read, so a long timeout holds neither the request nor the process", async () => {
    const before = timers();
    await readRequestBody(chunkedRequest(["{}"]), 1024, 60_000);
    expect(timers()).toBe(before);
  });
});
