import { ConfigurationError, type DeliveryInput } from "@cmshooks/core";
import { eventBody } from "./event-body.js";
import { eventHeaders } from "./event-headers.js";
import { isEventV2, type LambdaEventV1, type LambdaHttpEvent } from "./lambda-event.js";

/**
 * The plain-values delivery for one Lambda HTTP event: method, lower-case
 * headers, the body as the exact bytes (decoded from base64 when
 * `isBase64Encoded`), the source IP from `requestContext` and the path with
 * its query (for query-string and path secrets).
 *
 * This is the one place an event becomes a `DeliveryInput`; route parameters
 * (`event.pathParameters`) join it here, for receivers that serve many tenants.
 *
 * @example
 * ```ts
 * const response = await receiver.handle(lambdaDelivery(event));
 * ```
 */
export function lambdaDelivery(event: LambdaHttpEvent): DeliveryInput {
  if (isEventV2(event)) {
    const http = event.requestContext?.http;
    if (!http) throw notAnHttpEvent();
    return {
      method: http.method,
      headers: eventHeaders(event.headers),
      body: eventBody(event.body, event.isBase64Encoded),
      ip: http.sourceIp,
      url: event.rawQueryString ? `${event.rawPath}?${event.rawQueryString}` : event.rawPath,
      params: pathParams(event.pathParameters),
    };
  }
  if (typeof event?.httpMethod !== "string") throw notAnHttpEvent();
  return {
    method: event.httpMethod,
    headers: eventHeaders(event.headers, event.multiValueHeaders),
    body: eventBody(event.body, event.isBase64Encoded),
    ip: event.requestContext?.identity?.sourceIp,
    url: pathWithQuery(event),
    params: pathParams(event.pathParameters),
  };
}

/** Path parameters without the `undefined` values AWS's types allow. */
function pathParams(parameters: Readonly<Record<string, string | undefined>> | null | undefined): Readonly<Record<string, string>> | undefined {
  if (!parameters) return undefined;
  const params: Record<string, string> = {};
  for (const name in parameters) if (parameters[name] !== undefined) params[name] = parameters[name]!;
  return params;
}

/** A REST API event's path and query string, rebuilt from its (decoded) query parameters. */
function pathWithQuery(event: LambdaEventV1): string {
  const query = new URLSearchParams();
  const multi = event.multiValueQueryStringParameters;
  const single = event.queryStringParameters;
  if (multi) {
    for (const name in multi) for (const value of multi[name] ?? []) query.append(name, value);
  } else if (single) {
    for (const name in single) if (single[name] !== undefined) query.append(name, single[name]!);
  }
  const text = query.toString();
  return text ? `${event.path}?${text}` : event.path;
}

function notAnHttpEvent(): ConfigurationError {
  return new ConfigurationError(
    "lambdaReceiver: the event is not an HTTP event from API Gateway (REST or HTTP API) or a function URL; check the function's trigger",
  );
}
