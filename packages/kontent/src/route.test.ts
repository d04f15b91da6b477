import { toHeaderReader, ValidationError, type RouteContext } from "@cmshooks/core";
import { describe, expect, it } from "vitest";
import { compileKontentAccept } from "./accept-filter.js";
import { kontentSamples } from "./index.js";
import { readKontentMeta, type KontentMeta } from "./meta.js";
import { routeKontentDelivery } from "./route.js";

function context(headers: Record<string, string> = {}) {
  const warnings: string[] = [];
  const ctx: RouteContext<KontentMeta> = {
    headers: toHeaderReader(headers),
    meta: readKontentMeta(toHeaderReader(headers)),
    warn: (message) => void warnings.push(message),
  };
  return { ctx, warnings };
}

const publish = kontentSamples["content_item_variant.publish"];

describe("routeKontentDelivery", () => {
  it("routes a legacy delivery to <type>.<operation> with the whole body as payload", () => {
    expect(routeKontentDelivery(publish, context().ctx)).toEqual([{ name: "content_item_variant.publish", payload: publish }]);
  });

  it("routes each notification of a batch to <object_type>.<action>, with its path", () => {
    const batch = { notifications: [kontentSamples["content_item.published"], kontentSamples["taxonomy.term_created"], kontentSamples["asset.deleted"]] };
    const routed = routeKontentDelivery(batch, context().ctx);
    expect(routed.map((r) => [r.name, r.path])).toEqual([
      ["content_item.published", ["notifications", 0]],
      ["taxonomy.term_created", ["notifications", 1]],
      ["asset.deleted", ["notifications", 2]],
    ]);
    expect(routed[1]!.payload).toEqual(kontentSamples["taxonomy.term_created"]);
  });

  it("routes an empty batch to no events", () => {
    expect(routeKontentDelivery({ notifications: [] }, context().ctx)).toEqual([]);
  });

  it("keeps an unlisted pair as an unknown event name", () => {
    const sitemap = { ...publish, message: { ...publish.message, type: "sitemap", operation: "upsert" } };
    expect(routeKontentDelivery(sitemap, context().ctx)[0]!.name).toBe("sitemap.upsert");
    const future = { notifications: [{ data: { system: {} }, message: { object_type: "collection", action: "created" } }] };
    expect(routeKontentDelivery(future, context().ctx)[0]!.name).toBe("collection.created");
  });

  it("never routes one format's body to the other format's event", () => {
    const legacySpellingCurrent = { ...publish, message: { ...publish.message, type: "asset", operation: "deleted" } };
    expect(routeKontentDelivery(legacySpellingCurrent, context().ctx)[0]!.name).toBe("legacy:asset.deleted");
    const currentSpellingLegacy = { notifications: [{ data: {}, message: { object_type: "taxonomy", action: "upsert" } }] };
    expect(routeKontentDelivery(currentSpellingLegacy, context().ctx)[0]!.name).toBe("notification:taxonomy.upsert");
  });

  it("keeps the rest of a batch when one notification names no event: that one is unknown, with its path and a hint", () => {
    const missingAction = { notifications: [kontentSamples["asset.deleted"], { data: {}, message: { object_type: "asset" } }] };
    const routed = routeKontentDelivery(missingAction, context().ctx);
    expect(routed.map((r) => [r.name, r.path])).toEqual([
      ["asset.deleted", ["notifications", 0]],
      ["notification:unreadable", ["notifications", 1]],
    ]);
    expect(routed[1]!.hint).toMatch(/notifications\[1\] has no message.object_type and message.action/);
  });

  it("throws a 422 with the failing path for a broken envelope", () => {
    expect(() => routeKontentDelivery({ notifications: "none" }, context().ctx)).toThrow(ValidationError);
    expect(() => routeKontentDelivery({ data: {}, message: { type: "taxonomy" } }, context().ctx)).toThrow(ValidationError);
  });

  it("fills meta from the signed body where the body says it, whatever the unsigned X-KC-Message-* headers claimed", () => {
    const { ctx } = context({ "x-kc-message-project-id": "forged-project", "x-kc-message-api-name": "delivery_preview", "x-kc-message-id": "forged-id" });
    routeKontentDelivery(publish, ctx);
    expect(ctx.meta).toMatchObject({ projectId: publish.message.project_id, apiName: "delivery_production", id: publish.message.id });
    const current = context({ "x-kc-message-project-id": "forged-project" });
    routeKontentDelivery({ notifications: [kontentSamples["content_item.published"]] }, current.ctx);
    expect(current.ctx.meta.projectId).toBe(kontentSamples["content_item.published"].message.environment_id);
  });

  it("throws a 422 for JSON that is neither format", () => {
    for (const body of [{ hello: "world" }, [], "text", null]) {
      expect(() => routeKontentDelivery(body, context().ctx)).toThrow(/notifications.*data, message/);
    }
  });

  it("warns when X-KC-Message-* headers disagree with the body, and follows the body", () => {
    const { ctx, warnings } = context({ "x-kc-message-type": "taxonomy", "x-kc-message-operation": "publish", "x-kc-message-id": publish.message.id });
    expect(routeKontentDelivery(publish, ctx)[0]!.name).toBe("content_item_variant.publish");
    expect(warnings).toEqual([
      'Kontent.ai headers and body disagree (the body wins): X-KC-Message-Type is "taxonomy" but message.type is "content_item_variant"',
    ]);
  });

  it("does not warn when the headers agree or are absent", () => {
    const agreeing = context({
      "x-kc-message-id": publish.message.id,
      "x-kc-message-type": publish.message.type,
      "x-kc-message-operation": publish.message.operation,
      "x-kc-message-api-name": publish.message.api_name,
      "x-kc-message-project-id": publish.message.project_id,
    });
    routeKontentDelivery(publish, agreeing.ctx);
    const absent = context();
    routeKontentDelivery(publish, absent.ctx);
    expect([...agreeing.warnings, ...absent.warnings]).toEqual([]);
  });

  it("drops a legacy delivery whose body the accept filter rejects, even when its headers passed", () => {
    const accept = compileKontentAccept({ apiName: ["delivery_preview"] });
    const { ctx, warnings } = context({ "x-kc-message-api-name": "delivery_preview" });
    expect(routeKontentDelivery(publish, ctx, accept)).toEqual([]);
    expect(warnings[0]).toMatch(/X-KC-Message-Api-Name is "delivery_preview" but message.api_name is "delivery_production"/);
    expect(routeKontentDelivery(publish, context().ctx, compileKontentAccept({ apiName: ["delivery_production"] }))).toHaveLength(1);
  });
});
