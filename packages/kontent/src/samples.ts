import type { KontentEventName, KontentPayloads } from "./events.js";
import type { KontentApiName, KontentContentItem, KontentLegacyOperation, KontentLegacyType, KontentTaxonomyGroup } from "./legacy-schemas.js";
import type { KontentDeliverySlot, KontentItemSystem, KontentObjectSystem, KontentObjectType } from "./notification-schemas.js";

// Values taken from Kontent.ai's own examples where there is one.
const PROJECT_ID = "bf32e7ab-85c3-0073-47b9-90838a8462de";
const ENVIRONMENT_ID = "0f5b6cb2-ea82-014e-ac74-f71e7e8b6aee";

const article: KontentContentItem = {
  id: "e5d575fe-9608-4523-a07d-e32d780bf92a",
  codename: "published_article",
  collection: "default",
  language: "en-US",
  type: "article",
};
const affected: KontentContentItem = {
  id: "e113e464-bffb-4fbd-a29b-47991d003732",
  codename: "report_for_2020",
  collection: "default",
  language: "en-US",
  type: "article",
};
const personas: KontentTaxonomyGroup = { id: "4794dde6-f700-4a5d-b0dc-9ae16dcfc73d", codename: "personas" };

function legacy<const T extends KontentLegacyType, const O extends KontentLegacyOperation, D>(type: T, operation: O, apiName: KontentApiName, data: D) {
  return {
    data,
    message: {
      id: "e1b372a2-1186-4929-b370-904c59f060b7",
      project_id: PROJECT_ID,
      type,
      operation,
      api_name: apiName,
      created_timestamp: "2026-05-18T10:52:33.1059256Z",
      webhook_url: "https://example.com/cache-invalidate",
    },
  };
}

const contentData = (items: KontentContentItem[], taxonomies: KontentTaxonomyGroup[] = []) => ({ items, taxonomies });
const causedData = { items: [article, affected] as [KontentContentItem, ...KontentContentItem[]], taxonomies: [] };

const itemSystem: KontentItemSystem = {
  id: "aa7f127f-1920-4454-a89a-0609aba8ea6f",
  name: "This changes everything!",
  codename: "this_changes_everything_",
  collection: "marketing",
  workflow: "default",
  workflow_step: "published",
  language: "default",
  type: "product_update",
  last_modified: "2026-03-25T07:55:57.0563735Z",
};
const objectSystems: Readonly<Record<Exclude<KontentObjectType, "content_item">, KontentObjectSystem>> = {
  asset: { id: "5d1ed1ad-4f3c-4b8f-9a7e-1f2b3c4d5e6f", name: "hero-banner.jpg", codename: "hero_banner_jpg", last_modified: "2026-03-25T08:01:12.2210433Z" },
  content_type: { id: "b2c14f04-5c3a-4e6e-8d5f-6a7b8c9d0e1f", name: "Product update", codename: "product_update", last_modified: "2026-03-25T08:02:40.0067112Z" },
  language: { id: "00000000-0000-0000-0000-000000000000", name: "Default project language", codename: "default", last_modified: "2026-03-25T08:03:05.5120087Z" },
  taxonomy: { id: "4794dde6-f700-4a5d-b0dc-9ae16dcfc73d", name: "Personas", codename: "personas", last_modified: "2026-03-25T08:04:51.7300918Z" },
};

function notification<const O extends KontentObjectType, const A extends string, const S extends KontentDeliverySlot, Sys>(
  objectType: O,
  action: A,
  slot: S,
  system: Sys,
) {
  return { data: { system }, message: { environment_id: ENVIRONMENT_ID, object_type: objectType, action, delivery_slot: slot } };
}

/**
 * A realistic sample payload for every Kontent.ai native event: a whole
 * delivery for legacy events, one notification for current-format events
 * (send it as `{ notifications: [sample] }`).
 *
 * @example
 * ```ts
 * const body = formatKontentJson({ notifications: [kontentSamples["content_item.published"]] });
 * const legacyBody = formatKontentJson(kontentSamples["content_item_variant.publish"]);
 * ```
 */
export const kontentSamples: { readonly [K in KontentEventName]: KontentPayloads[K] } = {
  "asset.upsert": legacy("asset", "upsert", "delivery_production", contentData([article])),
  "content_item.upsert": legacy("content_item", "upsert", "delivery_production", contentData([article])),
  "content_item_variant.archive": legacy("content_item_variant", "archive", "content_management", causedData),
  "content_item_variant.change_workflow_step": legacy("content_item_variant", "change_workflow_step", "content_management", {
    items: [
      {
        item: { id: "65f05e0f-40c3-436b-a641-e2d4cae16e46" },
        language: { id: "00000000-0000-0000-0000-000000000000" },
        transition_from: { id: "eee6db3b-545a-4785-8e86-e3772c8756f9" },
        transition_to: { id: "03b6ebd3-2f49-4621-92fd-4977b33681d1" },
      },
    ],
  }),
  "content_item_variant.create": legacy("content_item_variant", "create", "content_management", contentData([article])),
  "content_item_variant.upsert": legacy("content_item_variant", "upsert", "delivery_preview", contentData([article, affected])),
  "content_item_variant.restore": legacy("content_item_variant", "restore", "content_management", causedData),
  "content_item_variant.publish": legacy("content_item_variant", "publish", "delivery_production", causedData),
  "content_item_variant.unpublish": legacy("content_item_variant", "unpublish", "delivery_production", causedData),
  "content_type.upsert": legacy("content_type", "upsert", "delivery_production", contentData([article, affected])),
  "language_settings.upsert": legacy("language_settings", "upsert", "delivery_production", contentData([article])),
  "project.archive": legacy("project", "archive", "delivery_production", contentData([])),
  "project.restore": legacy("project", "restore", "delivery_production", contentData([])),
  "project_settings.upsert": legacy("project_settings", "upsert", "delivery_production", contentData([article])),
  "taxonomy.archive": legacy("taxonomy", "archive", "delivery_production", contentData([affected], [personas])),
  "taxonomy.restore": legacy("taxonomy", "restore", "delivery_production", contentData([affected], [personas])),
  "taxonomy.upsert": legacy("taxonomy", "upsert", "delivery_production", contentData([article], [personas])),
  "workflow.upsert": legacy("workflow", "upsert", "delivery_preview", contentData([article])),
  "content_item.created": notification("content_item", "created", "preview", { ...itemSystem, workflow_step: "draft" }),
  "content_item.deleted": notification("content_item", "deleted", "preview", { ...itemSystem, workflow_step: "draft" }),
  "content_item.changed": notification("content_item", "changed", "preview", { ...itemSystem, workflow_step: "draft" }),
  "content_item.metadata_changed": notification("content_item", "metadata_changed", "published", itemSystem),
  "content_item.workflow_step_changed": {
    ...notification("content_item", "workflow_step_changed", "preview", { ...itemSystem, workflow_step: "review" }),
    message: {
      environment_id: ENVIRONMENT_ID,
      object_type: "content_item",
      action: "workflow_step_changed",
      delivery_slot: "preview",
      action_context: { previous_workflow: "default", previous_workflow_step: "draft" },
    },
  },
  "content_item.published": notification("content_item", "published", "published", itemSystem),
  "content_item.unpublished": notification("content_item", "unpublished", "published", itemSystem),
  "asset.created": notification("asset", "created", "published", objectSystems.asset),
  "asset.changed": notification("asset", "changed", "preview", objectSystems.asset),
  "asset.deleted": notification("asset", "deleted", "published", objectSystems.asset),
  "asset.metadata_changed": notification("asset", "metadata_changed", "preview", objectSystems.asset),
  "content_type.created": notification("content_type", "created", "published", objectSystems.content_type),
  "content_type.deleted": notification("content_type", "deleted", "published", objectSystems.content_type),
  "content_type.changed": notification("content_type", "changed", "preview", objectSystems.content_type),
  "language.created": notification("language", "created", "published", objectSystems.language),
  "language.deleted": notification("language", "deleted", "published", objectSystems.language),
  "language.changed": notification("language", "changed", "preview", objectSystems.language),
  "taxonomy.created": notification("taxonomy", "created", "published", objectSystems.taxonomy),
  "taxonomy.deleted": notification("taxonomy", "deleted", "published", objectSystems.taxonomy),
  "taxonomy.metadata_changed": notification("taxonomy", "metadata_changed", "published", objectSystems.taxonomy),
  "taxonomy.term_created": notification("taxonomy", "term_created", "published", objectSystems.taxonomy),
  "taxonomy.term_changed": notification("taxonomy", "term_changed", "preview", objectSystems.taxonomy),
  "taxonomy.term_deleted": notification("taxonomy", "term_deleted", "published", objectSystems.taxonomy),
  "taxonomy.terms_moved": notification("taxonomy", "terms_moved", "published", objectSystems.taxonomy),
};
