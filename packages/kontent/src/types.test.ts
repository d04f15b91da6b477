import { createReceiver } from "@cmshooks/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { kontent, type KontentEventName, type KontentMeta } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only registers handlers.
describe("Kontent.ai handler types", () => {
  const receiver = createReceiver({ provider: kontent({ secret: "s3cret" }) });

  it("types items[0] of a legacy publish as present: the first item caused the notification", () => {
    receiver.on("content_item_variant.publish", ({ payload }) => payload.data.items[0].codename);
    receiver.on("content_item_variant.publish", ({ name, payload }) => {
      expectTypeOf(name).toEqualTypeOf<"content_item_variant.publish">();
      expectTypeOf(payload.data.items[0].codename).toEqualTypeOf<string>();
      expectTypeOf(payload.data.items[1]).toEqualTypeOf<{ id: string; codename: string; collection: string; language: string; type: string } | undefined>();
      expectTypeOf(payload.data.taxonomies[0]).toEqualTypeOf<{ id: string; codename: string } | undefined>();
      expectTypeOf(payload.message.type).toEqualTypeOf<"content_item_variant">();
      expectTypeOf(payload.message.operation).toEqualTypeOf<"publish">();
      expectTypeOf(payload.message.api_name).toEqualTypeOf<"delivery_production" | "delivery_preview" | "content_management">();
    });
  });

  it("gives workflow transitions workflow items and no taxonomies", () => {
    receiver.on("content_item_variant.change_workflow_step", ({ payload }) => {
      expectTypeOf(payload.data.items[0]?.transition_to.id).toEqualTypeOf<string | undefined>();
      // @ts-expect-error — workflow notifications carry no taxonomies
      void payload.data.taxonomies;
      // @ts-expect-error — workflow items have no codename
      void payload.data.items[0]?.codename;
    });
  });

  it("rejects a misspelt field instead of typing it unknown", () => {
    receiver.on("taxonomy.upsert", ({ payload }) => {
      expectTypeOf(payload.data.taxonomies[0]?.codename).toEqualTypeOf<string | undefined>();
      // @ts-expect-error — `taxonomy` is not a field; `taxonomies` is
      void payload.data.taxonomy;
    });
  });

  it("gives current-format notifications their exact object type, action and slot", () => {
    receiver.on("content_item.published", ({ payload, index }) => {
      expectTypeOf(index).toEqualTypeOf<number>();
      expectTypeOf(payload.data.system.workflow_step).toEqualTypeOf<string>();
      expectTypeOf(payload.message.delivery_slot).toEqualTypeOf<"published">();
      expectTypeOf(payload.message.action).toEqualTypeOf<"published">();
    });
    receiver.on("content_item.workflow_step_changed", ({ payload }) => {
      expectTypeOf(payload.message.action_context.previous_workflow_step).toEqualTypeOf<string>();
      expectTypeOf(payload.message.delivery_slot).toEqualTypeOf<"preview">();
    });
    receiver.on("content_item.metadata_changed", ({ payload }) => {
      expectTypeOf(payload.message.delivery_slot).toEqualTypeOf<"published" | "preview">();
    });
    receiver.on("taxonomy.term_created", ({ payload }) => {
      expectTypeOf(payload.message.object_type).toEqualTypeOf<"taxonomy">();
      // @ts-expect-error — only content items have a workflow step
      void payload.data.system.workflow_step;
    });
    receiver.on("asset.deleted", ({ payload }) => {
      expectTypeOf(payload.data.system.name).toEqualTypeOf<string>();
      // @ts-expect-error — action_context belongs to workflow_step_changed only
      void payload.message.action_context;
    });
  });

  it("types the X-KC-Message-* header meta on every event", () => {
    receiver.on("asset.upsert", ({ meta }) => {
      expectTypeOf(meta).toEqualTypeOf<KontentMeta>();
      expectTypeOf(meta.apiName).toExtend<string | undefined>();
    });
    receiver.onContentPublish((event) => {
      expectTypeOf(event.meta).toEqualTypeOf<KontentMeta>();
      expectTypeOf(event.channel).toEqualTypeOf<"published" | "preview" | "management" | undefined>();
      expectTypeOf(event.items[0]?.role).toEqualTypeOf<"subject" | "affected" | undefined>();
    });
  });

  it("does not compile an event name of neither format", () => {
    expectTypeOf<"content_item.published" | "content_item_variant.publish">().toExtend<KontentEventName>();
    // @ts-expect-error — legacy operations are present tense, current actions past tense: there is no content_item.publish
    expectTypeOf(receiver.on).toBeCallableWith("content_item.publish", () => {});
  });

  it("accepts only documented values in the accept filter", () => {
    kontent({ secret: "s", accept: { apiName: ["delivery_production"], type: ["content_item_variant"] } });
    // @ts-expect-error — not an API name (and refused at runtime too)
    expect(() => kontent({ secret: "s", accept: { apiName: ["delivery"] } })).toThrow(/apiName/);
  });
});
