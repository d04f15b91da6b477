import type { ReceiverResponse, WebhookReceiver } from "@cmshooks/core";
import { lambdaDelivery } from "./event-delivery.js";
import type { LambdaHttpEvent, LambdaHttpResult } from "./lambda-event.js";

/** A Lambda handler for HTTP events; it fits `Handler<APIGatewayProxyEvent, APIGatewayProxyResult>` and its v2 twins. */
export type LambdaHttpHandler = (event: LambdaHttpEvent) => Promise<LambdaHttpResult>;

/**
 * The receiver's answer as a Lambda HTTP result. `Connection` is left out: it
 * belongs to the connection API Gateway holds, not to the function.
 *
 * @example
 * ```ts
 * return toLambdaResult(await receiver.handle(lambdaDelivery(event)));
 * ```
 */
export function toLambdaResult(response: ReceiverResponse): LambdaHttpResult {
  const headers: Record<string, string> = {};
  for (const name in response.headers) if (name !== "connection") headers[name] = response.headers[name]!;
  return { statusCode: response.status, headers, body: response.body, isBase64Encoded: false };
}

/**
 * A Lambda handler for a receiver, for API Gateway REST APIs (payload 1.0),
 * HTTP APIs (payload 2.0) and function URLs: the shape of each event is told
 * apart at run time. The signature is checked over the exact bytes that
 * arrived (base64-decoded when `isBase64Encoded`); the answer is the
 * receiver's status, headers and short JSON body. No AWS SDK is involved.
 *
 * @example
 * ```ts
 * const receiver = createReceiver({ provider: blox({ secret: process.env.BLOX_SECRET! }) });
 * receiver.onContentPublish((event) => purge(event.items));
 * export const handler = lambdaReceiver(receiver);
 * ```
 */
export function lambdaReceiver(receiver: Pick<WebhookReceiver, "handle">): LambdaHttpHandler {
  return async (event) => toLambdaResult(await receiver.handle(lambdaDelivery(event)));
}
