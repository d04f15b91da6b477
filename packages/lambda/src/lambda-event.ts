/**
 * The parts of the HTTP events Lambda receives that the handler reads. They
 * are typed structurally, so the handler needs no particular version of
 * `@types/aws-lambda`: its `APIGatewayProxyEvent`, `APIGatewayProxyEventV2`
 * and `LambdaFunctionURLEvent` all fit (checked in `types.test.ts`).
 */

/** Header values as API Gateway gives them: names in the sender's case, `undefined` for none. */
export type LambdaHeaders = Readonly<Record<string, string | undefined>>;

/** Repeated headers or query parameters of a REST API event, one array per name. */
export type LambdaMultiValues = Readonly<Record<string, readonly string[] | undefined>>;

/** Route parameters (`/hooks/{tenant}`) as API Gateway gives them. */
export type LambdaPathParameters = Readonly<Record<string, string | undefined>>;

/**
 * An API Gateway REST API event (payload format 1.0; also what an HTTP API
 * sends when its integration is set to 1.0).
 */
export interface LambdaEventV1 {
  readonly httpMethod: string;
  readonly path: string;
  /** The last value of each header, in the sender's case. */
  readonly headers: LambdaHeaders | null;
  /** Every value of each header, in the sender's case. */
  readonly multiValueHeaders?: LambdaMultiValues | null;
  readonly multiValueQueryStringParameters?: LambdaMultiValues | null;
  readonly queryStringParameters?: LambdaHeaders | null;
  readonly pathParameters?: LambdaPathParameters | null;
  readonly body: string | null;
  readonly isBase64Encoded: boolean;
  readonly requestContext: { readonly identity: { readonly sourceIp: string } };
}

/** An API Gateway HTTP API event (payload format 2.0), or a Lambda function URL event (same shape). */
export interface LambdaEventV2 {
  readonly rawPath: string;
  readonly rawQueryString: string;
  /** Lower-case names; repeated headers joined with commas. */
  readonly headers: LambdaHeaders;
  readonly pathParameters?: LambdaPathParameters | null;
  readonly body?: string;
  readonly isBase64Encoded: boolean;
  readonly requestContext: { readonly http: { readonly method: string; readonly sourceIp: string } };
}

/** Any HTTP event the handler takes: REST API (v1), HTTP API (v2) or a function URL. */
export type LambdaHttpEvent = LambdaEventV1 | LambdaEventV2;

/**
 * The handler's answer: the receiver's status, headers and body. It fits
 * `APIGatewayProxyResult` (REST API) and `APIGatewayProxyStructuredResultV2`
 * (HTTP API, function URLs).
 */
export interface LambdaHttpResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly isBase64Encoded: false;
}

/**
 * Whether an event has the 2.0 shape (HTTP API payload 2.0, function URLs).
 *
 * @example
 * ```ts
 * const method = isEventV2(event) ? event.requestContext.http.method : event.httpMethod;
 * ```
 */
export function isEventV2(event: LambdaHttpEvent): event is LambdaEventV2 {
  return "rawPath" in event;
}
