import { isEventV2, lambdaReceiver, type LambdaHttpHandler } from "@cmshooks/lambda";
import type { APIGatewayProxyHandler, APIGatewayProxyHandlerV2, LambdaFunctionURLHandler } from "aws-lambda";
import { createReceivers } from "../../shared/receivers.js";

// Built once per Lambda instance (outside the handler): secrets, schemas and matchers are prepared at cold start.
const receivers = createReceivers();
const byPath = new Map(Object.entries(receivers).map(([vendor, receiver]) => [`/hooks/${vendor}`, lambdaReceiver(receiver)]));

/**
 * One function for every vendor, behind an API Gateway REST API, an HTTP API
 * or a function URL: the path (`/hooks/<vendor>`) picks the receiver. A
 * function per vendor would export `lambdaReceiver(receiver)` directly.
 */
export const handler: LambdaHttpHandler = async (event) => {
  const receive = byPath.get(isEventV2(event) ? event.rawPath : event.path);
  if (receive) return receive(event);
  return { statusCode: 404, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"error":"not_found"}', isBase64Encoded: false };
};

// The same function typed with @types/aws-lambda, for each kind of trigger.
export const restApiHandler: APIGatewayProxyHandler = handler;
export const httpApiHandler: APIGatewayProxyHandlerV2 = handler;
export const functionUrlHandler: LambdaFunctionURLHandler = handler;
