/**
 * What a README block marked `<!-- fragment -->` may use without declaring it: the context a snippet
 * is shown in (a secret, a Redis client, a queue, a receiver), and the factories every such context
 * starts from. A fragment gets only the names it uses and does not declare itself
 * (test/readme-blocks.test.ts). Deliberately small: what a fragment demonstrates (a store, an option,
 * a testkit function) is imported by the fragment itself, so a wrong import in the README fails.
 * Fragments are type-checked, never run: the declared values have types, not values.
 */
import { blox } from "@cmshooks/blox";
import type { Queue, ConnectionOptions } from "bullmq";
import type { Redis } from "ioredis";

export { createReceiver } from "@cmshooks/core";
export { blox } from "@cmshooks/blox";

/** An incoming request (fetch API). */
export declare const request: Request;
/** A webhook secret. */
export declare const secret: string;
/** A provider, as `blox({ secret })` makes one. */
export declare const provider: ReturnType<typeof blox>;
/** An ioredis client. */
export declare const client: Redis;
/** A BullMQ queue. */
export declare const queue: Queue;
/** A BullMQ connection. */
export declare const connection: ConnectionOptions;
