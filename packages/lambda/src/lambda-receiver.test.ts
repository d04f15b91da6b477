import { blox, bloxSamples, signBlox } from "@cmshooks/blox";
import { ConfigurationError, createReceiver, type ReceiverOptions } from "@cmshooks/core";
import { describe, expect, it } from "vitest";
import { eventShapes, functionUrlEvent, httpApiEvent, restApiEvent, type EventShape } from "./aws-sample-events.test-support.js";
import { lambdaDelivery, lambdaReceiver, type LambdaHttpEvent } from "./index.js";

const SECRET = "lambda-secret";
const sample = bloxSamples["editorial.update_asset"];
const body = JSON.stringify(sample, null, 2);

/** A signed request as the sender made it, in one of the recorded shapes. */
function eventOf(shape: EventShape, request: { headers: Record<string, string>; body: string | Uint8Array; base64?: boolean; method?: string }): LambdaHttpEvent {
  return shape.event({ method: "POST", path: "/hooks/blox", ...request });
}

function makeHandler(options: Omit<ReceiverOptions, "provider"> = {}) {
  const seen: string[] = [];
  const receiver = createReceiver({ provider: blox({ secret: SECRET }), ...options });
  receiver.on("editorial.update_asset", ({ payload }) => void seen.push(payload.data.uuid));
  return { handler: lambdaReceiver(receiver), seen };
}

const signed = async (text = body, secret = SECRET) => ({ "content-type": "application/json", "x-hook-signature": await signBlox(text, secret) });

describe.each(eventShapes)("lambdaReceiver with a $name event", (shape) => {
  it("verifies a plain body and runs the handler once (200)", async () => {
    const { handler, seen } = makeHandler();
    const result = await handler(eventOf(shape, { headers: await signed(), body }));
    expect(result).toEqual({ statusCode: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"ok":true}', isBase64Encoded: false });
    expect(seen).toEqual([sample.data.uuid]);
  });

  it("verifies a base64 body over its decoded bytes (200)", async () => {
    const { handler, seen } = makeHandler();
    const result = await handler(eventOf(shape, { headers: await signed(), body, base64: true }));
    expect(result.statusCode).toBe(200);
    expect(seen).toEqual([sample.data.uuid]);
  });

  it("verifies non-UTF-8 bytes, which only base64 carries exactly", async () => {
    const { handler } = makeHandler();
    const bytes = Buffer.concat([Buffer.from(body), Buffer.from([0x20, 0xff])]); // trailing space, then a byte that is not UTF-8
    const headers = { "content-type": "application/json", "x-hook-signature": await signBlox(new Uint8Array(bytes), SECRET) };
    const result = await handler(eventOf(shape, { headers, body: new Uint8Array(bytes), base64: true }));
    // Verified (not 401); the stray byte then makes it invalid JSON.
    expect([result.statusCode, JSON.parse(result.body).error]).toEqual([400, "invalid_json"]);
  });

  it("refuses a body changed after signing (401), plain or base64", async () => {
    const { handler, seen } = makeHandler();
    const changed = body.replace(sample.data.uuid, "x");
    expect((await handler(eventOf(shape, { headers: await signed(), body: changed }))).statusCode).toBe(401);
    expect((await handler(eventOf(shape, { headers: await signed(), body: changed, base64: true }))).statusCode).toBe(401);
    expect(seen).toEqual([]);
  });

  it("takes the source IP from requestContext, not X-Forwarded-For", async () => {
    const allowed = makeHandler({ allowIps: [shape.sourceIp] });
    expect((await allowed.handler(eventOf(shape, { headers: await signed(), body }))).statusCode).toBe(200);
    const refused = makeHandler({ allowIps: ["10.0.0.0/8"] });
    const result = await refused.handler(eventOf(shape, { headers: { ...(await signed()), "x-forwarded-for": "10.1.2.3" }, body }));
    expect(result.statusCode).toBe(403);
    expect(JSON.parse(result.body).message).toContain(shape.sourceIp);
  });

  it("answers 413 over the limit, plain or base64, without a Connection header", async () => {
    const { handler } = makeHandler({ maxBodyBytes: 64 });
    for (const event of [eventOf(shape, { headers: await signed(), body }), eventOf(shape, { headers: await signed(), body, base64: true })]) {
      const result = await handler(event);
      expect(result.statusCode).toBe(413);
      expect(JSON.parse(result.body).error).toBe("body_too_large");
      expect(Object.keys(result.headers)).not.toContain("connection");
    }
  });

  it("answers 405 with Allow to another method", async () => {
    const { handler } = makeHandler();
    const result = await handler(eventOf(shape, { headers: {}, body: "", method: "GET" }));
    expect(result.statusCode).toBe(405);
    expect(result.headers.allow).toBe("POST");
  });

  it("answers 400 to a body marked base64 that is not", async () => {
    const { handler } = makeHandler();
    const result = await handler({ ...eventOf(shape, { headers: await signed(), body }), body: "not base64!", isBase64Encoded: true });
    expect(result.statusCode).toBe(400);
  });
});

describe("lambdaDelivery", () => {
  it("reads REST API headers case-insensitively, every value of a repeated header from multiValueHeaders", () => {
    const delivery = lambdaDelivery({
      ...restApiEvent,
      headers: { "X-Custom": "b", "Content-Type": "application/json" },
      multiValueHeaders: { "X-Custom": ["a", "b"], "x-custom": ["c"], "Content-Type": ["application/json"] },
    });
    expect(delivery.headers).toMatchObject({ "x-custom": ["a", "b", "c"], "content-type": ["application/json"] });
  });

  it("falls back to REST API single-value headers when multiValueHeaders is null", () => {
    const delivery = lambdaDelivery({ ...restApiEvent, headers: { "X-Hook-Signature": "sig" }, multiValueHeaders: null });
    expect(delivery.headers).toMatchObject({ "x-hook-signature": "sig" });
  });

  it("keeps path and query for query-string and path secrets", () => {
    expect(lambdaDelivery(restApiEvent).url).toBe("/hello/world?name=me");
    expect(lambdaDelivery({ ...restApiEvent, multiValueQueryStringParameters: { token: ["a&b", "c"] } }).url).toBe("/hello/world?token=a%26b&token=c");
    expect(lambdaDelivery({ ...restApiEvent, multiValueQueryStringParameters: null, queryStringParameters: null }).url).toBe("/hello/world");
    expect(lambdaDelivery(functionUrlEvent).url).toBe("/my/path?parameter1=value1&parameter1=value2&parameter2=value");
    expect(lambdaDelivery(httpApiEvent).url).toBe("/");
  });

  it("reads the method and source IP of every recorded shape", () => {
    expect([restApiEvent, httpApiEvent, functionUrlEvent].map((e) => [lambdaDelivery(e).method, lambdaDelivery(e).ip])).toEqual([
      ["POST", "192.168.196.186"],
      ["GET", "1.2.3.4"],
      ["POST", "123.123.123.123"],
    ]);
  });

  it("refuses an event that is not an HTTP event (a wrong trigger) with a ConfigurationError", async () => {
    const { handler } = makeHandler();
    const sqs = { Records: [{ body: "{}" }] } as unknown as LambdaHttpEvent;
    await expect(handler(sqs)).rejects.toBeInstanceOf(ConfigurationError);
    await expect(handler({ rawPath: "/" } as unknown as LambdaHttpEvent)).rejects.toThrow(/not an HTTP event/);
  });
});
