/**
 * Recorded HTTP events, as AWS documents them, copied from the test data of
 * AWS's own Go runtime library (github.com/aws/aws-lambda-go, Apache-2.0):
 *
 * - REST API (payload 1.0): events/testdata/apigw-request.json @ 3017aa47e95337c19185c606a91417df28288045
 * - HTTP API (payload 2.0): events/testdata/apigw-v2-request-no-authorizer.json @ 3eecfa8ecd98c7b09b69e97d3fa87cf539419ef2
 * - Function URL:           events/testdata/lambda-urls-request.json @ 0578e3271e32e7943d40aaf052f51d9654715de0
 *   (the same request payload as the Lambda developer guide's "Invoking Lambda function URLs")
 *
 * Only the layout changed (JSON to a TypeScript object). Tests put a request
 * into a copy of each (method, path, query, headers, body) with `eventShapes`
 * and leave every other field, the source IP among them, as recorded.
 */
import type { LambdaEventV1, LambdaEventV2, LambdaHttpEvent } from "./lambda-event.js";

export const restApiEvent = {
  resource: "/{proxy+}",
  path: "/hello/world",
  httpMethod: "POST",
  headers: {
    Accept: "*/*",
    "Accept-Encoding": "gzip, deflate",
    "cache-control": "no-cache",
    "CloudFront-Forwarded-Proto": "https",
    "CloudFront-Is-Desktop-Viewer": "true",
    "CloudFront-Is-Mobile-Viewer": "false",
    "CloudFront-Is-SmartTV-Viewer": "false",
    "CloudFront-Is-Tablet-Viewer": "false",
    "CloudFront-Viewer-Country": "US",
    "Content-Type": "application/json",
    headerName: "headerValue",
    Host: "gy415nuibc.execute-api.us-east-1.amazonaws.com",
    "Postman-Token": "9f583ef0-ed83-4a38-aef3-eb9ce3f7a57f",
    "User-Agent": "PostmanRuntime/2.4.5",
    Via: "1.1 d98420743a69852491bbdea73f7680bd.cloudfront.net (CloudFront)",
    "X-Amz-Cf-Id": "pn-PWIJc6thYnZm5P0NMgOUglL1DYtl0gdeJky8tqsg8iS_sgsKD1A==",
    "X-Forwarded-For": "54.240.196.186, 54.182.214.83",
    "X-Forwarded-Port": "443",
    "X-Forwarded-Proto": "https",
  },
  multiValueHeaders: {
    Accept: ["*/*"],
    "Accept-Encoding": ["gzip, deflate"],
    "cache-control": ["no-cache"],
    "CloudFront-Forwarded-Proto": ["https"],
    "CloudFront-Is-Desktop-Viewer": ["true"],
    "CloudFront-Is-Mobile-Viewer": ["false"],
    "CloudFront-Is-SmartTV-Viewer": ["false"],
    "CloudFront-Is-Tablet-Viewer": ["false"],
    "CloudFront-Viewer-Country": ["US"],
    "Content-Type": ["application/json"],
    headerName: ["headerValue"],
    Host: ["gy415nuibc.execute-api.us-east-1.amazonaws.com"],
    "Postman-Token": ["9f583ef0-ed83-4a38-aef3-eb9ce3f7a57f"],
    "User-Agent": ["PostmanRuntime/2.4.5"],
    Via: ["1.1 d98420743a69852491bbdea73f7680bd.cloudfront.net (CloudFront)"],
    "X-Amz-Cf-Id": ["pn-PWIJc6thYnZm5P0NMgOUglL1DYtl0gdeJky8tqsg8iS_sgsKD1A=="],
    "X-Forwarded-For": ["54.240.196.186, 54.182.214.83"],
    "X-Forwarded-Port": ["443"],
    "X-Forwarded-Proto": ["https"],
  },
  queryStringParameters: { name: "me" },
  multiValueQueryStringParameters: { name: ["me"] },
  pathParameters: { proxy: "hello/world" },
  stageVariables: { stageVariableName: "stageVariableValue" },
  requestContext: {
    accountId: "12345678912",
    resourceId: "roq9wj",
    stage: "testStage",
    domainName: "gy415nuibc.execute-api.us-east-2.amazonaws.com",
    domainPrefix: "y0ne18dixk",
    requestId: "deef4878-7910-11e6-8f14-25afc3e9ae33",
    identity: {
      cognitoIdentityPoolId: "theCognitoIdentityPoolId",
      accountId: "theAccountId",
      cognitoIdentityId: "theCognitoIdentityId",
      caller: "theCaller",
      apiKey: "theApiKey",
      apiKeyId: "theApiKeyId",
      accessKey: "ANEXAMPLEOFACCESSKEY",
      sourceIp: "192.168.196.186",
      cognitoAuthenticationType: "theCognitoAuthenticationType",
      cognitoAuthenticationProvider: "theCognitoAuthenticationProvider",
      userArn: "theUserArn",
      userAgent: "PostmanRuntime/2.4.5",
      user: "theUser",
    },
    authorizer: { principalId: "admin", clientId: 1, clientName: "Exata" },
    resourcePath: "/{proxy+}",
    httpMethod: "POST",
    requestTime: "15/May/2020:06:01:09 +0000",
    requestTimeEpoch: 1589522469693,
    apiId: "gy415nuibc",
  },
  body: '{\r\n\t"a": 1\r\n}',
  isBase64Encoded: false,
};

export const httpApiEvent = {
  version: "2.0",
  routeKey: "$default",
  rawPath: "/",
  rawQueryString: "",
  headers: {
    accept: "*/*",
    "content-length": "0",
    host: "aaaaaaaaaa.execute-api.us-west-2.amazonaws.com",
    "user-agent": "curl/7.58.0",
    "x-amzn-trace-id": "Root=1-5e9f0c65-1de4d666d4dd26aced652b6c",
    "x-forwarded-for": "1.2.3.4",
    "x-forwarded-port": "443",
    "x-forwarded-proto": "https",
  },
  requestContext: {
    accountId: "123456789012",
    apiId: "aaaaaaaaaa",
    authentication: {
      clientCert: {
        clientCertPem: "-----BEGIN CERTIFICATE-----\nMIIEZTCCAk0CAQEwDQ...",
        issuerDN: "C=US,ST=Washington,L=Seattle,O=Amazon Web Services,OU=Security,CN=My Private CA",
        serialNumber: "1",
        subjectDN: "C=US,ST=Washington,L=Seattle,O=Amazon Web Services,OU=Security,CN=My Client",
        validity: { notAfter: "Aug  5 00:28:21 2120 GMT", notBefore: "Aug 29 00:28:21 2020 GMT" },
      },
    },
    domainName: "aaaaaaaaaa.execute-api.us-west-2.amazonaws.com",
    domainPrefix: "aaaaaaaaaa",
    http: { method: "GET", path: "/", protocol: "HTTP/1.1", sourceIp: "1.2.3.4", userAgent: "curl/7.58.0" },
    requestId: "LV7fzho-PHcEJPw=",
    routeKey: "$default",
    stage: "$default",
    time: "21/Apr/2020:15:08:21 +0000",
    timeEpoch: 1587481701067,
  },
  isBase64Encoded: false,
};

export const functionUrlEvent = {
  version: "2.0",
  routeKey: "$default",
  rawPath: "/my/path",
  rawQueryString: "parameter1=value1&parameter1=value2&parameter2=value",
  cookies: ["cookie1", "cookie2"],
  headers: { header1: "value1", header2: "value1,value2" },
  queryStringParameters: { parameter1: "value1,value2", parameter2: "value" },
  requestContext: {
    accountId: "123456789012",
    apiId: "<urlid>",
    authorizer: {
      iam: {
        accessKey: "AKIA...",
        accountId: "111122223333",
        callerId: "AIDA...",
        userArn: "arn:aws:iam::111122223333:user/example-user",
        userId: "AIDA...",
      },
    },
    domainName: "<url-id>.lambda-url.us-west-2.on.aws",
    domainPrefix: "<url-id>",
    http: { method: "POST", path: "/my/path", protocol: "HTTP/1.1", sourceIp: "123.123.123.123", userAgent: "agent" },
    requestId: "id",
    time: "12/Mar/2020:19:03:58 +0000",
    timeEpoch: 1583348638390,
  },
  body: "Hello from client!",
  isBase64Encoded: false,
};

/** A request to put into a recorded event: what a sender sent. */
export interface EventRequest {
  readonly method: string;
  /** Path and query, e.g. `/hooks/kapost?token=s3cret`. */
  readonly path: string;
  /** Lower-case names, as the testkit gives them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
  /** Hand the body to the function as base64 (`isBase64Encoded`), as API Gateway does for binary media types. */
  readonly base64?: boolean;
}

/** One recorded event shape, and how to put a request into a copy of it. */
export interface EventShape {
  readonly name: string;
  /** The recorded `requestContext` source IP, which the copies keep. */
  readonly sourceIp: string;
  event(request: EventRequest): LambdaHttpEvent;
}

function bodyOf(request: EventRequest): { body: string; isBase64Encoded: boolean; length: number } {
  const bytes = typeof request.body === "string" ? Buffer.from(request.body, "utf8") : Buffer.from(request.body);
  return { body: request.base64 ? bytes.toString("base64") : bytes.toString("utf8"), isBase64Encoded: request.base64 === true, length: bytes.length };
}

/** `content-type` → `Content-Type`: REST APIs hand headers over in the sender's case. */
function titleCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

/** REST API events carry decoded query parameters; HTTP API and function URL events the raw query string. */
function splitPath(path: string): { path: string; rawQuery: string; query: Record<string, string[]> } {
  const q = path.indexOf("?");
  const rawQuery = q < 0 ? "" : path.slice(q + 1);
  const query: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(rawQuery)) (query[name] ??= []).push(value);
  return { path: q < 0 ? path : path.slice(0, q), rawQuery, query };
}

/** The three recorded shapes, each taking a request into a copy of its recorded event. */
export const eventShapes: readonly EventShape[] = [
  {
    name: "API Gateway REST API (payload 1.0)",
    sourceIp: restApiEvent.requestContext.identity.sourceIp,
    event(request): LambdaEventV1 {
      const { body, isBase64Encoded, length } = bodyOf(request);
      const { path, query } = splitPath(request.path);
      const headers: Record<string, string> = { ...restApiEvent.headers, "Content-Length": String(length) };
      for (const name in request.headers) headers[titleCase(name)] = request.headers[name]!;
      const single = Object.fromEntries(Object.entries(query).map(([name, values]) => [name, values.at(-1)!]));
      return {
        ...restApiEvent,
        httpMethod: request.method,
        path,
        headers,
        multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
        queryStringParameters: Object.keys(query).length ? single : null,
        multiValueQueryStringParameters: Object.keys(query).length ? query : null,
        body,
        isBase64Encoded,
      };
    },
  },
  {
    name: "API Gateway HTTP API (payload 2.0)",
    sourceIp: httpApiEvent.requestContext.http.sourceIp,
    event(request): LambdaEventV2 {
      const { body, isBase64Encoded, length } = bodyOf(request);
      const { path, rawQuery } = splitPath(request.path);
      return {
        ...httpApiEvent,
        rawPath: path,
        rawQueryString: rawQuery,
        headers: { ...httpApiEvent.headers, "content-length": String(length), ...request.headers },
        requestContext: { ...httpApiEvent.requestContext, http: { ...httpApiEvent.requestContext.http, method: request.method } },
        body,
        isBase64Encoded,
      };
    },
  },
  {
    name: "Lambda function URL",
    sourceIp: functionUrlEvent.requestContext.http.sourceIp,
    event(request): LambdaEventV2 {
      const { body, isBase64Encoded } = bodyOf(request);
      const { path, rawQuery } = splitPath(request.path);
      return {
        ...functionUrlEvent,
        rawPath: path,
        rawQueryString: rawQuery,
        headers: { ...functionUrlEvent.headers, ...request.headers },
        requestContext: { ...functionUrlEvent.requestContext, http: { ...functionUrlEvent.requestContext.http, method: request.method } },
        body,
        isBase64Encoded,
      };
    },
  },
];
