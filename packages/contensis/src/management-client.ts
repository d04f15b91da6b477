import { toPayloadIssues } from "@cmshooks/core";
import { ContensisSubscriptionInvalidError, type ContensisSubscription } from "./define-subscription.js";
import type { ContensisJson } from "./render-template.js";
import {
  contensisErrorSchema,
  contensisSubscriptionRequestSchema,
  contensisSubscriptionSchema,
  type ContensisErrorBody,
  type ContensisSubscriptionRequest,
  type ContensisSubscriptionResource,
} from "./subscription-schemas.js";

/** Where and as whom to call the Management API. */
export interface ContensisManagementOptions {
  /** The CMS origin, e.g. `https://cms-example.cloud.contensis.com`. */
  baseUrl: string;
  /** The project id from the project overview screen, e.g. `website`. */
  projectId: string;
  /** A bearer token (how you obtain it, e.g. OAuth client credentials, is outside this client). */
  token: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * How templates are sent: as JSON text (`"json-string"`, the default: the
   * official model `contensis-management-api` types `templates` as
   * `{ [key: string]: string }`, and both the docs' resource example and the
   * vendor's own test send strings) or as JSON values (`"object"`, as the
   * docs' create example writes them).
   */
  templates?: "object" | "json-string";
  signal?: AbortSignal;
}

/** Stable codes of Management API failures. */
export type ContensisManagementErrorCode = "bad_request" | "server_error" | "unexpected_status" | "invalid_response" | "created_unreadable";

/**
 * A Management API call failed. `status` is the HTTP status, `body` the
 * parsed error body when there was one.
 *
 * @example
 * ```ts
 * try { await createSubscription(options, subscription); }
 * catch (e) { if (e instanceof ContensisManagementError && e.status === 400) console.log(e.body?.message); }
 * ```
 */
export class ContensisManagementError extends Error {
  readonly status: number;
  readonly code: ContensisManagementErrorCode;
  readonly body: ContensisErrorBody | undefined;
  constructor(status: number, code: ContensisManagementErrorCode, message: string, body?: ContensisErrorBody) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/**
 * 400: Contensis rejected the subscription ("An invalid payload was sent in the request").
 *
 * @example
 * ```ts
 * if (error instanceof ContensisBadRequestError) console.log(error.body?.message);
 * ```
 */
export class ContensisBadRequestError extends ContensisManagementError {
  constructor(body: ContensisErrorBody | undefined) {
    super(400, "bad_request", `Contensis rejected the subscription (400)${body?.message ? `: ${body.message}` : ""}`, body);
  }
}

/**
 * 500: Contensis failed while creating the subscription.
 *
 * @example
 * ```ts
 * if (error instanceof ContensisServerError) retryLater();
 * ```
 */
export class ContensisServerError extends ContensisManagementError {
  constructor(body: ContensisErrorBody | undefined) {
    super(500, "server_error", `Contensis failed to create the subscription (500)${body?.message ? `: ${body.message}` : ""}`, body);
  }
}

/**
 * The path of the webhook subscriptions collection of a project.
 *
 * @example
 * ```ts
 * contensisSubscriptionsPath("movies"); // "/api/management/projects/movies/events/webhooks/subscriptions"
 * ```
 */
export function contensisSubscriptionsPath(projectId: string): string {
  return `/api/management/projects/${encodeURIComponent(projectId)}/events/webhooks/subscriptions`;
}

/**
 * Creates a webhook subscription: validates the body first (a wrong topic
 * throws {@link ContensisSubscriptionInvalidError} with its path and sends
 * nothing), POSTs it, and returns the created resource. A 400 throws
 * {@link ContensisBadRequestError}, a 500 {@link ContensisServerError}.
 *
 * @example
 * ```ts
 * const created = await createSubscription(
 *   { baseUrl: "https://cms-example.cloud.contensis.com", projectId: "website", token },
 *   subscription, // from defineContensisSubscription
 * );
 * console.log(created.id);
 * ```
 */
export async function createSubscription(
  options: ContensisManagementOptions,
  subscription: ContensisSubscription | ContensisSubscriptionRequest,
): Promise<ContensisSubscriptionResource> {
  const request = isDefined(subscription) ? subscription.request : validate(subscription);
  const body = options.templates === "object" ? request : withJsonStringTemplates(request);
  const url = `${options.baseUrl.replace(/\/+$/, "")}${contensisSubscriptionsPath(options.projectId)}`;
  const response = await (options.fetch ?? fetch)(url, {
    method: "POST",
    headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const json = await readJson(response);
  if (response.status === 201 || response.status === 200) {
    const parsed = contensisSubscriptionSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    // The subscription exists now: an error that invites a retry would create a duplicate.
    const id = typeof (json as { id?: unknown } | undefined)?.id === "string" ? (json as { id: string }).id : undefined;
    throw new ContensisManagementError(
      response.status,
      "created_unreadable",
      `Contensis created the subscription${id ? ` ${id}` : ""} (${response.status}) but its answer could not be read as one. ` +
        "Do not retry: that would create a second subscription; check the project's subscriptions instead.",
    );
  }
  const error = contensisErrorSchema.safeParse(json);
  const errorBody = error.success ? error.data : undefined;
  if (response.status === 400) throw new ContensisBadRequestError(errorBody);
  if (response.status === 500) throw new ContensisServerError(errorBody);
  throw new ContensisManagementError(response.status, "unexpected_status", `Contensis answered ${response.status}`, errorBody);
}

function isDefined(value: ContensisSubscription | ContensisSubscriptionRequest): value is ContensisSubscription {
  return typeof (value as ContensisSubscription).request === "object" && Array.isArray((value as ContensisSubscription).templates);
}

function validate(request: ContensisSubscriptionRequest): ContensisSubscriptionRequest {
  const result = contensisSubscriptionRequestSchema.safeParse(request);
  if (!result.success) throw new ContensisSubscriptionInvalidError(toPayloadIssues(result.error));
  return result.data;
}

function withJsonStringTemplates(request: ContensisSubscriptionRequest): ContensisSubscriptionRequest {
  if (!request.templates) return request;
  const templates: Record<string, ContensisJson> = {};
  for (const [key, template] of Object.entries(request.templates)) {
    // A string template (a placeholder, or JSON text already) is sent as it is.
    templates[key] = typeof template === "string" ? template : JSON.stringify(template);
  }
  return { ...request, templates };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
