import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CONTENSIS_EVENT_NAMES,
  defineContensisSubscription,
  parseContensisSubscription,
  splitContensisEventName,
  type ContensisSubscription,
  type ContensisSubscriptionDefinition,
} from "@cmshooks/contensis";
import type { VendorTestkit } from "../test-delivery.js";
import { contensisTestkitFor } from "../vendors/contensis.js";
import { UsageError } from "./usage-error.js";

/** A Contensis kit for the user's own subscription, and the events its topics send. */
export interface SubscriptionKit {
  readonly kit: VendorTestkit;
  readonly subscription: ContensisSubscription;
  /** Native events some topic of the subscription sends. */
  readonly events: readonly string[];
}

function isSubscription(value: unknown): value is ContensisSubscription {
  return typeof value === "object" && value !== null && "definition" in value && "secretHeaders" in value && "topics" in value;
}

/** A subscription from what a file holds: one already defined, a definition, or the resource Contensis stores. */
function toSubscription(value: unknown, file: string): ContensisSubscription {
  if (isSubscription(value)) return value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new UsageError(`--subscription ${file} holds no subscription object`);
  try {
    return defineContensisSubscription(value as ContensisSubscriptionDefinition) as unknown as ContensisSubscription;
  } catch (asDefinition) {
    try {
      // The shape Contensis' management API returns (templates stored as strings).
      return parseContensisSubscription(value as Record<string, unknown>) as unknown as ContensisSubscription;
    } catch {
      throw new UsageError(`--subscription ${file}: ${(asDefinition as Error).message}`);
    }
  }
}

async function readSubscriptionFile(path: string): Promise<unknown> {
  if (extname(path) === ".json") {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      throw new UsageError(`--subscription: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new UsageError(`--subscription ${path} is not JSON: ${(error as Error).message}`);
    }
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_UNKNOWN_FILE_EXTENSION") {
      throw new UsageError(`--subscription ${path}: Node cannot load this file type by itself; use a .json or .js/.mjs file, or run with NODE_OPTIONS="--import tsx"`);
    }
    throw new UsageError(`--subscription: cannot load ${path}: ${(error as Error).message}`);
  }
  const exported = module.subscription ?? module.default;
  if (exported === undefined) throw new UsageError(`--subscription ${path} exports neither \`subscription\` nor a default`);
  return exported;
}

/**
 * Loads `--subscription <file>`: a JSON file (a subscription definition, or
 * the resource Contensis stores) or a module exporting one as `subscription`
 * or `default` (a definition, or what `defineContensisSubscription` returned).
 *
 * @example
 * ```ts
 * const { kit, events } = await subscriptionArgument("./subscription.json", process.cwd());
 * ```
 */
export async function subscriptionArgument(file: string, cwd: string): Promise<SubscriptionKit> {
  const path = resolve(cwd, file);
  const subscription = toSubscription(await readSubscriptionFile(path), file);
  const events = CONTENSIS_EVENT_NAMES.filter((name) => {
    const split = splitContensisEventName(name);
    return subscription.topics.some((t) => t.resourceType === split?.resourceType && (t.event as readonly string[]).includes(split.event));
  });
  return { kit: contensisTestkitFor(subscription) as unknown as VendorTestkit, subscription, events };
}
