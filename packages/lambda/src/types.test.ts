import { blox } from "@cmshooks/blox";
import { createReceiver } from "@cmshooks/core";
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyHandler,
  APIGatewayProxyHandlerV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  LambdaFunctionURLEvent,
  LambdaFunctionURLHandler,
} from "aws-lambda";
import { describe, expectTypeOf, it } from "vitest";
import { lambdaReceiver, type LambdaHttpEvent, type LambdaHttpResult } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck): the structural types fit @types/aws-lambda's.
describe("lambdaReceiver types", () => {
  const handler = lambdaReceiver(createReceiver({ provider: blox({ secret: "s3cret" }) }));

  it("takes the REST API, HTTP API and function URL events of @types/aws-lambda", () => {
    expectTypeOf<APIGatewayProxyEvent>().toExtend<LambdaHttpEvent>();
    expectTypeOf<APIGatewayProxyEventV2>().toExtend<LambdaHttpEvent>();
    expectTypeOf<LambdaFunctionURLEvent>().toExtend<LambdaHttpEvent>();
  });

  it("answers with a result each of them accepts", () => {
    expectTypeOf<LambdaHttpResult>().toExtend<APIGatewayProxyResult>();
    expectTypeOf<LambdaHttpResult>().toExtend<APIGatewayProxyStructuredResultV2>();
  });

  it("is a handler of each kind", () => {
    expectTypeOf(handler).toExtend<APIGatewayProxyHandler>();
    expectTypeOf(handler).toExtend<APIGatewayProxyHandlerV2>();
    expectTypeOf(handler).toExtend<LambdaFunctionURLHandler>();
  });

  it("does not take something that is not a receiver", () => {
    // @ts-expect-error — no handle()
    lambdaReceiver({ fetch: () => undefined });
  });
});
