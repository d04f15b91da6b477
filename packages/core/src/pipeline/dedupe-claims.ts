import type { DedupeOptions, DedupeState } from "../dedupe/dedupe-store.js";
import { WebhookError } from "../errors.js";

/** The claim taken for each event of a delivery. */
export type Claim = DedupeState;

function unavailable(cause: unknown): WebhookError {
  return new WebhookError(503, "dedupe_unavailable", "The dedupe store is unavailable; retry later", {
    cause,
    headers: { "retry-after": "5" },
  });
}

/**
 * Claims every delivery id of a delivery before any handler runs (`ids` are
 * distinct: events that share an id share one claim). Returns the claims, or
 * `undefined` when every id was already handled (answer 200 without running
 * handlers). An event being handled elsewhere answers 503 with
 * `Retry-After` (senders retry 5xx; many treat 4xx as final), after giving back
 * the claims this call took. A store that fails answers 503: a receiver never
 * runs handlers without the dedupe it was configured with.
 *
 * The ids are claimed all at once, so a store that gathers the calls of one
 * turn (the Redis store) sends a batch delivery's claims in one round trip.
 * A claim that cannot be given back is reported (it stays taken until its
 * processing TTL ends, and retries until then answer 503).
 */
export async function dedupeClaims(
  dedupe: Required<DedupeOptions>,
  ids: readonly string[],
  report: (error: WebhookError) => void,
): Promise<Claim[] | undefined> {
  const ttl = dedupe.processingTtlMs;
  // `then` also turns a claim that throws at once into a rejection, settled with the others.
  const settled = await Promise.allSettled(ids.map((id) => Promise.resolve(id).then((i) => dedupe.store.claim(i, ttl))));
  const claims = settled.map((s) => (s.status === "fulfilled" ? s.value : undefined));
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) {
    await releaseNew(dedupe, ids, claims, report);
    throw unavailable(failed.reason);
  }
  if (claims.includes("processing")) {
    await releaseNew(dedupe, ids, claims, report);
    throw new WebhookError(503, "duplicate_in_progress", "This delivery is being handled by another instance; retry later", {
      headers: { "retry-after": String(dedupe.retryAfterSeconds) },
    });
  }
  return claims.every((c) => c === "done") ? undefined : (claims as Claim[]);
}

async function releaseNew(
  dedupe: Required<DedupeOptions>,
  ids: readonly string[],
  claims: readonly (Claim | undefined)[],
  report: (error: WebhookError) => void,
): Promise<void> {
  await Promise.all(
    claims.map((claim, i) =>
      claim === "new"
        ? // `then` also catches a release that throws at once, so every other claim is still given back.
          Promise.resolve(ids[i]!)
            .then((id) => dedupe.store.release(id))
            .catch((cause: unknown) => report(notReleased(ids[i]!, dedupe.processingTtlMs, cause)))
        : undefined,
    ),
  );
}

function notReleased(id: string, ttlMs: number, cause: unknown): WebhookError {
  const message = `Could not give back the dedupe claim for ${id}; retries answer 503 until it expires (processingTtlMs, ${ttlMs} ms)`;
  return new WebhookError(500, "dedupe_unavailable", message, { cause, level: "warning" });
}

/** Marks an event done (handlers succeeded) or releases it (they failed); a store failure is reported, not thrown. */
export async function settleClaim(
  dedupe: Required<DedupeOptions>,
  id: string,
  outcome: "complete" | "release",
  report: (error: WebhookError) => void,
): Promise<void> {
  try {
    if (outcome === "complete") await dedupe.store.complete(id, dedupe.doneTtlMs);
    else await dedupe.store.release(id);
  } catch (cause) {
    report(new WebhookError(500, "dedupe_unavailable", `Could not ${outcome} the dedupe claim for ${id}`, { cause, level: "warning" }));
  }
}
